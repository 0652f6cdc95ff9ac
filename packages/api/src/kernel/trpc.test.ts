import { describe, expect, it } from 'vitest';
import { PROFILES } from '../profiles/index.ts';
import {
  bodyCaps,
  MAX_JSON_BODY_BYTES,
  MAX_JSON_UPLOAD_BODY_BYTES,
  MAX_UPLOAD_BODY_BYTES,
  trpcBodyCap,
} from './trpc.ts';

const MB = 1024 * 1024;

describe('request body caps', () => {
  it('follow an operation’s largest file: 1 MB more on multipart, a third more as base64', () => {
    expect(bodyCaps(undefined)).toEqual({ multipart: 0, json: MAX_JSON_BODY_BYTES });
    expect(bodyCaps({ uploads: [] })).toEqual({ multipart: 0, json: MAX_JSON_BODY_BYTES });
    expect(bodyCaps({ uploads: ['photo'] })).toEqual({
      multipart: MAX_UPLOAD_BODY_BYTES,
      json: MAX_JSON_UPLOAD_BODY_BYTES,
    });
    expect([MAX_UPLOAD_BODY_BYTES, MAX_JSON_UPLOAD_BODY_BYTES]).toEqual([6 * MB, 8 * MB]);
    expect(bodyCaps({ uploads: ['file'], maxFileBytes: 10 * MB })).toEqual({
      multipart: 11 * MB,
      json: Math.ceil((11 * MB * 4) / 3),
    });
  });

  it('let a tenant’s tRPC calls carry its largest upload, and no more', () => {
    expect(trpcBodyCap(PROFILES['qutab-platform']!.router)).toBe(MAX_JSON_UPLOAD_BODY_BYTES);
    expect(trpcBodyCap(PROFILES['dtehm-mobile']!.router)).toBe(MAX_JSON_UPLOAD_BODY_BYTES);
    expect(trpcBodyCap(PROFILES['koperasi-sinoman']!.router)).toBe(Math.ceil((11 * MB * 4) / 3));
  });
});
