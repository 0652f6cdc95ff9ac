// `pnpm --filter @komisi/bench bench:overhead`: the per-request cost every endpoint pays (Hono
// middleware, tenant lookup, token check, tRPC procedure chain, envelope), in one process, no
// sockets: N requests through `app.request()` for trivial authed reads of a small tenant (qutab's
// demo customer), reported as CPU µs and wall µs per request, with a CPU profile's top functions.
//
// OVERHEAD_N (default 4000) requests per case after OVERHEAD_WARMUP (1000); OVERHEAD_CONCURRENCY (4)
// in flight; OVERHEAD_HTTP=1 serves the app on BENCH_PORT with @hono/node-server (its lightweight
// Response and header writing, as in production) and sends the requests over keep-alive sockets from
// this process (whose CPU then includes the client's); OVERHEAD_PROFILE=0 skips the profile. Its own database: `${BENCH_DB}_overhead`, made
// once and reused (OVERHEAD_FRESH=1 makes it again). OVERHEAD_PROFILE_DIR=<dir> keeps the profiles.
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import { serve } from '@hono/node-server';
import { createLogger, loadConfig } from '@komisi/api';
import { startPlatform } from '@komisi/server';
import { withClient } from './pg.ts';
import { summarise } from './profile-summary.ts';
import { settings } from './settings.ts';

const N = Number(process.env.OVERHEAD_N ?? 4000);
const WARMUP = Number(process.env.OVERHEAD_WARMUP ?? 1000);
const CONCURRENCY = Number(process.env.OVERHEAD_CONCURRENCY ?? 4);
const PROFILE = process.env.OVERHEAD_PROFILE !== '0';
const dbName = `${settings.dbName}_overhead`;
const pgServer = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

async function ensureDatabase(): Promise<boolean> {
  return withClient(settings.adminUrl, async (c) => {
    if (process.env.OVERHEAD_FRESH === '1') await c.query(`drop database if exists "${dbName}" with (force)`);
    const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [dbName]);
    if (rowCount === 1) return false;
    await c.query(`create database "${dbName}"`);
    return true;
  });
}

const fresh = await ensureDatabase();
const config = loadConfig({
  DATABASE_URL: `${pgServer}/${dbName}`,
  DATABASE_POOL_MAX: '10',
  KOMISI_JWT_SECRET: settings.jwtSecret,
  KOMISI_FILE_KEY: 'X8JPpO2O2kTdt4VxZC40txRVefucH1gZ1wL0hCQ2Tsc=',
  KOMISI_ADMIN_PASSWORD: settings.password,
  KOMISI_PLATFORM_ADMIN_PASSWORD: settings.password,
  KOMISI_ACCESS_TOKEN_TTL: '86400',
  KOMISI_DATA_DIR: '.data',
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  KOMISI_SEED_DEMO: fresh ? 'true' : 'false',
});
const platform = await startPlatform(config, createLogger('warn'));
const { app } = platform;
/** what @hono/node-server hands each request: the socket the client address is read from */
const nodeEnv = {
  incoming: { socket: { remoteAddress: '127.0.0.1', remotePort: 40000, remoteFamily: 'IPv4' } },
};

async function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await app.request(
    path,
    {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    },
    nodeEnv,
  );
  return { status: res.status, text: await res.text() };
}

const login = await call(
  'POST',
  '/t/qutab/api/auth/login',
  { 'x-forwarded-for': '10.9.9.9' },
  { email: 'customer@qutab.demo', password: 'Customer123!' },
);
if (login.status !== 200) throw new Error(`login: ${login.status} ${login.text}`);
const answer = JSON.parse(login.text) as { access_token?: string; data?: { access_token?: string } };
const token = answer.data?.access_token ?? answer.access_token;
if (!token) throw new Error(`login: no token in ${login.text}`);
const auth = { authorization: `Bearer ${token}` };
const affiliateLogin = await call(
  'POST',
  '/t/qutab/api/affiliate/auth/login',
  { 'x-forwarded-for': '10.9.9.8' },
  { email: 'darmawan@qutab.demo', password: 'Affiliate123!' },
);
const affiliateAnswer = JSON.parse(affiliateLogin.text) as Record<string, unknown>;
const affiliateToken = JSON.stringify(affiliateAnswer).match(/"(?:access_token|token)":"([^"]+)"/)?.[1];
if (!affiliateToken) throw new Error(`affiliate login: ${affiliateLogin.status} ${affiliateLogin.text}`);

interface Case {
  name: string;
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
}
const browser = {
  'user-agent': 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36',
};
const cases: Case[] = [
  {
    name: 'REST GET /api/profile (authed)',
    method: 'GET',
    path: '/t/qutab/api/profile',
    status: 200,
    headers: auth,
  },
  {
    name: 'tRPC profile.get (authed)',
    method: 'GET',
    path: '/t/qutab/trpc/profile.get',
    status: 200,
    headers: auth,
  },
  {
    name: 'REST 404 in tenant (authed)',
    method: 'GET',
    path: '/t/qutab/api/no-such-route',
    status: 404,
    headers: auth,
  },
  {
    name: 'REST GET /affiliate/statistics',
    method: 'GET',
    path: '/t/qutab/api/affiliate/statistics?period=30days',
    status: 200,
    headers: { authorization: `Bearer ${affiliateToken}` },
  },
  // every middleware, no procedure: a link whose code no affiliate has still redirects
  {
    name: 'GET /r/{unknown code} (302)',
    method: 'GET',
    path: '/t/qutab/r/NOSUCHCODE',
    status: 302,
    headers: browser,
  },
];

async function run(c: Case, n: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      let status: number;
      if (HTTP) status = await overHttp(c);
      else {
        const res = await app.request(c.path, { method: c.method, headers: c.headers }, nodeEnv);
        await res.arrayBuffer();
        status = res.status;
      }
      if (status !== c.status) throw new Error(`${c.name}: ${status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

const HTTP = process.env.OVERHEAD_HTTP === '1';
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const server = HTTP ? serve({ fetch: app.fetch, port: settings.port, hostname: '127.0.0.1' }) : null;

/** One request over a keep-alive socket: its status once the whole answer has arrived. */
function overHttp(c: Case): Promise<number> {
  return new Promise((done, fail) => {
    const req = http.request(
      { agent, host: '127.0.0.1', port: settings.port, method: c.method, path: c.path, headers: c.headers },
      (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
      },
    );
    req.on('error', fail);
    req.end();
  });
}

const session = new Session();
session.connect();
const lines: string[] = [];
for (const c of cases) {
  await run(c, WARMUP);
  // measured without the profiler (sampling costs CPU of its own), then profiled on a second pass
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await run(c, N);
  const wallUs = ((performance.now() - t0) * 1000) / N;
  const cpu = process.cpuUsage(cpu0);
  const cpuUs = (cpu.user + cpu.system) / N;
  lines.push(
    `${c.name.padEnd(34)} ${cpuUs.toFixed(0).padStart(6)} µs CPU  ${wallUs.toFixed(0).padStart(6)} µs wall`,
  );
  console.log(lines.at(-1));
  if (!PROFILE) continue;
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  await run(c, N);
  const { profile } = await session.post('Profiler.stop');
  await session.post('Profiler.disable');
  if (process.env.OVERHEAD_PROFILE_DIR) {
    const file = `${process.env.OVERHEAD_PROFILE_DIR}/${c.name.replace(/\W+/g, '-')}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));
  }
  const s = summarise(profile as unknown as Parameters<typeof summarise>[0], 10);
  console.log(`  by package:\n${s.byPackage.map((l) => `    ${l}`).join('\n')}`);
  console.log(`  by function:\n${s.byFunction.map((l) => `    ${l}`).join('\n')}\n`);
}
session.disconnect();
console.log(
  `\n${N} requests per case, ${CONCURRENCY} in flight, ${HTTP ? 'over HTTP' : 'app.request()'} (CPU: this process, user + system)`,
);
for (const l of lines) console.log(l);
agent.destroy();
server?.close();
await platform.close();
