import { escapeHtml, SANDBOX_PAY_PATH, type Services } from '@komisi/api';
import { Hono } from 'hono';

const money = (amount: number, currency: string) => `${currency} ${amount.toLocaleString('en-US')}`;

/**
 * The sandbox gateway's payment page: Pay / Fail buttons, or a POST with
 * `outcome=success|failed` (form or JSON). Settling also tells the app, as an IPN would.
 */
export function sandboxPayRoutes(services: Services) {
  const app = new Hono();

  app.get(`${SANDBOX_PAY_PATH}/:reference`, async (c) => {
    const charge = await services.sandbox.find(c.req.param('reference'));
    if (!charge) return c.html('<h1>Unknown payment</h1>', 404);
    const settled = charge.status !== 'pending';
    return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandbox payment</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px system-ui;max-width:28rem;margin:4rem auto;padding:0 1rem}button{font-size:1rem;padding:.6rem 1.4rem;margin-right:.5rem}</style>
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
    const body = type.includes('application/json')
      ? await c.req.json().catch(() => ({}))
      : await c.req.parseBody();
    const outcome = (body as Record<string, unknown>).outcome;
    if (outcome !== 'success' && outcome !== 'failed') {
      return c.json({ error: 'outcome must be success or failed' }, 400);
    }
    const reference = c.req.param('reference');
    const charge = await services.sandbox.settle(reference, outcome);
    if (!charge) return c.json({ error: 'unknown payment' }, 404);
    await services.settleFromProvider('sandbox', reference);
    if (type.includes('application/json')) return c.json({ reference, status: charge.status });
    return c.redirect(`${SANDBOX_PAY_PATH}/${encodeURIComponent(reference)}`, 303);
  });

  return app;
}
