// `pnpm bench`: prepares the database, then for each scenario loads our server and the bare
// Hono + pg route in turn (each in its own child process) and writes results/latest.md.
import { postgresVersion } from './checks.ts';
import { startFakeMidtrans } from './children.ts';
import { measureScenario } from './measure-scenario.ts';
import { prepare } from './prepare.ts';
import { costCurves, markdown, type Row, table, verdict, writeLatest } from './report.ts';
import { scenarios } from './scenarios.ts';
import { settings } from './settings.ts';
import { traceStatements, writeTrace } from './sql-trace.ts';
import { statsTierSection } from './stats-tier-report.ts';

const startedAt = new Date();
console.log(`Preparing ${settings.dbName}${settings.reuseDb ? ' (reusing it if present)' : ''}…`);
const fixture = await prepare();
const all = scenarios(fixture);
// a family name (products) selects each of its sizes (products@10k, …)
const selected = settings.only
  ? all.filter((s) => settings.only!.includes(s.name) || settings.only!.includes(s.name.split('@')[0]!))
  : all;
// deposit-settlement asks a fake Midtrans for each payment's status, ours and bare alike
const fakeMidtrans = selected.some((s) => s.name === 'deposit-settlement') ? await startFakeMidtrans() : null;
const traces = await traceStatements(selected);
console.log(`SQL statements per request (ours/bare) in ${writeTrace(traces)}:`);
for (const t of traces)
  console.log(
    `  ${t.scenario}: ${t.ours.length}/${t.noBare ? 'no bare twin' : t.bare.length}${t.same ? '' : ' DIFFERENT'}`,
  );
const rows: Row[] = [];
for (const s of selected) {
  console.log(`\n${s.name}: ${s.title}`);
  const row = await measureScenario(s, fixture);
  const t = traces.find((x) => x.scenario === s.name)!;
  row.notes.unshift(
    `SQL statements per request: ours ${t.ours.length}, bare ${t.bare.length} (results/sql-trace.md)`,
  );
  if (!t.same) row.flags.push('ours and bare issue different SQL statement sequences (results/sql-trace.md)');
  rows.push(row);
}

await fakeMidtrans?.stop();
const bench = fixture.cooperative;
const text =
  markdown(rows, {
    pgVersion: await postgresVersion(),
    fixture: [
      `${settings.products.toLocaleString('en')} generated products in ${settings.categories} categories`,
      `network root with ${fixture.networkRoot.descendants.toLocaleString('en')} descendants over ${fixture.networkRoot.levels} levels (fanout 4)`,
      `${fixture.buyers.length} buyers under a 10-level chain of active members, stockist ${fixture.stockistMemberId}`,
      `${fixture.pendingOrders.length.toLocaleString('en')} pending orders at start`,
      `ansania: ${settings.shopProducts.toLocaleString('en')} storefront products (2–4 variants, 1–2 images), ${fixture.shop.cartCustomers.length} registered cart customers, ${fixture.shop.checkouts.length.toLocaleString('en')} customers ready to check out`,
      ...fixture.koperasi.map(
        (k) =>
          `koperasi ${k.slug}: ${k.members.toLocaleString('en')} members (three savings accounts each), ${k.transactions.toLocaleString('en')} savings transactions over two years (rollups kept by the triggers)`,
      ),
      `${bench.slug} also: ${bench.savers.length} savers with ${settings.koperasiSaverTransactions} savings transactions each (exact running balances), ${bench.deposits.length.toLocaleString('en')} pending Midtrans deposits at start (a fake Midtrans answers their status: settlement)`,
      // ── cost curves
      `cost-curve sizes: dtehm products ${fixture.sizes.products.map((t) => `${t.products.toLocaleString('en')} (${t.slug})`).join(', ')}; ansania products ${fixture.sizes.shopProducts.map((t) => `${t.products.toLocaleString('en')} (${t.slug})`).join(', ')}; network roots with ${fixture.sizes.network.map((t) => `${t.descendants.toLocaleString('en')} descendants over ${t.levels} levels`).join(', ')}`,
      // ──
      `qutab: affiliate ${fixture.referral.code} with ${fixture.referral.clicks.toLocaleString('en')} clicks over a year (daily rollups) and ${fixture.referral.referrals.toLocaleString('en')} referred orders with their ledger entries, ${fixture.referral.otherCodes.length} other approved affiliates`,
    ],
    startedAt,
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
  }) + statsTierSection(rows, fixture.referral.tiers);
console.log(`\n${table(rows)}\n`);
console.log(costCurves(rows));
for (const r of rows) for (const f of r.flags) console.log(`FLAG ${r.name}: ${f}`);
for (const r of rows) for (const w of r.warnings) console.log(`NOISY ${r.name}: ${w}`);
console.log(`written to ${writeLatest(text)}`);
process.exitCode = rows.some((r) => verdict(r) === 'FLAGGED') ? 1 : 0;
