import type { SeededTenant, TenantRecord } from '@komisi/api';
import { describe, expect, it } from 'vitest';
import { startBanner } from './banner.ts';
import type { AdminPasswordNote } from './demo-admin-passwords.ts';

const record = (slug: string, profile: string, extraProfiles?: string[]): TenantRecord => ({
  id: 1,
  slug,
  name: `${slug} demo`,
  profile,
  currency: 'IDR',
  timeZone: 'Asia/Jakarta',
  hosts: [],
  settings: extraProfiles ? { extraProfiles } : {},
});

const seeded: SeededTenant[] = [
  {
    slug: 'dtehm',
    created: false,
    rootMemberId: 'DTEHM20260001',
    logins: [
      { role: 'admin', email: 'admin@dtehm.demo', password: null },
      { role: 'member', email: 'member@dtehm.demo', password: 'Member123!', note: 'sponsor of 5' },
    ],
  },
  {
    slug: 'ansania',
    created: false,
    rootMemberId: null,
    logins: [{ role: 'admin', email: 'admin@ansania.demo', password: null }],
  },
];

function banner(notes: Record<string, AdminPasswordNote>) {
  return startBanner({
    origin: 'http://localhost:3000',
    database: 'PostgreSQL',
    tenants: [
      record('dtehm', 'dtehm-mobile'),
      record('ansania', 'ansania-ecommerce', ['affiliate-marketer']),
    ],
    seeded,
    adminPasswords: new Map(Object.entries(notes)),
    platformAdmin: { email: 'platform@komisi.local', password: 'generated-platform-pw' },
  });
}

describe('startBanner', () => {
  it("prints each demo tenant's URLs and every login with its password", () => {
    const text = banner({
      dtehm: { kind: 'kept', password: 'kept-pass' },
      ansania: { kind: 'kept', password: 'kept-pass' },
    });
    for (const line of [
      'Komisi is listening on http://localhost:3000 (PostgreSQL)',
      '  API docs: http://localhost:3000/docs/',
      '  Tenant dtehm: dtehm demo (dtehm-mobile)',
      '    REST:     http://localhost:3000/t/dtehm/api',
      '    tRPC:     http://localhost:3000/t/dtehm/trpc',
      '    OpenAPI:  http://localhost:3000/t/dtehm/api/openapi.json',
      '    Root member to name as sponsor: DTEHM20260001',
      '      admin     admin@dtehm.demo  / kept-pass',
      '      member    member@dtehm.demo / Member123!  (sponsor of 5)',
      '    OpenAPI:  http://localhost:3000/t/ansania/api/openapi.json?profile=affiliate-marketer  (affiliate-marketer)',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
  });

  it('names KOMISI_ADMIN_PASSWORD instead of printing it, and says when a password is not known', () => {
    const text = banner({ dtehm: { kind: 'env' }, ansania: { kind: 'unknown' } });
    expect(text).toContain('admin@dtehm.demo  / (from KOMISI_ADMIN_PASSWORD)');
    expect(text).toContain(
      'admin@ansania.demo / (set when the tenant was created; not kept in this data dir)',
    );
  });
});
