import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serverEnv } from './database.ts';
import { settings } from './settings.ts';

export type ServerKind = 'komisi' | 'bare';

const ENTRY: Record<ServerKind, string> = {
  komisi: join(import.meta.dirname, 'komisi-server.ts'),
  bare: join(import.meta.dirname, 'bare-server.ts'),
};

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

/** Starts one server in its own process (through tsx, like `pnpm start`) and waits for /health. */
export async function startServer(kind: ServerKind, label: string): Promise<RunningServer> {
  const port = settings.port;
  const execArgv = ['--conditions=komisi-source', '--import', 'tsx'];
  if (settings.cpuProfile) {
    const dir = join(import.meta.dirname, '..', 'results', 'profiles');
    mkdirSync(dir, { recursive: true });
    execArgv.push('--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', `${label}-${kind}.cpuprofile`);
  }
  const child = spawn(process.execPath, [...execArgv, ENTRY[kind]], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, ...serverEnv({ PORT: String(port) }) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  live.add(child);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, 30_000);
  } catch (e) {
    child.kill('SIGKILL');
    live.delete(child);
    throw e;
  }
  return {
    kind,
    url,
    pid: child.pid!,
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
