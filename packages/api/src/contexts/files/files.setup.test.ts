import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../composition/config.ts';
import { DEV_FILE_KEY } from './file-cipher.ts';
import { filesSetupFromConfig } from './files.setup.ts';
import { LocalDiskFileStorage } from './local-disk.storage.ts';
import { S3FileStorage } from './s3.storage.ts';

const key = randomBytes(32);
const s3 = {
  KOMISI_S3_ENDPOINT: 'https://s3.example.test',
  KOMISI_S3_BUCKET: 'files',
  KOMISI_S3_ACCESS_KEY: 'AKID',
  KOMISI_S3_SECRET_KEY: 'secret',
};

describe('file configuration', () => {
  it('uses the public development key and local disk by default', () => {
    const config = loadConfig({});
    expect(config.files).toMatchObject({ keyIsDevDefault: true, previousKeys: [], s3: undefined });
    expect(config.files.key).toEqual(DEV_FILE_KEY);
    expect(filesSetupFromConfig(config).storage).toBeInstanceOf(LocalDiskFileStorage);
  });

  it('requires KOMISI_FILE_KEY in production with an external database', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db.example/komisi' };
    expect(() => loadConfig(production)).toThrow(/KOMISI_FILE_KEY: required in production/);
    const config = loadConfig({ ...production, KOMISI_FILE_KEY: key.toString('base64') });
    expect(config.files.key).toEqual(new Uint8Array(key));
    expect(config.files.keyIsDevDefault).toBe(false);
    // the single-process embedded demo (`pnpm start`) still starts without one
    expect(loadConfig({ NODE_ENV: 'production' }).files.keyIsDevDefault).toBe(true);
  });

  it('refuses keys that are not 32 bytes, and reads previous keys for rotation', () => {
    expect(() => loadConfig({ KOMISI_FILE_KEY: randomBytes(24).toString('base64') })).toThrow(/32 bytes/);
    const old = randomBytes(32);
    const config = loadConfig({
      KOMISI_FILE_KEY: key.toString('base64'),
      KOMISI_FILE_KEY_PREVIOUS: ` ${old.toString('base64')} ,`,
    });
    expect(config.files.previousKeys).toEqual([new Uint8Array(old)]);
  });

  it('uses an S3-compatible bucket when all of KOMISI_S3_* are set, and only then', () => {
    const config = loadConfig(s3);
    expect(config.files.s3).toEqual({
      endpoint: 'https://s3.example.test',
      bucket: 'files',
      region: 'us-east-1',
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
    });
    expect(filesSetupFromConfig(config).storage).toBeInstanceOf(S3FileStorage);
    expect(() => loadConfig({ KOMISI_S3_BUCKET: 'files' })).toThrow(/KOMISI_S3_\*/);
  });
});
