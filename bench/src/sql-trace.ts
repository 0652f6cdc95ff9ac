import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createBareApp } from './bare-app.ts';
import { startSetupPlatform } from './database.ts';
import type { Call, Scenario } from './scenarios.ts';
import { settings } from './settings.ts';

export interface Trace {
  scenario: string;
  ours: string[];
  bare: string[];
  /** same number of statements with the same verbs (select/insert/update/begin/commit) in the same order */
  same: boolean;
  /** the scenario has no bare twin: only ours is listed */
  noBare?: true;
}

type Query = (...args: unknown[]) => unknown;

/** Records the SQL text of every query any pg client in this process sends while `work` runs. */
async function recording(work: () => Promise<unknown>): Promise<string[]> {
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  const seen: string[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as string | { text?: string };
    seen.push((typeof q === 'string' ? q : (q.text ?? '')).replace(/\s+/g, ' ').trim());
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return seen;
}

const verbs = (statements: string[]) => statements.map((s) => s.split(' ')[0]!.toLowerCase()).join(' ');

const send = (app: { request(path: string, init: RequestInit): Response | Promise<Response> }, c: Call) =>
  Promise.resolve(
    app.request(c.path, {
      method: c.method,
      headers: c.headers,
      ...(c.body !== undefined && { body: c.body }),
    }),
  ).then((r) => r.text());

/**
 * Sends each scenario's second request to our app and to the bare app, in this process, and lists
 * the SQL each issued: the check that the bare routes do the same database work.
 */
export async function traceStatements(list: Scenario[]): Promise<Trace[]> {
  const platform = await startSetupPlatform();
  const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: 2 });
  // requests whose writes are buffered (referral clicks) are traced until the buffer is written
  const settled =
    (work: () => Promise<unknown>, ms = 0) =>
    async () => {
      await work();
      if (ms) await new Promise((r) => setTimeout(r, ms));
    };
  try {
    const bare = await createBareApp(
      pool,
      settings.tenantSlug,
      settings.jwtSecret,
      settings.shopTenantSlug,
      settings.qutabTenantSlug,
    );
    const ourApp = platform.app;
    const traces: Trace[] = [];
    for (const s of list) {
      // each app answers one request unrecorded first, so the trace shows the steady state: on a
      // fresh database the first settlement also opens the tenant's ledger accounts, and the first
      // click fills the code cache
      await settled(() => send(ourApp, s.call(0)), s.settleMs)();
      const ours = await recording(settled(() => send(ourApp, s.call(1)), s.settleMs));
      if (s.noBare) {
        traces.push({ scenario: s.name, ours, bare: [], same: true, noBare: true });
        continue;
      }
      await settled(() => send(bare, s.call(0)), s.settleMs)();
      const theirs = await recording(settled(() => send(bare, s.call(1)), s.settleMs));
      traces.push({ scenario: s.name, ours, bare: theirs, same: verbs(ours) === verbs(theirs) });
    }
    return traces;
  } finally {
    await pool.end();
    await platform.close();
  }
}

export function writeTrace(traces: Trace[]): string {
  const cut = (s: string) => (s.length > 220 ? `${s.slice(0, 220)}…` : s);
  const text = [
    '# SQL per request: ours vs bare',
    '',
    'Written by `pnpm bench` (second request of each scenario, sent in-process to both apps after one unrecorded).',
    'Ours inlines parameters (MikroORM `execute`); bare binds them. Keep the bare routes in step with this list.',
    '',
    ...traces.flatMap((t) => [
      `## ${t.scenario}: ours ${t.ours.length}, bare ${t.noBare ? 'no bare twin' : t.bare.length}${t.same ? '' : ' — DIFFERENT'}`,
      '',
      '| # | ours | bare |',
      '|---:|---|---|',
      ...Array.from(
        { length: Math.max(t.ours.length, t.bare.length) },
        (_, i) =>
          `| ${i + 1} | \`${cut(t.ours[i] ?? '').replace(/\|/g, '\\|')}\` | \`${cut(t.bare[i] ?? '').replace(/\|/g, '\\|')}\` |`,
      ),
      '',
    ]),
  ].join('\n');
  const dir = join(import.meta.dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'sql-trace.md');
  writeFileSync(file, text);
  return file;
}
