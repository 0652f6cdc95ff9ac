import { describe, expect, it } from 'vitest';
import { newClickId, REFERRAL_COOKIE, readReferralCookie, signReferralCookie } from './referral-cookie.ts';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';
const TENANT = 7;
const clickedAt = new Date('2026-11-01T03:00:00.000Z');
const clickId = '019a3d5e-6b80-7c3a-9f1e-1234567890ab';
const value = signReferralCookie(SECRET, TENANT, { affiliateId: 42, clickId, clickedAt });
const header = (v: string) => `theme=dark; ${REFERRAL_COOKIE}=${v}; other=1`;
const later = (days: number) => new Date(clickedAt.getTime() + days * 86_400_000);

describe('referral cookie', () => {
  it('round-trips affiliate, click and time within the window', () => {
    expect(readReferralCookie(header(value), SECRET, later(29.9), 30, TENANT)).toEqual({
      affiliateId: 42,
      clickId,
      clickedAt,
    });
  });

  it('holds only cookie-safe characters', () => {
    expect(value).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('expires after the attribution window', () => {
    expect(readReferralCookie(header(value), SECRET, later(30), 30, TENANT)).toBeNull();
    expect(readReferralCookie(header(value), SECRET, later(7), 7, TENANT)).toBeNull();
    expect(readReferralCookie(header(value), SECRET, later(6.9), 7, TENANT)).not.toBeNull();
  });

  it('refuses a click dated in the future (beyond clock skew)', () => {
    const future = signReferralCookie(SECRET, TENANT, {
      affiliateId: 42,
      clickId,
      clickedAt: later(1),
    });
    expect(readReferralCookie(header(future), SECRET, clickedAt, 30, TENANT)).toBeNull();
  });

  it('refuses another secret, another tenant and any edited part', () => {
    expect(readReferralCookie(header(value), `${SECRET}x`, later(1), 30, TENANT)).toBeNull();
    expect(readReferralCookie(header(value), SECRET, later(1), 30, TENANT + 1)).toBeNull();
    const parts = value.split('.');
    for (let i = 0; i < parts.length; i++) {
      const edited = parts.map((p, j) => (j === i ? `${p.slice(0, -1)}${p.endsWith('1') ? '2' : '1'}` : p));
      expect(readReferralCookie(header(edited.join('.')), SECRET, later(1), 30, TENANT)).toBeNull();
    }
  });

  it('ignores garbage and a missing cookie', () => {
    for (const bad of [undefined, '', 'komisi_ref=', 'komisi_ref=a.b.c', `${REFERRAL_COOKIE}=${value}.x`])
      expect(readReferralCookie(bad, SECRET, later(1), 30, TENANT)).toBeNull();
    expect(readReferralCookie('komisi_ref=1.2.3.4.5', SECRET, later(1), 30, TENANT)).toBeNull();
  });

  it('takes the first valid of several cookies with the name (path-specific ones come first)', () => {
    const other = signReferralCookie(SECRET, TENANT + 1, { affiliateId: 9, clickId, clickedAt });
    const both = `${REFERRAL_COOKIE}=${other}; ${REFERRAL_COOKIE}=${value}`;
    expect(readReferralCookie(both, SECRET, later(1), 30, TENANT)?.affiliateId).toBe(42);
  });
});

describe('newClickId', () => {
  it('is a version-7 UUID that sorts by time', () => {
    const a = newClickId(new Date('2026-11-01T00:00:00Z'));
    const b = newClickId(new Date('2026-11-01T00:00:01Z'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
    expect(newClickId(new Date(0))).not.toBe(newClickId(new Date(0)));
  });

  it('carries the milliseconds in its first 48 bits', () => {
    const at = new Date('2026-11-01T03:04:05.678Z');
    const id = newClickId(at);
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at.getTime());
    expect(newClickId(new Date(2 ** 48 - 1)).slice(0, 13)).toBe('ffffffff-ffff');
  });
});
