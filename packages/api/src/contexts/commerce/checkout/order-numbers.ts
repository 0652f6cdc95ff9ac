/** The shop's calendar: order numbers count its days, invoices show its time. */
export const SHOP_TIME_ZONE = 'Asia/Jakarta';

// made once: building a formatter costs far more than formatting with it
const SHOP_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: SHOP_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `20260203` for the shop's calendar day of `now`. */
export function shopDay(now: Date): string {
  return SHOP_DATE.format(now).replace(/-/g, '');
}
