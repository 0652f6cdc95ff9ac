// `BENCH_REUSE_DB=1 BENCH_ONLY=… pnpm --filter @komisi/bench exec tsx src/cpu-per-request.ts`
// CPU time each server spends per successful request (user + system, from /proc), ours beside
// bare, for the selected scenarios: unlike req/s, it hardly moves when other work shares the cores.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { startServer } from './children.ts';
import { prepare } from './prepare.ts';
import { autocannonRequests, scenarios } from './scenarios.ts';
import { settings } from './settings.ts';

const TICK_MS = 10; // USER_HZ = 100 on Linux
const IDLE_MS = 4_000;

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

const fixture = await prepare();
const selected = scenarios(fixture).filter((s) => !settings.only || settings.only.includes(s.name));
for (const s of selected) {
  const line: string[] = [];
  for (const kind of ['komisi', 'bare'] as const) {
    if (kind === 'bare' && s.noBare) continue;
    const server = await startServer(kind, `cpu-${s.name}`);
    try {
      const opts = { url: server.url, connections: s.connections ?? settings.connections, timeout: 10 };
      await autocannon({ ...opts, duration: settings.warmupSeconds, requests: autocannonRequests(s)() });
      // what the server spends without requests (timers, pollers, buffered writes), per second
      const idleStart = cpuMs(server.pid);
      await new Promise((r) => setTimeout(r, IDLE_MS));
      const idlePerMs = (cpuMs(server.pid) - idleStart) / IDLE_MS;
      const before = cpuMs(server.pid);
      const r = await autocannon({ ...opts, duration: settings.seconds, requests: autocannonRequests(s)() });
      const used = cpuMs(server.pid) - before - idlePerMs * settings.seconds * 1000;
      const ok = s.redirects ? r['3xx'] : r['2xx'];
      line.push(
        `${kind === 'komisi' ? 'ours' : 'bare'} ${((used * 1000) / Math.max(1, ok)).toFixed(0)} µs/request (idle ${(idlePerMs * 100).toFixed(1)}% of a core; ${ok} ok, ${r.non2xx - (s.redirects ? r['3xx'] : 0)} other, p99 ${r.latency.p99} ms)`,
      );
    } finally {
      await server.stop();
    }
  }
  console.log(`${s.name}: ${line.join(' · ')}`);
}
process.exit(0);
