import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const SERVER_DIR = join(import.meta.dirname, '..', '..');

/** The environment of a process on its own embedded database, nothing seeded, on a free port. */
export function embeddedDatabaseEnv(dataDir: string, drop: string[] = []): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    KOMISI_DATA_DIR: dataDir,
    KOMISI_SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
  };
  for (const name of ['DATABASE_URL', 'PUBLIC_BASE_URL', ...drop]) delete env[name];
  return env;
}

export interface SourceProcess {
  child: ChildProcess;
  output(): { stdout: string; stderr: string };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  /** the origin the server prints once it listens; rejects if the process exits first */
  listening(): Promise<string>;
}

/**
 * One of the server's entry points (`src/main.ts`, `src/cli.ts`) run from its sources by node
 * itself (tsx as a loader, not its launcher, which would leave its node child behind a kill -9).
 */
export function spawnSource(script: string, args: string[], env: NodeJS.ProcessEnv): SourceProcess {
  const child = spawn(process.execPath, ['--conditions=komisi-source', '--import', 'tsx', script, ...args], {
    cwd: SERVER_DIR,
    env,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
  const listening = () => {
    const origin = new Promise<string>((resolve, reject) => {
      const check = () => {
        const m = /Komisi is listening on (\S+)/.exec(stdout);
        if (m) resolve(m[1]!);
      };
      check();
      child.stdout!.on('data', check);
      void exited.then(({ code, signal }) =>
        reject(new Error(`server exited (${code ?? signal}) before listening:\n${stdout}\n${stderr}`)),
      );
    });
    origin.catch(() => {}); // observed where awaited
    return origin;
  };
  return { child, output: () => ({ stdout, stderr }), exited, listening };
}
