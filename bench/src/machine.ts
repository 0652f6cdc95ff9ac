import { readFileSync } from 'node:fs';

function cpuTimes(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [, ...fields] = line.trim().split(/\s+/);
  const n = fields.map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = (n[3] ?? 0) + (n[4] ?? 0);
  return { busy: total - idle, total };
}

/**
 * Share of all cores busy over `ms` while our server idles: other work on the machine
 * (other test runs, autovacuum) that will compete with the measurement. Null off Linux.
 */
export async function backgroundCpu(ms = 1000): Promise<number | null> {
  try {
    const a = cpuTimes();
    await new Promise((r) => setTimeout(r, ms));
    const b = cpuTimes();
    return b.total > a.total ? (b.busy - a.busy) / (b.total - a.total) : 0;
  } catch {
    return null;
  }
}
