// `pnpm --filter @komisi/bench bench:instances`: one read and one write scenario on 1 instance
// reached directly, then on 1, 2 and 3 instances behind the round-robin proxy the multi-instance
// tests use (each instance and the proxy in its own process, one database, one Redis); writes
// results/instances.md.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { postgresVersion } from './checks.ts';
import { type RunningServer, startInstance, startProxy } from './children.ts';
import { load, type Measurement } from './load.ts';
import { prepare } from './prepare.ts';
import { probe } from './probe.ts';
import { autocannonRequests, type Scenario, scenarios } from './scenarios.ts';
import { settings } from './settings.ts';

const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SCENARIOS = settings.only ?? ['preview', 'cart-add'];

interface Setup {
  name: string;
  instances: number;
  proxied: boolean;
}
const SETUPS: Setup[] = [
  { name: '1 instance, direct', instances: 1, proxied: false },
  { name: '1 instance, proxy', instances: 1, proxied: true },
  { name: '2 instances, proxy', instances: 2, proxied: true },
  { name: '3 instances, proxy', instances: 3, proxied: true },
];

interface Result {
  scenario: string;
  setup: Setup;
  rounds: Measurement[];
  best: Measurement;
  /** resident memory of every instance (and the proxy) after the best round's load, MB */
  rss: number[];
  /** the machine's 1-minute load average just before the best round's load */
  load: number;
}

/** Starts the setup's instances (ports after the proxy's) and the proxy; answers where to send load. */
async function startSetup(setup: Setup, label: string) {
  // a fresh Redis namespace per start: each measurement gets the rate-limit budgets of a new server
  const env = { REDIS_URL, REDIS_KEY_PREFIX: `komisi:bench:${randomBytes(4).toString('hex')}:` };
  const instances: RunningServer[] = [];
  for (let i = 0; i < setup.instances; i++) {
    instances.push(await startInstance(settings.port + 1 + i, `${label}-${i}`, env));
  }
  const proxy = setup.proxied
    ? await startProxy(
        settings.port,
        instances.map((s) => s.url),
      )
    : null;
  return {
    url: proxy?.url ?? instances[0]!.url,
    rss: () => [...instances, ...(proxy ? [proxy] : [])].map((s) => s.rssMb() ?? 0),
    async stop() {
      await proxy?.stop();
      await Promise.all(instances.map((s) => s.stop()));
    },
  };
}

async function measure(
  s: Scenario,
  setup: Setup,
  round: number,
): Promise<{ m: Measurement; rss: number[]; load: number }> {
  const running = await startSetup(
    setup,
    `${s.name}-${setup.instances}${setup.proxied ? 'p' : 'd'}-${round}`,
  );
  try {
    const probed = await probe(running.url, s.call(0));
    if (probed.status < 200 || probed.status > 299)
      throw new Error(
        `${s.name} probe answered ${probed.status}: ${JSON.stringify(probed.body).slice(0, 300)}`,
      );
    const machineLoad = loadavg()[0]!;
    const m = await load(running.url, autocannonRequests(s));
    const rss = running.rss();
    console.log(
      `  ${setup.name}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, non-2xx ${m.non2xx}, errors ${m.errors}, RSS ${rss.map((r) => r.toFixed(0)).join(' + ')} MB, load average ${machineLoad.toFixed(1)}, other CPU load before ${m.backgroundCpu === null ? '?' : `${Math.round(m.backgroundCpu * 100)}%`}`,
    );
    return { m, rss, load: machineLoad };
  } finally {
    await running.stop();
  }
}

const startedAt = new Date();
console.log(`Preparing ${settings.dbName}${settings.reuseDb ? ' (reusing it if present)' : ''}…`);
const fixture = await prepare();
const selected = scenarios(fixture).filter((s) => SCENARIOS.includes(s.name));
const results: Result[] = [];
for (const s of selected) {
  console.log(`\n${s.name}: ${s.title}`);
  const runs = new Map<Setup, { m: Measurement; rss: number[]; load: number }[]>(SETUPS.map((x) => [x, []]));
  for (let round = 1; round <= settings.rounds; round++) {
    // odd rounds from 1 to 3 instances, even rounds back: data that grows during a run burdens each alike
    const order = round % 2 === 1 ? SETUPS : [...SETUPS].reverse();
    for (const setup of order) runs.get(setup)!.push(await measure(s, setup, round));
  }
  for (const setup of SETUPS) {
    const all = runs.get(setup)!;
    const best = all.reduce((a, b) => (b.m.rps > a.m.rps ? b : a));
    results.push({
      scenario: s.name,
      setup,
      rounds: all.map((r) => r.m),
      best: best.m,
      rss: best.rss,
      load: best.load,
    });
  }
}

const f0 = (x: number) => x.toFixed(0);
const rows = results.map((r) => {
  const direct = results.find((x) => x.scenario === r.scenario && !x.setup.proxied)!;
  const share = r.best.rps / direct.best.rps;
  const issues = r.rounds.reduce((n, m) => n + m.non2xx + m.errors, 0);
  return `| ${r.scenario} | ${r.setup.name} | ${f0(r.best.rps)} | ${Math.round(share * 100)}% | ${r.best.p50} | ${r.best.p99} | ${r.rss.map(f0).join(' + ')} | ${r.load.toFixed(1)} | ${issues} | ${r.rounds.map((m) => f0(m.rps)).join(', ')} |`;
});
const cpu = cpus();
const text = `# Several instances behind a proxy — throughput

${startedAt.toISOString()} · Node ${process.version} · ${cpu.length} × ${cpu[0]?.model ?? 'CPU'} · ${await postgresVersion()}

\`pnpm --filter @komisi/bench bench:instances\`: each scenario on our server (\`startPlatform\` +
@hono/node-server, NODE_ENV=production, REDIS_URL set: shared rate limits and tenant change notices)
as 1 instance reached directly, then 1, 2 and 3 instances behind the round-robin proxy of the
multi-instance tests (\`apps/server/src/testing/round-robin-proxy.ts\`, node:http, kept-alive upstream
connections), every instance and the proxy in its own process, one PostgreSQL database, pool ${settings.poolMax}
per instance. autocannon in the parent, ${settings.connections} connections, ${settings.warmupSeconds} s warm-up +
${settings.seconds} s measured, ${settings.rounds} round(s) (best counts). req/s counts 2xx responses.

**This machine has ${cpu.length} cores**, shared by PostgreSQL, every instance, the proxy and the load
generator (and, during this run, other work on the machine). More instances cannot add CPU here:
these figures show the cost of the proxy hop and of more processes competing for the same cores,
not how the server scales. On separate machines each instance brings its own cores; the database
(one primary) is then the shared limit.

| scenario | setup | req/s | of direct | p50 ms | p99 ms | RSS MB (instances + proxy) | load avg | non-2xx + errors | rounds req/s |
|---|---|---:|---:|---:|---:|---|---:|---:|---|
${rows.join('\n')}

Scenarios: ${selected.map((s) => `**${s.name}**: ${s.title}`).join('; ')}.

Re-run: \`BENCH_DB=… BENCH_PORT=… pnpm --filter @komisi/bench bench:instances\` (the proxy listens on
BENCH_PORT, the instances on the ports after it; BENCH_ONLY picks scenarios, BENCH_ROUNDS,
BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_REUSE_DB=1 and the data sizes as for \`pnpm bench\`;
BENCH_REDIS_URL, default redis://127.0.0.1:6379). Whole run: ${f0((Date.now() - startedAt.getTime()) / 1000)} s.
`;
const dir = join(import.meta.dirname, '..', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, 'instances.md');
writeFileSync(file, text);
console.log(`\n${rows.join('\n')}\n\nwritten to ${file}`);
