import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Reads `.env` (or `path`) from the working directory into `env`, when the file exists: each variable
 * the environment does not already set (the real environment always wins). Returns the names it set.
 * Every entry point (the server, the CLI) calls it before `loadConfig`.
 */
export function loadEnvFile(path = '.env', env: NodeJS.ProcessEnv = process.env): string[] {
  const file = resolve(path);
  if (!existsSync(file)) return [];
  const loaded: string[] = [];
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (value === undefined || env[name] !== undefined) continue;
    env[name] = value;
    loaded.push(name);
  }
  return loaded;
}
