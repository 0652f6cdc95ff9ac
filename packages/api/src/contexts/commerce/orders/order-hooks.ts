import type { Scope } from '../../../kernel/scope.ts';

/** Who hears about shop orders paid and reversed, in the order's transaction (results are ignored). */
export interface OrderHooks {
  onOrderPaid(tx: Scope, orderId: number): Promise<unknown>;
  onOrderReversed(tx: Scope, orderId: number): Promise<unknown>;
}

/** Order hooks called one after the other, in the order's transaction. */
export function everyHook(...hooks: OrderHooks[]): OrderHooks {
  return {
    onOrderPaid: async (tx, orderId) => {
      for (const h of hooks) await h.onOrderPaid(tx, orderId);
    },
    onOrderReversed: async (tx, orderId) => {
      for (const h of hooks) await h.onOrderReversed(tx, orderId);
    },
  };
}
