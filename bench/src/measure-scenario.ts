import { checkConfirmations } from './checks.ts';
import { type RunningServer, type ServerKind, startServer } from './children.ts';
import { load, type Measurement } from './load.ts';
import type { Fixture } from './prepare.ts';
import { type ProbeResult, probe, sameJson, sameShape } from './probe.ts';
import type { Row } from './report.ts';
import { autocannonRequests, type Scenario } from './scenarios.ts';
import { settings } from './settings.ts';

const LABEL: Record<ServerKind, string> = { komisi: 'ours', bare: 'bare', limit: 'limit' };
const pct = (x: number | null) => (x === null ? '?' : `${Math.round(x * 100)}%`);

function problems(who: string, m: Measurement): string[] {
  return [
    ...(m.non2xx > 0 ? [`${who}: ${m.non2xx} non-2xx responses ${JSON.stringify(m.statusCodes)}`] : []),
    ...(m.errors > 0 ? [`${who}: ${m.errors} connection errors (${m.timeouts} timeouts)`] : []),
    ...(m.requests === 0 ? [`${who}: no requests completed`] : []),
  ];
}

/** One server, one round: start, probe, load, stop. */
async function measureOnce(kind: ServerKind, s: Scenario, label: string) {
  let server: RunningServer | undefined;
  try {
    server = await startServer(kind, label);
    const probed = await probe(server.url, s.call(0));
    const m = await load(server.url, autocannonRequests(s), s.redirects ? '3xx' : '2xx', s.connections);
    m.rssMb = server.rssMb();
    console.log(
      `  ${LABEL[kind]}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, non-2xx ${m.non2xx}, errors ${m.errors}, RSS ${m.rssMb?.toFixed(0) ?? '?'} MB, other CPU load before ${pct(m.backgroundCpu)}`,
    );
    return { probed, m };
  } finally {
    await server?.stop();
  }
}

/** Ours then bare (BENCH_ROUNDS times), checks, and the table row. */
export async function measureScenario(s: Scenario, fixture: Fixture): Promise<Row> {
  const runs: Record<ServerKind, Measurement[]> = { komisi: [], bare: [], limit: [] };
  const probes: Partial<Record<ServerKind, ProbeResult>> = {};
  for (let round = 1; round <= settings.rounds; round++) {
    // odd rounds start with ours, even rounds with bare: state that grows during a run (commission
    // and ledger rows) does not always burden the same server
    const order: ServerKind[] = round % 2 === 1 ? ['komisi', 'bare', 'limit'] : ['limit', 'bare', 'komisi'];
    for (const kind of order) {
      if (kind === 'bare' && s.noBare) continue;
      if (kind === 'limit' && !s.limit) continue;
      const { probed, m } = await measureOnce(kind, s, `${s.name}-${round}`);
      probes[kind] ??= probed;
      runs[kind].push(m);
    }
  }
  const best = (ms: Measurement[]) => ms.reduce((a, b) => (b.rps > a.rps ? b : a));
  const ours = best(runs.komisi);
  const bare = runs.bare.length ? best(runs.bare) : null;
  const limit = runs.limit.length ? best(runs.limit) : null;
  const flags = [
    ...runs.komisi.flatMap((m) => problems('ours', m)),
    ...runs.bare.flatMap((m) => problems('bare', m)),
    ...runs.limit.flatMap((m) => problems('limit', m)),
  ];
  const notes: string[] = [];
  const warnings: string[] = [];
  if (settings.rounds > 1) {
    for (const kind of ['komisi', 'bare', 'limit'] as const) {
      if (runs[kind].length === 0) continue;
      notes.push(
        `${LABEL[kind]} rounds: ${runs[kind].map((m) => `${m.rps.toFixed(0)} req/s`).join(', ')} (best counts)`,
      );
    }
  }
  for (const [kind, m] of [
    ['ours', ours],
    ['bare', bare],
  ] as const) {
    if (m && m.backgroundCpu !== null && m.backgroundCpu > settings.busyThreshold) {
      warnings.push(
        `${kind}: ${pct(m.backgroundCpu)} of the CPU was busy with other work just before the run`,
      );
    }
  }
  for (const [kind, p] of Object.entries(probes)) {
    if (s.redirects ? p.status !== 302 : p.status < 200 || p.status > 299)
      flags.push(`${kind} probe answered ${p.status}: ${JSON.stringify(p.body).slice(0, 300)}`);
  }
  if (s.noBare) {
    notes.push('no bare twin: ours only');
  } else if (s.sameBody) {
    if (sameJson(probes.komisi?.body, probes.bare?.body))
      notes.push('probe: ours and bare return identical bodies');
    else flags.push('probe: ours and bare bodies differ (the bare route does not do the same work)');
  } else if (sameShape(probes.komisi?.body, probes.bare?.body)) {
    notes.push('probe: ours and bare return bodies of the same shape');
  } else {
    flags.push('probe: ours and bare bodies differ in shape');
  }
  const consumed = s.consumption?.();
  if (consumed && s.name !== 'confirm') {
    if (consumed.exhausted) flags.push(`ran out of prepared inputs (${consumed.used} used)`);
    notes.push(`${consumed.used} prepared inputs consumed`);
  } else if (consumed) {
    if (consumed.exhausted) flags.push(`ran out of pending orders (BENCH_ORDERS=${settings.orders})`);
    const check = await checkConfirmations(fixture.pendingOrders.slice(0, consumed.used).map((o) => o.id));
    notes.push(...check.notes);
    flags.push(...check.flags);
  }
  if (s.check) {
    const check = await s.check();
    notes.push(...check.notes);
    flags.push(...check.flags);
  }
  return { name: s.name, title: s.title, ours, bare, limit, flags, warnings, notes };
}
