import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiContext, createLogger, type TenantRecord } from '@komisi/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

let app: TestApp;
let dataDir: string;
let tenant: TenantRecord;
let ownerId: number;
let url: string;
let fileId: number;

const scope = (t: TenantRecord = tenant, now = new Date()) => {
  const s = createApiContext(app.services.orm, app.services, createLogger('silent'), {
    tenant: t,
    requestId: 'test',
    ip: '',
    authorization: undefined,
    baseUrl: '',
  }).scope();
  return { ...s, now };
};

/** a 30 × 20 JPEG whose EXIF names its Artist ROUTE-SECRET */
const PHOTO_WITH_EXIF =
  '/9j/4QDWRXhpZgAASUkqAAgAAAAHABIBAwABAAAAAQAAABoBBQABAAAAYgAAABsBBQABAAAAagAAACgBAwABAAAAAgAAADsBAgANAAAAcgAAABMCAwABAAAAAQAAAGmHBAABAAAAgAAAAAAAAAA4YwAA6AMAADhjAADoAwAAUk9VVEUtU0VDUkVUAAAGAACQBwAEAAAAMDIxMAGRBwAEAAAAAQIDAACgBwAEAAAAMDEwMAGgAwABAAAA//8AAAKgBAABAAAAHgAAAAOgBAABAAAAFAAAAAAAAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAUAB4DASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFgEBAQEAAAAAAAAAAAAAAAAAAAQF/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AmgNBCAAAAAA//9k=';

const pathOf = (link: string) => {
  const u = new URL(link);
  return `${u.pathname}${u.search}`;
};

beforeAll(async () => {
  // files go to local disk under the data dir, as in a default deployment
  dataDir = await mkdtemp(join(tmpdir(), 'komisi-route-files-'));
  app = await startTestApp({ env: { KOMISI_DATA_DIR: dataDir } });
  tenant = (await app.services.tenants.bySlug('dtehm'))!;
  const account = await app.services.identity.createAccount(scope(), {
    email: `ktp.${randomBytes(4).toString('hex')}@example.com`,
    password: 'password123',
    name: 'KTP Owner',
    roles: ['member'],
  });
  ownerId = account.id;
  const image = Buffer.from(PHOTO_WITH_EXIF, 'base64');
  expect(image.includes('ROUTE-SECRET')).toBe(true);
  const file = await app.services.files.storeImage(scope(), {
    ownerAccountId: ownerId,
    purpose: 'ktp',
    upload: { bytes: image },
  });
  fileId = file.id;
  url = await app.services.files.signedUrl(
    scope(),
    fileId,
    { accountId: ownerId, isAdmin: false },
    {
      baseUrl: 'http://komisi.test/t/dtehm',
    },
  );
});

afterAll(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('GET /t/{tenant}/files/{id}', () => {
  it('serves the decrypted image to a valid link, never cached', async () => {
    const res = await app.app.request(pathOf(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-length')).toBe(String(body.length));
    expect(body.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(body.includes('ROUTE-SECRET')).toBe(false);
    expect(body).toEqual((await app.services.files.read(scope(), fileId))!.bytes);
    // on disk: sealed, under a server-made name
    const [stored] = await readdir(join(dataDir, 'files', String(tenant.id), 'ktp'));
    expect(stored).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('answers 403 to a tampered or expired link', async () => {
    const u = new URL(url);
    const variants = [
      url.replace(`/files/${fileId}?`, `/files/${fileId + 1}?`),
      url.replace(`v=${ownerId}`, `v=${ownerId + 1}`),
      url.replace(/exp=(\d+)/, (_, e: string) => `exp=${Number(e) + 60}`),
      url.replace(/sig=[^&]+/, `sig=${'A'.repeat(43)}`),
      url.replace(/&sig=[^&]+/, ''),
    ];
    for (const v of variants) {
      const res = await app.app.request(pathOf(v));
      expect(res.status, v).toBe(403);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
    }
    expect(u.searchParams.get('sig')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const expired = await app.services.files.signedUrl(
      scope(tenant, new Date(Date.now() - 6 * 60_000)),
      fileId,
      { accountId: ownerId, isAdmin: false },
      { baseUrl: 'http://komisi.test/t/dtehm' },
    );
    expect((await app.app.request(pathOf(expired))).status).toBe(403);
  });

  it('does not open a link under another tenant', async () => {
    const res = await app.app.request(pathOf(url).replace('/t/dtehm/', '/t/ansania/'));
    expect(res.status).toBe(403);
    expect((await app.app.request(pathOf(url).replace('/t/dtehm/', '/t/nope/'))).status).toBe(404);
  });

  it('refuses links to anyone but the owner or an admin when issuing them', async () => {
    await expect(
      app.services.files.signedUrl(
        scope(),
        fileId,
        { accountId: ownerId + 1000, isAdmin: false },
        { baseUrl: '' },
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers 404 once the file is deleted', async () => {
    await app.services.files.remove(scope(), fileId);
    expect((await app.app.request(pathOf(url))).status).toBe(404);
  });
});
