// `tsx src/profile-summary.ts <file.cpuprofile> [top]`: self time of a V8 CPU profile (from
// BENCH_CPU_PROF=1) by package and by function, to see which layer a request's CPU goes to.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

/** `node_modules/.pnpm/@mikro-orm+core@7.2.1/node_modules/@mikro-orm/core/x.js` → `@mikro-orm/core`. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node (built-in)';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  // sources (tsx) or built (dist/, as the bench runs the servers)
  const ours = /\/(packages|apps|bench)\/([^/]+)\/(?:src|dist)\/(.*)$/.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  return url;
}

export function summarise(profile: Profile, top = 25) {
  const total = profile.samples.length;
  const ms = (profile.endTime - profile.startTime) / 1000 / Math.max(1, total);
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    const pkg = packageOf(n.callFrame.url, n.callFrame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
    const file = n.callFrame.url.split('/').slice(-1)[0] ?? '';
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${pkg === file ? '' : `[${pkg}] `}${file}:${n.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits);
  }
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([k, v]) =>
          `${((v / total) * 100).toFixed(1).padStart(5)}%  ${(v * ms).toFixed(0).padStart(6)} ms  ${k}`,
      );
  return { total, byPackage: rows(byPackage), byFunction: rows(byFunction) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('usage: tsx src/profile-summary.ts <file.cpuprofile> [top]');
  const s = summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(top ?? 25));
  console.log(
    `${s.total} samples\n\nby package:\n${s.byPackage.join('\n')}\n\nby function:\n${s.byFunction.join('\n')}`,
  );
}
