import { describe, expect, it } from 'vitest';
import { PROFILES } from './profiles.ts';
import { SECTIONS, sectionsFor } from './sections.tsx';

describe('the sections of a tenant’s console', () => {
  it('every managed profile has sections, each id once (it is the path segment)', () => {
    for (const profile of Object.values(PROFILES)) {
      const ids = SECTIONS[profile].map((s) => s.id);
      expect(ids.length, profile).toBeGreaterThan(0);
      expect(new Set(ids).size, profile).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z][a-z-]*$/);
    }
  });

  it('keeps the screens serving a section `console.me` names, in navbar order', () => {
    const sinoman = ['dashboard', 'settings', 'kyc', 'withdrawals', 'financial-reports', 'transactions'];
    expect(sectionsFor(PROFILES.sinoman, [...sinoman, 'jobs', 'outbox']).map((s) => s.id)).toEqual([
      'dashboard',
      'members',
      'withdrawals',
      'financial',
      'transactions',
      'settings',
      'jobs',
      'outbox',
    ]);
    expect(sectionsFor(PROFILES.sinoman, ['transactions', 'kyc']).map((s) => s.id)).toEqual([
      'members',
      'transactions',
    ]);
    expect(sectionsFor(PROFILES.qutab, [])).toEqual([]);
  });
});
