// `BENCH_REUSE_DB=1 pnpm --filter @komisi/bench exec tsx src/timeline.ts [scenario] [requests]`
// Sends one scenario's requests one at a time, in this process, to our app and to the bare app,
// and prints where each request's time goes: per SQL statement, the JavaScript time before it was
// sent and the time until its result arrived (averaged), plus the row-lock window of a settlement
// (first ledger_account upsert → commit done), the part concurrent confirmations serialise on.
import pg from 'pg';
import { createBareApp } from './bare-app.ts';
import { startSetupPlatform } from './database.ts';
import { prepare } from './prepare.ts';
import { scenarios } from './scenarios.ts';
import { settings } from './settings.ts';

interface Stmt {
  sql: string;
  sent: number;
  done: number;
}

type Query = (...args: unknown[]) => unknown;
let current: Stmt[] | null = null;
const proto = pg.Client.prototype as unknown as { query: Query };
const original = proto.query;
proto.query = function (this: unknown, ...args: unknown[]) {
  const q = args[0] as string | { text?: string };
  const stmt: Stmt = {
    sql: (typeof q === 'string' ? q : (q.text ?? '')).replace(/\s+/g, ' '),
    sent: performance.now(),
    done: 0,
  };
  current?.push(stmt);
  const last = args.length - 1;
  if (typeof args[last] === 'function') {
    const cb = args[last] as (...a: unknown[]) => unknown;
    args[last] = (...a: unknown[]) => {
      stmt.done = performance.now();
      return cb(...a);
    };
  }
  const result = original.apply(this, args);
  if (result && typeof (result as Promise<unknown>).then === 'function') {
    (result as Promise<unknown>).then(
      () => {
        stmt.done ||= performance.now();
      },
      () => {},
    );
  }
  return result;
};

const [name = 'confirm', count = '60'] = process.argv.slice(2);
const fixture = await prepare();
const scenario = scenarios(fixture).find((s) => s.name === name);
if (!scenario) throw new Error(`unknown scenario ${name}`);
const platform = await startSetupPlatform();
const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: settings.poolMax });
const bare = await createBareApp(pool, settings.tenantSlug, settings.jwtSecret);
type App = { request(path: string, init: RequestInit): Response | Promise<Response> };

async function one(app: App, i: number) {
  const c = scenario!.call(i);
  current = [];
  const started = performance.now();
  const res = await app.request(c.path, {
    method: c.method,
    headers: c.headers,
    ...(c.body && { body: c.body }),
  });
  await res.text();
  const total = performance.now() - started;
  const stmts = current;
  current = null;
  if (res.status !== 200) throw new Error(`${name} answered ${res.status}`);
  const lockFrom = stmts.find((s) => s.sql.startsWith('insert into ledger_account'))?.sent;
  const commit = stmts.find((s) => s.sql === 'commit');
  return { total, started, stmts, lock: lockFrom && commit ? commit.done - lockFrom : 0 };
}

const n = Number(count);
for (const [label, app] of [
  ['ours', platform.app],
  ['bare', bare],
] as const) {
  for (let i = 0; i < 10; i++) await one(app, i); // warm-up
  const runs: Awaited<ReturnType<typeof one>>[] = [];
  for (let i = 0; i < n; i++) runs.push(await one(app, i));
  const shape = runs[0]!.stmts.length;
  const same = runs.filter((r) => r.stmts.length === shape);
  const avg = (f: (r: (typeof runs)[number]) => number) => same.reduce((s, r) => s + f(r), 0) / same.length;
  console.log(
    `\n${label}: ${avg((r) => r.total).toFixed(2)} ms per request, ${shape} statements` +
      (avg((r) => r.lock) ? `, lock window ${avg((r) => r.lock).toFixed(2)} ms` : ''),
  );
  console.log('   js before   db   statement');
  let js = 0;
  let db = 0;
  for (let k = 0; k < shape; k++) {
    const gap = avg((r) => r.stmts[k]!.sent - (k === 0 ? r.started : r.stmts[k - 1]!.done));
    const wait = avg((r) => r.stmts[k]!.done - r.stmts[k]!.sent);
    js += gap;
    db += wait;
    console.log(
      `   ${gap.toFixed(2).padStart(9)} ${wait.toFixed(2).padStart(6)}   ${same[0]!.stmts[k]!.sql.slice(0, 90)}`,
    );
  }
  const tail = avg((r) => r.total - (r.stmts.at(-1)!.done - r.started));
  console.log(
    `   ${tail.toFixed(2).padStart(9)}          (response)\n   total js ${(js + tail).toFixed(2)} ms, total db ${db.toFixed(2)} ms`,
  );
}
await pool.end();
await platform.orm.close();
