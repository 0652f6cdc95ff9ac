import { DomainError, DomainErrorCode } from './errors.ts';

/**
 * Life of a shop (e-commerce) order. Named apart from the DTEHM product orders, whose
 * pending_payment/paid/payment_failed statuses live with their entity.
 */
export const SHOP_ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
] as const;
export type ShopOrderStatus = (typeof SHOP_ORDER_STATUSES)[number];

/**
 * Allowed moves. Cancelling stops an order before it leaves the warehouse; once it has been paid for,
 * money goes back by refund instead, which is possible at any later point, delivered included (returns).
 * An unpaid order is never refunded: nothing was taken. Cancelled and refunded are final.
 */
const TRANSITIONS: Record<ShopOrderStatus, readonly ShopOrderStatus[]> = {
  pending_payment: ['paid', 'cancelled'],
  paid: ['processing', 'cancelled', 'refunded'],
  processing: ['shipped', 'cancelled', 'refunded'],
  shipped: ['delivered', 'refunded'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
};

/** Statuses from which the customer may cancel on their own; later the shop must decide. */
const CUSTOMER_CANCELLABLE: readonly ShopOrderStatus[] = ['pending_payment', 'paid'];

export function isShopOrderStatus(value: unknown): value is ShopOrderStatus {
  // Own-property check so names like 'toString' are not mistaken for statuses.
  return typeof value === 'string' && Object.hasOwn(TRANSITIONS, value);
}

/** Where an order in `status` may go next; empty for final or unknown statuses. */
export function nextStatuses(status: ShopOrderStatus): ShopOrderStatus[] {
  return isShopOrderStatus(status) ? [...TRANSITIONS[status]] : [];
}

export function canTransition(from: ShopOrderStatus, to: ShopOrderStatus): boolean {
  return nextStatuses(from).includes(to);
}

export function assertTransition(from: ShopOrderStatus, to: ShopOrderStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError(DomainErrorCode.INVALID_STATE, `Cannot move an order from ${from} to ${to}`, {
      details: { from, to },
    });
  }
}

export function customerCanCancel(status: ShopOrderStatus): boolean {
  return CUSTOMER_CANCELLABLE.includes(status);
}

/** No move leads out of a terminal status; an unknown status counts as terminal, so nothing acts on it. */
export function isTerminal(status: ShopOrderStatus): boolean {
  return nextStatuses(status).length === 0;
}

/** The statuses a shop order shows its customer (payment_failed is the MLM orders' own). */
export const SHOP_LIST_STATUSES = [
  'pending_payment',
  'paid',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
] as const;
export type ShopListStatus = (typeof SHOP_LIST_STATUSES)[number];

/** Where the shop moves a paid order along by hand; cancelling and refunding have their own calls. */
export const FULFILMENT_STATUSES = ['processing', 'shipped', 'delivered'] as const;
export type FulfilmentStatus = (typeof FULFILMENT_STATUSES)[number];

/** An order as a client names it: its id, or its order number (`ORD-20260203-001`). */
export type OrderRef = { id: number } | { orderNumber: string };
