import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Measurement } from './load.ts';
import { settings } from './settings.ts';

export interface Row {
  name: string;
  title: string;
  ours: Measurement;
  /** null: the scenario has no bare twin */
  bare: Measurement | null;
  /** the limit twin (money paths), or null */
  limit: Measurement | null;
  /** problems that make the row untrustworthy (errors, mismatching bodies, ...) */
  flags: string[];
  /** the machine was busy with other work: numbers are less trustworthy */
  warnings: string[];
  notes: string[];
}

const f0 = (n: number) => Math.round(n).toLocaleString('en');
const f1 = (n: number) => n.toFixed(1);

export const ratio = (r: Row) => (r.bare && r.bare.rps > 0 ? r.ours.rps / r.bare.rps : 0);

export function verdict(r: Row): string {
  if (r.flags.length) return 'FLAGGED';
  if (!r.bare) return r.warnings.length ? 'no bare twin (noisy)' : 'no bare twin';
  const v = ratio(r) >= settings.targetRatio ? 'ok' : `below ${settings.targetRatio * 100}%`;
  return r.warnings.length ? `${v} (noisy)` : v;
}

const rss = (m: Measurement | null) => (m?.rssMb == null ? '—' : f0(m.rssMb));

export function table(rows: Row[]): string {
  const head =
    '| scenario | ours req/s | ours p99 ms | bare req/s | bare p99 ms | ours/bare | limit req/s | ours/limit | ours RSS MB | verdict |';
  const sep = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|';
  const lines = rows.map(
    (r) =>
      `| ${r.name} | ${f0(r.ours.rps)} | ${f1(r.ours.p99)} | ${r.bare ? f0(r.bare.rps) : '—'} | ${r.bare ? f1(r.bare.p99) : '—'} | ${r.bare ? `${(ratio(r) * 100).toFixed(0)}%` : 'no bare twin'} | ${r.limit ? f0(r.limit.rps) : '—'} | ${r.limit && r.limit.rps > 0 ? `${((r.ours.rps / r.limit.rps) * 100).toFixed(0)}%` : '—'} | ${rss(r.ours)} | ${verdict(r)} |`,
  );
  return [head, sep, ...lines].join('\n');
}

// ── cost curves: the scenarios run at several data sizes (family@size), p50/p99 per size and growth
const growth = (from: number, to: number) => (from > 0 ? `${(to / from).toFixed(2)}×` : '—');

export function costCurves(rows: Row[]): string {
  const families = new Map<string, Row[]>();
  for (const r of rows) {
    const at = r.name.indexOf('@');
    if (at < 0) continue;
    const family = r.name.slice(0, at);
    families.set(family, [...(families.get(family) ?? []), r]);
  }
  if (families.size === 0) return '';
  const head =
    '| scenario | ours p50 ms | ours p99 ms | bare p50 ms | bare p99 ms | ours req/s | ours/bare |\n|---|---:|---:|---:|---:|---:|---:|';
  const lines: string[] = [];
  const summary: string[] = [];
  for (const [family, tiers] of families) {
    for (const r of tiers)
      lines.push(
        `| ${r.name} | ${f1(r.ours.p50)} | ${f1(r.ours.p99)} | ${r.bare ? f1(r.bare.p50) : '—'} | ${r.bare ? f1(r.bare.p99) : '—'} | ${f0(r.ours.rps)} | ${r.bare ? `${(ratio(r) * 100).toFixed(0)}%` : '—'} |`,
      );
    const first = tiers[0]!;
    const last = tiers.at(-1)!;
    if (tiers.length < 2) continue;
    const p99 = first.ours.p99 > 0 ? last.ours.p99 / first.ours.p99 : Number.POSITIVE_INFINITY;
    // a p99 of a handful of requests says nothing (a run where every request outlives the window)
    const enough = tiers.every((r) => r.ours.requests >= 100 && r.ours.timeouts === 0);
    summary.push(
      `| ${family} | ${first.name.slice(family.length + 1)} → ${last.name.slice(family.length + 1)} | ${growth(first.ours.p50, last.ours.p50)} | ${growth(first.ours.p99, last.ours.p99)} | ${first.bare && last.bare ? growth(first.bare.p99, last.bare.p99) : '—'} | ${!enough ? 'too few requests to judge' : p99 < settings.flatGrowth ? 'flat' : `grows ≥ ${settings.flatGrowth}×`} |`,
    );
  }
  return `## Cost curves

Each list scenario at several data sizes (BENCH_PRODUCT_SIZES, BENCH_SHOP_PRODUCT_SIZES, BENCH_NETWORK_SIZES),
${settings.connections} connections. Goal: ours p99 at the largest size < ${settings.flatGrowth}× ours p99 at the smallest.

${head}
${lines.join('\n')}

| family | sizes | ours p50 growth | ours p99 growth | bare p99 growth | verdict |
|---|---|---:|---:|---:|---|
${summary.join('\n')}
`;
}
// ──

export interface Environment {
  pgVersion: string;
  fixture: string[];
  startedAt: Date;
  durationSeconds: number;
}

export function markdown(rows: Row[], env: Environment): string {
  const cpu = cpus();
  const details = rows.flatMap((r) => [
    `- **${r.name}**: ${r.title}`,
    `  - ours: ${r.ours.requests} requests, p50 ${f1(r.ours.p50)} ms, status ${JSON.stringify(r.ours.statusCodes)}, non-2xx ${r.ours.non2xx}, errors ${r.ours.errors}, timeouts ${r.ours.timeouts}`,
    r.bare
      ? `  - bare: ${r.bare.requests} requests, p50 ${f1(r.bare.p50)} ms, status ${JSON.stringify(r.bare.statusCodes)}, non-2xx ${r.bare.non2xx}, errors ${r.bare.errors}, timeouts ${r.bare.timeouts}`
      : '  - bare: no bare twin',
    ...(r.limit
      ? [
          `  - limit: ${r.limit.requests} requests, p50 ${f1(r.limit.p50)} ms, p99 ${f1(r.limit.p99)} ms, non-2xx ${r.limit.non2xx}, errors ${r.limit.errors}`,
        ]
      : []),
    `  - RSS after the load: ours ${rss(r.ours)} MB, bare ${rss(r.bare)} MB`,
    ...r.notes.map((n) => `  - ${n}`),
    ...r.warnings.map((w) => `  - noisy: ${w}`),
    ...r.flags.map((f) => `  - **FLAG**: ${f}`),
  ]);
  return `# pnpm bench — latest results

${env.startedAt.toISOString()} · Node ${process.version} · ${cpu.length} × ${cpu[0]?.model ?? 'CPU'} · ${env.pgVersion}

Each scenario runs our server (\`startPlatform\` + @hono/node-server, NODE_ENV=production, LOG_LEVEL=warn)
and then a bare Hono + \`pg.Pool\` route issuing the same SQL statements (and, for the money paths, a limit
twin: the fewest round trips a PostgreSQL expert would write for the same effects), one server at a time,
each in its own child process on plain Node (our packages' built JavaScript, as \`pnpm start\` runs them); autocannon runs in the parent with ${settings.connections} connections,
${settings.warmupSeconds} s warm-up + ${settings.seconds} s measured, ${settings.rounds} round(s) (best counts).
Pool size ${settings.poolMax} on both.
PostgreSQL, both servers and the load generator share the machine. req/s counts 2xx responses only.
Target: ours ≥ ${settings.targetRatio * 100}% of bare.

${table(rows)}

${costCurves(rows)}
Data: ${env.fixture.join('; ')}.

Details:

${details.join('\n')}

Whole run: ${env.durationSeconds.toFixed(0)} s. Re-run: \`pnpm bench\` (env: BENCH_SECONDS, BENCH_WARMUP_SECONDS,
BENCH_CONNECTIONS, BENCH_ROUNDS, BENCH_ONLY=products,preview,confirm,network,shop-products,cart-add,checkout,referral-redirect,affiliate-stats,financial-dashboard-1m,financial-dashboard-10m,admin-members,member-transactions,member-transactions-filtered,deposit-settlement,
BENCH_REUSE_DB=1, BENCH_CPU_PROF=1, BENCH_DB, BENCH_PORT, BENCH_KOPERASI_MEMBERS, BENCH_KOPERASI_TRANSACTIONS_SMALL, BENCH_KOPERASI_TRANSACTIONS_LARGE,
BENCH_KOPERASI_SAVERS, BENCH_KOPERASI_SAVER_TRANSACTIONS, BENCH_KOPERASI_DEPOSITS, BENCH_MIDTRANS_PORT).
`;
}

export function writeLatest(text: string): string {
  const dir = join(import.meta.dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'latest.md');
  writeFileSync(file, text);
  return file;
}
