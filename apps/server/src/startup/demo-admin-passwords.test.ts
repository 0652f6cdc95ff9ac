import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SeededTenant } from '@komisi/api';
import { describe, expect, it } from 'vitest';
import { demoAdminPasswords } from './demo-admin-passwords.ts';

const tenant = (slug: string, created: boolean): SeededTenant => ({
  slug,
  created,
  rootMemberId: null,
  logins: [],
});
const dataDir = () => join(mkdtempSync(join(tmpdir(), 'komisi-demo-')), 'data');
const embedded = (dir: string, fromEnv?: string) =>
  demoAdminPasswords({ dataDir: dir, databaseUrl: undefined, fromEnv });

describe('demoAdminPasswords', () => {
  it('generates a password, keeps it (0600) for the tenants created with it, and shows it at every start', () => {
    const dir = dataDir();
    const first = embedded(dir);
    const notes = first.settle([tenant('dtehm', true), tenant('qutab', true)]);
    expect(notes.get('dtehm')).toEqual({ kind: 'kept', password: first.password });
    expect(statSync(join(dir, 'demo-admin-passwords.json')).mode & 0o777).toBe(0o600);

    const again = embedded(dir);
    expect(again.password).toBe(first.password);
    expect(again.settle([tenant('dtehm', false), tenant('qutab', false)])).toEqual(notes);
  });

  it('never writes or prints KOMISI_ADMIN_PASSWORD', () => {
    const dir = dataDir();
    const passwords = embedded(dir, 'my-own-secret');
    expect(passwords.password).toBe('my-own-secret');
    expect(passwords.settle([tenant('dtehm', true)]).get('dtehm')).toEqual({ kind: 'env' });
    expect(
      embedded(dir, 'my-own-secret')
        .settle([tenant('dtehm', false)])
        .get('dtehm'),
    ).toEqual({ kind: 'env' });
    expect(existsSync(join(dir, 'demo-admin-passwords.json'))).toBe(false);
  });

  it('still shows the kept password of a tenant created before KOMISI_ADMIN_PASSWORD was set', () => {
    const dir = dataDir();
    const generated = embedded(dir);
    generated.settle([tenant('dtehm', true)]);
    const notes = embedded(dir, 'set-later-secret').settle([tenant('dtehm', false), tenant('qutab', true)]);
    expect(notes.get('dtehm')).toEqual({ kind: 'kept', password: generated.password });
    expect(notes.get('qutab')).toEqual({ kind: 'env' });
  });

  it('says a tenant it did not create is unknown, and keeps each database apart', () => {
    const dir = dataDir();
    const a = demoAdminPasswords({ dataDir: dir, databaseUrl: 'postgres://db-a/komisi', fromEnv: undefined });
    a.settle([tenant('dtehm', true)]);
    const b = demoAdminPasswords({ dataDir: dir, databaseUrl: 'postgres://db-b/komisi', fromEnv: undefined });
    expect(b.settle([tenant('dtehm', false)]).get('dtehm')).toEqual({ kind: 'unknown' });
    expect(readFileSync(join(dir, 'demo-admin-passwords.json'), 'utf8')).not.toContain('db-a');
  });

  it('forgets a kept password when the tenant is created again with KOMISI_ADMIN_PASSWORD', () => {
    const dir = dataDir();
    embedded(dir).settle([tenant('dtehm', true)]);
    embedded(dir, 'fresh-database-secret').settle([tenant('dtehm', true)]);
    expect(
      embedded(dir)
        .settle([tenant('dtehm', false)])
        .get('dtehm'),
    ).toEqual({ kind: 'unknown' });
  });
});
