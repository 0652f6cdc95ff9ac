import type { Scope } from '../../../kernel/scope.ts';
import { nextSequence } from '../../tenancy/tenant.service.ts';

/** The shop's calendar: order numbers count its days, invoices show its time. */
export const SHOP_TIME_ZONE = 'Asia/Jakarta';

/** `20260203` for the shop's calendar day of `now`. */
// made once: building a formatter costs far more than formatting with it
const SHOP_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: SHOP_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function shopDay(now: Date): string {
  return SHOP_DATE.format(now).replace(/-/g, '');
}

export const formatOrderNumber = (day: string, n: number) => `ORD-${day}-${String(n).padStart(3, '0')}`;

/** The next order number of the shop's calendar day (`ORD-20260203-001`). */
export async function nextOrderNumber(tx: Scope): Promise<string> {
  const day = shopDay(tx.now);
  return formatOrderNumber(day, await nextSequence(tx, `order-number:${day}`));
}
