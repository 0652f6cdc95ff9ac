import { describe, expect, it } from 'vitest';
import type { Scope } from '../../../kernel/scope.ts';
import { everyHook, hooksWhere, type OrderHooks } from './order-hooks.ts';

/** Hooks that write down who heard what. */
function listener(name: string, heard: string[]): OrderHooks {
  return {
    onOrderPaid: async (_tx, orderId) => heard.push(`${name} paid ${orderId}`),
    onOrderReversed: async (_tx, orderId) => heard.push(`${name} reversed ${orderId}`),
  };
}

const scopeOf = (profile: string) => ({ tenant: { id: 1, profile, settings: {} } }) as unknown as Scope;

describe('order hooks', () => {
  it('calls every hook in order, and a gated one only for the tenants it runs for', async () => {
    const heard: string[] = [];
    const hooks = everyHook(
      listener('vouchers', heard),
      hooksWhere((tenant) => tenant.profile === 'qutab-platform', listener('referrals', heard)),
    );
    await hooks.onOrderPaid(scopeOf('qutab-platform'), 1);
    await hooks.onOrderPaid(scopeOf('ansania-ecommerce'), 2);
    await hooks.onOrderReversed(scopeOf('ansania-ecommerce'), 2);
    await hooks.onOrderReversed(scopeOf('qutab-platform'), 1);
    expect(heard).toEqual([
      'vouchers paid 1',
      'referrals paid 1',
      'vouchers paid 2',
      'vouchers reversed 2',
      'vouchers reversed 1',
      'referrals reversed 1',
    ]);
  });
});
