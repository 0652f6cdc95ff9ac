import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverEnv } from './database.ts';
import { settings } from './settings.ts';

/** ours; the bare twin (same SQL on Hono + pg); the limit twin (the fewest round trips, money paths only) */
export type ServerKind = 'komisi' | 'bare' | 'limit';

const ENTRY: Record<ServerKind, string> = {
  komisi: join(import.meta.dirname, 'komisi-server.ts'),
  bare: join(import.meta.dirname, 'bare-server.ts'),
  limit: join(import.meta.dirname, 'bare-server.ts'),
};

/** the V8 flags `pnpm start` gives the server (package.json), for ours and the twins alike */
const PRODUCTION_NODE_FLAGS = ['--max-semi-space-size=16'];

/** what every child imports of ours, built by `pnpm build:server` */
const BUILT_SERVER = join(import.meta.dirname, '..', '..', 'apps', 'server', 'dist', 'index.js');

const live = new Set<ChildProcess>();

/** Children die with the parent, however it ends. */
function killAll() {
  for (const child of live) child.kill('SIGKILL');
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

export interface RunningServer {
  kind: ServerKind;
  url: string;
  pid: number;
  /** resident memory now, in MB (Linux: /proc), or null where unknown */
  rssMb(): number | null;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`server exited with code ${child.exitCode} before it was healthy`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms`);
}

/** Starts one server in its own process (the built packages, like `pnpm start`) and waits for /health. */
export async function startServer(kind: ServerKind, label: string): Promise<RunningServer> {
  const child = await startChild(
    ENTRY[kind],
    settings.port,
    settings.cpuProfile ? `${label}-${kind}` : null,
    kind === 'limit' ? { BENCH_TWIN: 'limit' } : {},
    undefined,
    true,
  );
  return { kind, ...child };
}

/** One of several instances of our server (`pnpm bench:instances`) on `port`, with extra environment. */
export async function startInstance(
  port: number,
  label: string,
  env: Record<string, string>,
): Promise<RunningServer> {
  // several servers starting on a busy machine: a longer wait than one server gets
  const child = await startChild(
    ENTRY.komisi,
    port,
    settings.cpuProfile ? `${label}-komisi` : null,
    env,
    120_000,
    true,
  );
  return { kind: 'komisi', ...child };
}

/** The round-robin proxy (proxy-server.ts) on `port` in front of `upstreams`, in its own process. */
export function startProxy(port: number, upstreams: string[]): Promise<Omit<RunningServer, 'kind'>> {
  return startChild(
    join(import.meta.dirname, 'proxy-server.ts'),
    port,
    null,
    { BENCH_PROXY_UPSTREAMS: upstreams.join(',') },
    120_000,
  );
}

/**
 * The fake Midtrans API (fake-midtrans-server.ts) in its own process, so neither the server under
 * load nor the load generator slows its answers.
 */
export function startFakeMidtrans(): Promise<Omit<RunningServer, 'kind'>> {
  return startChild(join(import.meta.dirname, 'fake-midtrans-server.ts'), settings.midtransPort, null);
}

async function startChild(
  entry: string,
  port: number,
  profileName: string | null,
  env: Record<string, string> = {},
  healthTimeoutMs = 30_000,
  measured = false,
): Promise<Omit<RunningServer, 'kind'>> {
  // The servers measured run on plain Node, as `pnpm start` runs ours: the packages' built
  // JavaScript (dist/), and Node's own type stripping for the bench's entry files. Through tsx on
  // the sources, each held ~75 MB more (the transpiled sources and their source maps): not the RSS
  // of production. The helpers (fake Midtrans, proxy) stay on tsx.
  if (measured && !existsSync(BUILT_SERVER))
    throw new Error(`${BUILT_SERVER} is missing: run \`pnpm build:server\` first (\`pnpm bench\` does)`);
  const execArgv = measured ? [...PRODUCTION_NODE_FLAGS] : ['--conditions=komisi-source', '--import', 'tsx'];
  if (profileName) {
    const dir = join(import.meta.dirname, '..', 'results', 'profiles');
    mkdirSync(dir, { recursive: true });
    execArgv.push('--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', `${profileName}.cpuprofile`);
  }
  const child = spawn(process.execPath, [...execArgv, entry], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, ...serverEnv({ PORT: String(port), ...env }) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  live.add(child);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, healthTimeoutMs);
  } catch (e) {
    child.kill('SIGKILL');
    live.delete(child);
    throw e;
  }
  return {
    url,
    pid: child.pid!,
    rssMb: () => residentMb(child.pid!),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      live.delete(child);
    },
  };
}

function residentMb(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}
