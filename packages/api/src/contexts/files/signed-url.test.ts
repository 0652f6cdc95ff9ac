import { describe, expect, it } from 'vitest';
import { fileUrlKey, signFileUrl, verifyFileUrl } from './signed-url.ts';

const key = fileUrlKey('test-secret-test-secret-test-secret-0123456789');
const now = 1_800_000_000;
const claims = { tenantId: 3, fileId: 42, viewerId: 7, expires: now + 300 };
const sig = signFileUrl(key, claims);
const query = { v: '7', exp: String(now + 300), sig };

describe('signed file URLs', () => {
  it('accept an untouched link before it expires', () => {
    expect(verifyFileUrl(key, 3, '42', query, now)).toEqual({ ok: true, claims });
    expect(verifyFileUrl(key, 3, '42', query, now + 299).ok).toBe(true);
  });

  it('expire at their expiry', () => {
    expect(verifyFileUrl(key, 3, '42', query, now + 300)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse any change to the file, viewer, expiry, tenant or signature', () => {
    const invalid = { ok: false, reason: 'invalid' };
    expect(verifyFileUrl(key, 3, '43', query, now)).toEqual(invalid);
    expect(verifyFileUrl(key, 4, '42', query, now)).toEqual(invalid);
    expect(verifyFileUrl(key, 3, '42', { ...query, v: '8' }, now)).toEqual(invalid);
    expect(verifyFileUrl(key, 3, '42', { ...query, exp: String(now + 3000) }, now)).toEqual(invalid);
    const flipped = `${sig.slice(0, -2)}${sig.endsWith('AA') ? 'AB' : 'AA'}`;
    expect(verifyFileUrl(key, 3, '42', { ...query, sig: flipped }, now)).toEqual(invalid);
    expect(verifyFileUrl(key, 3, '42', { ...query, sig: sig.slice(0, 20) }, now)).toEqual(invalid);
    expect(verifyFileUrl(key, 3, '42', { ...query, sig: '' }, now)).toEqual(invalid);
    expect(verifyFileUrl(fileUrlKey('another-secret-another-secret-another-1'), 3, '42', query, now)).toEqual(
      invalid,
    );
  });

  it('refuse malformed parameters', () => {
    const invalid = { ok: false, reason: 'invalid' };
    expect(verifyFileUrl(key, 3, '042', query, now)).toEqual(invalid);
    expect(verifyFileUrl(key, 3, '42', { ...query, v: undefined }, now)).toEqual(invalid);
    expect(verifyFileUrl(key, 3, '42', { ...query, exp: '1e9' }, now)).toEqual(invalid);
    expect(verifyFileUrl(key, 3, '42', { v: '7', exp: String(now + 300) }, now)).toEqual(invalid);
  });

  it('refuse a correctly signed expiry further ahead than any link is issued for', () => {
    const far = { ...claims, expires: now + 400 * 86_400 };
    const farQuery = { v: '7', exp: String(far.expires), sig: signFileUrl(key, far) };
    expect(verifyFileUrl(key, 3, '42', farQuery, now)).toEqual({ ok: false, reason: 'invalid' });
  });
});
