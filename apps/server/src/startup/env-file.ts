import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';

export interface EnvFileOptions {
  /** the file to read; default: `.env` of the working directory, else of pnpm's `INIT_CWD` */
  path?: string;
  /** where the variables go (and which ones are set already); default `process.env` */
  env?: NodeJS.ProcessEnv;
  /** default `process.cwd()` */
  cwd?: string;
}

/**
 * `.env` of the working directory, else of the directory pnpm was invoked in (`INIT_CWD`):
 * `pnpm dev` runs the server's script in `apps/server`, and the file sits at the repository root.
 */
function defaultEnvFile(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  const dirs = [cwd, ...(env.INIT_CWD ? [env.INIT_CWD] : [])];
  return dirs.map((dir) => join(dir, '.env')).find((file) => existsSync(file));
}

/**
 * Reads a `.env` file into the environment when it exists: each variable the environment does not
 * already set (the real environment always wins). Returns the names it set. Every entry point (the
 * server, the CLI) calls it before `loadConfig`.
 */
export function loadEnvFile({ path, env = process.env, cwd = process.cwd() }: EnvFileOptions = {}): string[] {
  const file = path ? resolve(cwd, path) : defaultEnvFile(cwd, env);
  if (!file || !existsSync(file)) return [];
  const loaded: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (value === undefined || env[name] !== undefined) continue;
    env[name] = value;
    loaded.push(name);
  }
  return loaded;
}
