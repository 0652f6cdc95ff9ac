import type { Scope } from '../../../kernel/scope.ts';
import type { AffiliatedOrder } from './affiliated-orders.ts';

/** Who hears about shop orders paid and reversed, in the order's transaction (results are ignored). */
export interface OrderHooks {
  /** `paid`: the order as the statement that paid it returned it, so a hook need not read it again */
  onOrderPaid(tx: Scope, orderId: number, paid?: AffiliatedOrder): Promise<unknown>;
  onOrderReversed(tx: Scope, orderId: number): Promise<unknown>;
}

/** Order hooks called one after the other, in the order's transaction. */
export function everyHook(...hooks: OrderHooks[]): OrderHooks {
  return {
    onOrderPaid: async (tx, orderId, paid) => {
      for (const h of hooks) await h.onOrderPaid(tx, orderId, paid);
    },
    onOrderReversed: async (tx, orderId) => {
      for (const h of hooks) await h.onOrderReversed(tx, orderId);
    },
  };
}

/**
 * Hooks heard only for tenants that `runs` (a programme's hooks, for the tenants whose apps run that
 * programme): other tenants' orders pay no statement for a programme that cannot have touched them.
 */
export function hooksWhere(runs: (tenant: Scope['tenant']) => boolean, hooks: OrderHooks): OrderHooks {
  return {
    onOrderPaid: async (tx, orderId, paid) =>
      runs(tx.tenant) ? hooks.onOrderPaid(tx, orderId, paid) : undefined,
    onOrderReversed: async (tx, orderId) =>
      runs(tx.tenant) ? hooks.onOrderReversed(tx, orderId) : undefined,
  };
}
