// Child process: the project's fake Midtrans Core API (the one the tests use) on its own port,
// knowing every deposit the bench left awaiting payment as already paid (`settlement`).
import { serve } from '@hono/node-server';
import { createFakeMidtrans } from '@komisi/api/testing';
import pg from 'pg';
import { koperasiSlug } from './generate-koperasi.ts';
import { pendingDeposits } from './generate-koperasi-deposits.ts';
import { settings } from './settings.ts';

const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: 1 });
const slug = koperasiSlug(settings.koperasiTransactions[1]);
const { rows } = await pool.query<{ id: number }>('select id from tenant where slug = $1', [slug]);
// the bench made the charges straight in the database (no charge request reached this fake), so
// its book is read from the payments awaiting it; every one was paid a minute after it was opened
const deposits = rows[0] ? await pendingDeposits(pool, rows[0].id) : [];
await pool.end();

const fake = createFakeMidtrans({ serverKey: settings.midtransServerKey });
for (const d of deposits) {
  const opened = new Date(Math.floor(d.createdAt.getTime() / 1000) * 1000);
  fake.transactions.set(d.transactionId, {
    transactionId: d.transactionId,
    orderId: d.orderId,
    merchantId: 'G123456789',
    grossAmount: d.grossAmount,
    currency: 'IDR',
    bank: 'bca',
    vaNumber: d.vaNumber,
    transactionStatus: 'settlement',
    fraudStatus: 'accept',
    transactionTime: opened,
    expiryTime: new Date(opened.getTime() + 86_400_000),
    settlementTime: new Date(opened.getTime() + 60_000),
    customer: null,
    notificationUrl: null,
  });
}

const server = serve({
  fetch: (req) => {
    if (new URL(req.url).pathname === '/health') return Response.json({ status: 'ok' });
    // the fake keeps every request for tests to read: a bench run needs none of them
    fake.requests.length = 0;
    return fake.fetch(req);
  },
  port: settings.midtransPort,
  hostname: '127.0.0.1',
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
