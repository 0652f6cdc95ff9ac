/** Where a tenant's payments return the payer (`/t/{tenant}/payment-complete`, or at a mapped host's root). */
export const PAYMENT_COMPLETE_PATH = '/payment-complete';

/** A bare page: its only load is the favicon (its CSP allows nothing else). */
export const PAYMENT_COMPLETE_HTML =
  '<!doctype html><meta charset="utf-8"><title>Payment</title>' +
  '<link rel="icon" href="/favicon.svg" type="image/svg+xml">' +
  '<p>Thank you. You can return to the app now.</p>';
