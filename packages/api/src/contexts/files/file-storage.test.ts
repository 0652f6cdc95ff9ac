import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FileStorage, MemoryFileStorage } from './file-storage.ts';
import { LocalDiskFileStorage } from './local-disk.storage.ts';
import { sha256Hex, signV4 } from './s3.signature.ts';
import { S3FileStorage } from './s3.storage.ts';

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret-key-for-tests' };

/**
 * A minimal S3 for the adapter: path-style objects in a map, requests refused unless their
 * signature (recomputed from what arrived) and payload hash check out.
 */
function fakeS3() {
  const objects = new Map<string, Buffer>();
  const calls: { method: string; path: string }[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = init?.body ? Buffer.from(init.body as Uint8Array) : Buffer.alloc(0);
    calls.push({ method, path: url.pathname });
    const signedNames = /SignedHeaders=([^,]+)/.exec(headers.authorization ?? '')?.[1]?.split(';') ?? [];
    const arrived: Record<string, string> = { host: url.host };
    if (body.length) arrived['content-length'] = String(body.length);
    for (const name of signedNames) if (headers[name] !== undefined) arrived[name] = headers[name];
    const expected = signV4(
      { method, url, headers: arrived, payloadHash: headers['x-amz-content-sha256'] ?? '' },
      { credentials, region: 'auto', service: 's3', now: new Date() },
    );
    if (
      expected.headers.authorization !== headers.authorization ||
      headers['x-amz-content-sha256'] !== sha256Hex(body)
    ) {
      return new Response('<Error><Code>SignatureDoesNotMatch</Code></Error>', { status: 403 });
    }
    if (method === 'PUT') {
      objects.set(url.pathname, body);
      return new Response(null, { status: 200 });
    }
    if (method === 'DELETE') {
      objects.delete(url.pathname);
      return new Response(null, { status: 204 });
    }
    const found = objects.get(url.pathname);
    return found
      ? new Response(new Uint8Array(found))
      : new Response('<Error><Code>NoSuchKey</Code></Error>', { status: 404 });
  }) as typeof fetch;
  return { objects, calls, fetch: fetchFn };
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function contract(storage: FileStorage) {
  const bytes = Buffer.from([1, 2, 3, 250]);
  await storage.put('7/ktp/abcDEF_-12', bytes);
  expect(await storage.get('7/ktp/abcDEF_-12')).toEqual(bytes);
  expect(await storage.get('7/ktp/missing')).toBeNull();
  await storage.put('7/ktp/abcDEF_-12', Buffer.from('replaced'));
  expect((await storage.get('7/ktp/abcDEF_-12'))?.toString()).toBe('replaced');
  await storage.delete('7/ktp/abcDEF_-12');
  expect(await storage.get('7/ktp/abcDEF_-12')).toBeNull();
  await storage.delete('7/ktp/abcDEF_-12');
  for (const bad of ['../etc/passwd', '/abs', 'a//b', 'a/./b', 'a/b.jpg', 'a\\b', '']) {
    await expect(storage.put(bad, bytes)).rejects.toThrow(/invalid storage key/);
  }
}

describe('file storages', () => {
  it('memory', async () => {
    await contract(new MemoryFileStorage());
  });

  it('local disk: atomic writes, owner-only files, no escaping the root', async () => {
    const root = await mkdtemp(join(tmpdir(), 'komisi-files-'));
    dirs.push(root);
    const storage = new LocalDiskFileStorage(root);
    await contract(storage);
    await storage.put('1/profile_photo/xyz', Buffer.from('photo'));
    expect((await stat(join(root, '1/profile_photo/xyz'))).mode & 0o777).toBe(0o600);
    expect(await readdir(join(root, '1/profile_photo'))).toEqual(['xyz']);
  });

  it('S3-compatible: signed path-style requests, 404 as null', async () => {
    const s3 = fakeS3();
    const storage = new S3FileStorage({
      endpoint: 'https://s3.example.test/',
      bucket: 'komisi-files',
      region: 'auto',
      credentials,
      fetch: s3.fetch,
    });
    await contract(storage);
    expect(s3.calls[0]).toEqual({ method: 'PUT', path: '/komisi-files/7/ktp/abcDEF_-12' });
  });

  it('S3-compatible: errors other than 404 are thrown with the S3 code', async () => {
    const storage = new S3FileStorage({
      endpoint: 'https://s3.example.test',
      bucket: 'b',
      region: 'auto',
      credentials: { ...credentials, secretAccessKey: 'wrong' },
      fetch: fakeS3().fetch,
    });
    await expect(storage.put('1/ktp/x', Buffer.from('x'))).rejects.toThrow(/403 SignatureDoesNotMatch/);
    await expect(storage.get('1/ktp/x')).rejects.toThrow(/403/);
  });
});
