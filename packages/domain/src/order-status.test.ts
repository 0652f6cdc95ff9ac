import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  canTransition,
  customerCanCancel,
  isShopOrderStatus,
  isTerminal,
  nextStatuses,
  SHOP_ORDER_STATUSES,
  type ShopOrderStatus,
} from './order-status.ts';

const ALLOWED: [ShopOrderStatus, ShopOrderStatus][] = [
  ['pending_payment', 'paid'],
  ['pending_payment', 'cancelled'],
  ['paid', 'processing'],
  ['paid', 'cancelled'],
  ['paid', 'refunded'],
  ['processing', 'shipped'],
  ['processing', 'cancelled'],
  ['processing', 'refunded'],
  ['shipped', 'delivered'],
  ['shipped', 'refunded'],
  ['delivered', 'refunded'],
];

const statusArb = fc.constantFrom(...SHOP_ORDER_STATUSES);

describe('SHOP_ORDER_STATUSES', () => {
  it('lists the statuses in lifecycle order', () => {
    expect(SHOP_ORDER_STATUSES).toEqual([
      'pending_payment',
      'paid',
      'processing',
      'shipped',
      'delivered',
      'cancelled',
      'refunded',
    ]);
  });
});

describe('isShopOrderStatus', () => {
  it('recognises statuses only', () => {
    expect(isShopOrderStatus('shipped')).toBe(true);
    expect(isShopOrderStatus('payment_failed')).toBe(false);
    expect(isShopOrderStatus('toString')).toBe(false);
    expect(isShopOrderStatus(1)).toBe(false);
  });
});

describe('canTransition', () => {
  it('allows exactly the listed moves', () => {
    const allowed = SHOP_ORDER_STATUSES.flatMap((from) =>
      SHOP_ORDER_STATUSES.filter((to) => canTransition(from, to)).map((to) => [from, to]),
    );
    expect(allowed.sort()).toEqual([...ALLOWED].sort());
  });

  it('never stays put or goes back', () => {
    expect(canTransition('paid', 'paid')).toBe(false);
    expect(canTransition('shipped', 'processing')).toBe(false);
    expect(canTransition('paid', 'pending_payment')).toBe(false);
  });

  it('does not cancel once shipped; that is a refund', () => {
    expect(canTransition('shipped', 'cancelled')).toBe(false);
    expect(canTransition('delivered', 'cancelled')).toBe(false);
  });

  it('refuses unknown statuses on either side', () => {
    expect(canTransition('payment_failed' as ShopOrderStatus, 'paid')).toBe(false);
    expect(canTransition('toString' as ShopOrderStatus, 'paid')).toBe(false);
    expect(canTransition('paid', 'lost' as ShopOrderStatus)).toBe(false);
  });
});

describe('nextStatuses', () => {
  it('lists where an order can go next', () => {
    expect(nextStatuses('pending_payment')).toEqual(['paid', 'cancelled']);
    expect(nextStatuses('delivered')).toEqual(['refunded']);
    expect(nextStatuses('refunded')).toEqual([]);
    expect(nextStatuses('unknown' as ShopOrderStatus)).toEqual([]);
  });

  it('hands out a copy', () => {
    nextStatuses('paid').push('delivered');
    expect(canTransition('paid', 'delivered')).toBe(false);
  });
});

describe('assertTransition', () => {
  it('passes allowed moves', () => {
    for (const [from, to] of ALLOWED) expect(() => assertTransition(from, to)).not.toThrow();
  });

  it('throws INVALID_STATE for anything else', () => {
    expect(() => assertTransition('delivered', 'cancelled')).toThrow(
      expect.objectContaining({
        code: 'INVALID_STATE',
        message: 'Cannot move an order from delivered to cancelled',
        details: { from: 'delivered', to: 'cancelled' },
      }),
    );
  });
});

describe('customerCanCancel', () => {
  it('lets customers cancel only before processing starts', () => {
    const cancellable = SHOP_ORDER_STATUSES.filter(customerCanCancel);
    expect(cancellable).toEqual(['pending_payment', 'paid']);
  });
});

describe('isTerminal', () => {
  it('marks cancelled and refunded as final; delivered can still be refunded', () => {
    expect(SHOP_ORDER_STATUSES.filter(isTerminal)).toEqual(['cancelled', 'refunded']);
  });
});

describe('order status properties', () => {
  it('never leaves cancelled or refunded', () => {
    fc.assert(
      fc.property(fc.constantFrom<ShopOrderStatus>('cancelled', 'refunded'), statusArb, (from, to) => {
        expect(canTransition(from, to)).toBe(false);
        expect(() => assertTransition(from, to)).toThrow();
      }),
    );
  });

  it('agrees between canTransition, assertTransition and isTerminal', () => {
    fc.assert(
      fc.property(statusArb, statusArb, (from, to) => {
        if (canTransition(from, to)) {
          expect(() => assertTransition(from, to)).not.toThrow();
          expect(isTerminal(from)).toBe(false);
        } else {
          expect(() => assertTransition(from, to)).toThrow(
            expect.objectContaining({ code: 'INVALID_STATE' }),
          );
        }
      }),
    );
  });

  it('lets a customer cancel only where the machine allows cancelling', () => {
    fc.assert(
      fc.property(statusArb, (status) => {
        if (customerCanCancel(status)) expect(canTransition(status, 'cancelled')).toBe(true);
      }),
    );
  });

  it('reaches every status from pending_payment', () => {
    const reached = new Set<ShopOrderStatus>(['pending_payment']);
    const queue: ShopOrderStatus[] = ['pending_payment'];
    for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
      for (const next of nextStatuses(status)) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    expect([...reached].sort()).toEqual([...SHOP_ORDER_STATUSES].sort());
  });

  it('ends every random walk in a terminal status without cycles', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 20, maxLength: 20 }), (choices) => {
        let status: ShopOrderStatus = 'pending_payment';
        const seen = new Set<ShopOrderStatus>([status]);
        for (const choice of choices) {
          const options = nextStatuses(status);
          if (options.length === 0) break;
          status = options[choice % options.length]!;
          expect(seen.has(status)).toBe(false);
          seen.add(status);
        }
        expect(isTerminal(status)).toBe(true);
      }),
    );
  });
});
