import {
  escapeHtml,
  isSandboxReference,
  readCapped,
  SANDBOX_PAY_PATH,
  type Services,
  sandboxPayBody,
} from '@komisi/api';
import { Hono } from 'hono';

/** The page's one inline style; its hash is what the page's Content-Security-Policy allows. */
export const SANDBOX_PAGE_STYLE =
  'body{font:16px system-ui;max-width:28rem;margin:4rem auto;padding:0 1rem}button{font-size:1rem;padding:.6rem 1.4rem;margin-right:.5rem}';

const money = (amount: number, currency: string) => `${currency} ${amount.toLocaleString('en-US')}`;

/** A Pay/Fail form or its JSON twin is a few bytes. */
const MAX_PAY_BODY_BYTES = 4 * 1024;

/**
 * The sandbox gateway's payment page: Pay / Fail buttons, or a POST with
 * `outcome=success|failed` (form or JSON). Settling also tells the app, as an IPN would.
 */
export function sandboxPayRoutes(services: Services) {
  const app = new Hono();

  app.get(`${SANDBOX_PAY_PATH}/:reference`, async (c) => {
    const reference = c.req.param('reference');
    const charge = isSandboxReference(reference) ? await services.sandbox.find(reference) : null;
    if (!charge) return c.html('<h1>Unknown payment</h1>', 404);
    const settled = charge.status !== 'pending';
    return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandbox payment</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${SANDBOX_PAGE_STYLE}</style>
</head><body><h1>Komisi sandbox payment</h1>
<p>${escapeHtml(charge.description)}</p><p><strong>${money(charge.amount, charge.currency)}</strong></p>
<p>Reference <code>${escapeHtml(charge.reference)}</code> — status <strong>${charge.status}</strong></p>
${
  settled
    ? '<p>This payment is settled. You can close this page.</p>'
    : `<form method="post"><button name="outcome" value="success">Pay</button><button name="outcome" value="failed">Fail</button></form>`
}</body></html>`);
  });

  app.post(`${SANDBOX_PAY_PATH}/:reference`, async (c) => {
    const type = c.req.header('content-type') ?? '';
    const bytes = await readCapped(c.req.raw, MAX_PAY_BODY_BYTES);
    if (!bytes) return c.json({ error: 'The request body is too large' }, 413);
    const parsed = sandboxPayBody.safeParse(formOrJson(bytes.toString('utf8'), type));
    if (!parsed.success) return c.json({ error: 'outcome must be success or failed', field: 'outcome' }, 400);
    const { outcome } = parsed.data;
    const reference = c.req.param('reference');
    if (!isSandboxReference(reference)) return c.json({ error: 'unknown payment' }, 404);
    // the payment the charge pays is read in the same statement
    const notifications = services.gatewayNotifications;
    const charge = await services.sandbox.settle(
      reference,
      outcome,
      notifications.paymentOf('sandbox', reference),
    );
    if (!charge) return c.json({ error: 'unknown payment' }, 404);
    // as a real gateway's notification: the payment is settled on the provider's answer, asked again
    await notifications.settleFromProvider('sandbox', reference, charge.alongside);
    if (type.includes('application/json')) return c.json({ reference, status: charge.status });
    return c.redirect(`${SANDBOX_PAY_PATH}/${encodeURIComponent(reference)}`, 303);
  });

  return app;
}

function formOrJson(text: string, type: string): unknown {
  if (!type.includes('application/json')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
