import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEV_FILE_KEY,
  decodeFileKey,
  FileCipher,
  SEALED_FORMAT_VERSION,
  SealedDataError,
} from './file-cipher.ts';

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const plaintext = Buffer.from('KTP image bytes: 3171234567890001');

describe('FileCipher', () => {
  it('round-trips with a fresh IV each time', () => {
    const cipher = new FileCipher(keyA);
    const one = cipher.seal(plaintext, 'tenant/1/ktp/abc');
    const two = cipher.seal(plaintext, 'tenant/1/ktp/abc');
    expect(one.equals(two)).toBe(false);
    expect(one[0]).toBe(SEALED_FORMAT_VERSION);
    expect(one.subarray(1, 5).toString('hex')).toBe(cipher.keyId);
    expect(one.length).toBe(1 + 4 + 12 + 16 + plaintext.length);
    expect(one.includes(plaintext)).toBe(false);
    expect(cipher.open(one, 'tenant/1/ktp/abc').equals(plaintext)).toBe(true);
    expect(cipher.openText(cipher.sealText('1234567890', 'ctx'), 'ctx')).toBe('1234567890');
  });

  it('detects any changed byte: header, IV, tag or ciphertext', () => {
    const cipher = new FileCipher(keyA);
    const sealed = cipher.seal(plaintext, 'ctx');
    for (const index of [0, 2, 6, 20, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[index] = (tampered[index] ?? 0) ^ 0x01;
      expect(() => cipher.open(tampered, 'ctx')).toThrow(SealedDataError);
    }
    expect(() => cipher.open(sealed.subarray(0, 20), 'ctx')).toThrow(SealedDataError);
    expect(() => cipher.open(sealed.subarray(0, sealed.length - 1), 'ctx')).toThrow(SealedDataError);
  });

  it('binds a blob to its context: copied onto another file it does not open', () => {
    const cipher = new FileCipher(keyA);
    const sealed = cipher.seal(plaintext, 'bank-account-number:1:10');
    expect(() => cipher.open(sealed, 'bank-account-number:1:11')).toThrow(SealedDataError);
  });

  it('opens blobs of previous keys after rotation, and only with them', () => {
    const old = new FileCipher(keyA);
    const sealed = old.seal(plaintext, 'ctx');
    const rotated = new FileCipher(keyB, [keyA]);
    expect(rotated.keyId).not.toBe(old.keyId);
    expect(rotated.open(sealed, 'ctx').equals(plaintext)).toBe(true);
    expect(rotated.seal(plaintext, 'ctx').subarray(1, 5).toString('hex')).toBe(rotated.keyId);
    expect(() => new FileCipher(keyB).open(sealed, 'ctx')).toThrow(/does not have/);
  });

  it('digests a small secret by key and context, still matching after a rotation', () => {
    const old = new FileCipher(keyA);
    const [digest] = old.digests('3502010101900001', 'nik:1');
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(old.digests('3502010101900001', 'nik:1')).toEqual([digest]);
    expect(old.digests('3502010101900001', 'nik:2')[0]).not.toBe(digest);
    expect(old.digests('3502010101900002', 'nik:1')[0]).not.toBe(digest);
    const rotated = new FileCipher(keyB, [keyA]);
    const digests = rotated.digests('3502010101900001', 'nik:1');
    expect(digests).toHaveLength(2);
    expect(digests[0]).not.toBe(digest);
    expect(digests[1]).toBe(digest);
  });

  it('accepts only 32-byte keys', () => {
    expect(decodeFileKey(keyA.toString('base64'))).toEqual(new Uint8Array(keyA));
    expect(decodeFileKey(keyA.toString('base64url'))).toEqual(new Uint8Array(keyA));
    expect(() => decodeFileKey(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
    expect(() => decodeFileKey('not base64!')).toThrow(/base64/);
    expect(() => new FileCipher(randomBytes(16))).toThrow(/32 bytes/);
    expect(DEV_FILE_KEY.length).toBe(32);
  });
});
