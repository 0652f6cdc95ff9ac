// Child process: the bare Hono + pg app (see bare-app.ts) on its own port.
import { serve } from '@hono/node-server';
import pg from 'pg';
import { createBareApp } from './bare-app.ts';
import { drainable } from './drain.ts';

const env = process.env;
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: Number(env.DATABASE_POOL_MAX ?? 10) });
const app = await createBareApp(
  pool,
  env.BENCH_TENANT ?? 'dtehm',
  env.KOMISI_JWT_SECRET!,
  env.BENCH_SHOP_TENANT ?? 'ansania',
  env.BENCH_QUTAB_TENANT ?? 'qutab',
  env.BENCH_TWIN === 'limit' ? 'limit' : 'bare',
);
const handler = drainable(app.fetch);
const server = serve({ fetch: handler.fetch, port: Number(env.PORT), hostname: '127.0.0.1' });
handler.onSignal(server, async () => {
  await app.flush();
  await pool.end();
});
