import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnvFile } from './env-file.ts';

const emptyDir = () => mkdtempSync(join(tmpdir(), 'komisi-env-'));

function envFile(text: string): string {
  const path = join(emptyDir(), '.env');
  writeFileSync(path, text);
  return path;
}

describe('loadEnvFile', () => {
  it('sets what the file lists, comments and quotes as a shell reads them', () => {
    const env: NodeJS.ProcessEnv = {};
    const path = envFile('# the port\nPORT=4000\nKOMISI_MAIL_FROM="Komisi <no-reply@example.com>"\n');
    expect(loadEnvFile({ path, env }).sort()).toEqual(['KOMISI_MAIL_FROM', 'PORT']);
    expect(env).toEqual({ PORT: '4000', KOMISI_MAIL_FROM: 'Komisi <no-reply@example.com>' });
  });

  it('leaves a variable the real environment sets alone, even an empty one', () => {
    const env: NodeJS.ProcessEnv = { PORT: '5000', LOG_LEVEL: '' };
    const path = envFile('PORT=4000\nLOG_LEVEL=debug\nHOST=127.0.0.1\n');
    expect(loadEnvFile({ path, env })).toEqual(['HOST']);
    expect(env).toEqual({ PORT: '5000', LOG_LEVEL: '', HOST: '127.0.0.1' });
  });

  it('reads the .env of the working directory, else the one where pnpm was invoked (INIT_CWD)', () => {
    const root = dirname(envFile('PORT=4100\n'));
    const env: NodeJS.ProcessEnv = { INIT_CWD: root };
    expect(loadEnvFile({ env, cwd: emptyDir() })).toEqual(['PORT']);
    expect(env.PORT).toBe('4100');

    const own: NodeJS.ProcessEnv = { INIT_CWD: root };
    expect(loadEnvFile({ env: own, cwd: dirname(envFile('PORT=4200\n')) })).toEqual(['PORT']);
    expect(own.PORT).toBe('4200');
  });

  it('does nothing without the file', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(loadEnvFile({ env, cwd: emptyDir() })).toEqual([]);
    expect(loadEnvFile({ path: join(emptyDir(), '.env'), env })).toEqual([]);
    expect(env).toEqual({});
  });
});
