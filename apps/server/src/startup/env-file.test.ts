import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnvFile } from './env-file.ts';

function envFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'komisi-env-')), '.env');
  writeFileSync(path, text);
  return path;
}

describe('loadEnvFile', () => {
  it('sets what the file lists, comments and quotes as a shell reads them', () => {
    const env: NodeJS.ProcessEnv = {};
    const path = envFile('# the port\nPORT=4000\nKOMISI_MAIL_FROM="Komisi <no-reply@example.com>"\n');
    expect(loadEnvFile(path, env).sort()).toEqual(['KOMISI_MAIL_FROM', 'PORT']);
    expect(env).toEqual({ PORT: '4000', KOMISI_MAIL_FROM: 'Komisi <no-reply@example.com>' });
  });

  it('leaves a variable the real environment sets alone, even an empty one', () => {
    const env: NodeJS.ProcessEnv = { PORT: '5000', LOG_LEVEL: '' };
    expect(loadEnvFile(envFile('PORT=4000\nLOG_LEVEL=debug\nHOST=127.0.0.1\n'), env)).toEqual(['HOST']);
    expect(env).toEqual({ PORT: '5000', LOG_LEVEL: '', HOST: '127.0.0.1' });
  });

  it('does nothing without the file', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(loadEnvFile(join(tmpdir(), 'komisi-no-such-dir', '.env'), env)).toEqual([]);
    expect(env).toEqual({});
  });
});
