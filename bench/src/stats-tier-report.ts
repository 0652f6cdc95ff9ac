// latest.md's section on the statistics' size tiers: p50/p99 per size and how they grow.
import type { StatsTier } from './generate-stats-tiers.ts';
import type { Row } from './report.ts';
import { settings } from './settings.ts';

const f1 = (n: number) => n.toFixed(1);

/** Empty unless size-tier scenarios ran. */
export function statsTierSection(rows: Row[], tiers: StatsTier[]): string {
  const measured = tiers
    .map((t) => ({ t, r: rows.find((r) => r.name === `affiliate-stats-${t.label}`) }))
    .filter((x): x is { t: StatsTier; r: Row } => x.r !== undefined);
  if (measured.length === 0) return '';
  const lines = measured.map(
    ({ t, r }) =>
      `| ${r.name} | ${t.clicks.toLocaleString('en')} | ${t.referrals.toLocaleString('en')} | ${f1(r.ours.p50)} | ${f1(r.ours.p99)} | ${r.bare ? f1(r.bare.p50) : '—'} | ${r.bare ? f1(r.bare.p99) : '—'} | ${r.bare && r.bare.rps > 0 ? `${((r.ours.rps / r.bare.rps) * 100).toFixed(0)}%` : '—'} |`,
  );
  const first = measured[0]!;
  const last = measured.at(-1)!;
  const growth = (a: number, b: number) => (a > 0 ? `×${(b / a).toFixed(2)}` : '—');
  return `
## Statistics by data size

The affiliate-stats requests by affiliates of growing size (daily click rollups and running totals
as the click writer leaves them), at ${settings.statsTierConnections} connections (BENCH_STATS_TIER_CONNECTIONS).
Goal: p99 grows less than 2× from the smallest to the largest; p99 ≤ 30 ms at 10M clicks and 4 connections.

| scenario | clicks | referred orders | ours p50 ms | ours p99 ms | bare p50 ms | bare p99 ms | ours/bare |
|---|---:|---:|---:|---:|---:|---:|---:|
${lines.join('\n')}

From ${first.t.label} to ${last.t.label} clicks: ours p50 ${growth(first.r.ours.p50, last.r.ours.p50)}, p99 ${growth(first.r.ours.p99, last.r.ours.p99)}${
    first.r.bare && last.r.bare
      ? `; bare p50 ${growth(first.r.bare.p50, last.r.bare.p50)}, p99 ${growth(first.r.bare.p99, last.r.bare.p99)}`
      : ''
  }.
`;
}
