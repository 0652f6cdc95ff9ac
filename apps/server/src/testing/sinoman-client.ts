import sharp from 'sharp';
import { expect } from 'vitest';
import type { JsonResponse, TestApp } from './test-app.ts';

// Calls of the sinoman demo tenant's REST API as its document writes them, for the black-box tests.

export const SINOMAN_API = '/t/sinoman/api';

export function sinomanClient(app: TestApp) {
  const url = (path: string) => `${SINOMAN_API}${path}`;
  const withToken = (token?: string) => (token ? { token } : {});
  return {
    get: (path: string, token?: string) => app.request('GET', url(path), withToken(token)),
    post: (path: string, body: unknown, token?: string) =>
      app.request('POST', url(path), { body, ...withToken(token) }),
    put: (path: string, body: unknown, token?: string) =>
      app.request('PUT', url(path), { body, ...withToken(token) }),
    /** A multipart POST, as a browser's form would send it. */
    async multipart(
      path: string,
      fields: Record<string, string | Blob>,
      token: string,
    ): Promise<JsonResponse> {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      const res = await app.app.request(url(path), {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: res.status, headers: res.headers, body: await res.json() };
    },
    /** Fetches a signed file link as its holder would. */
    async file(link: string) {
      const at = new URL(link);
      const res = await app.app.request(at.pathname + at.search);
      return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
    },
    async login(
      identifier: string,
      password: string,
    ): Promise<{ token: string; refresh: string; body: JsonResponse['body'] }> {
      const res = await app.request('POST', url('/auth/login'), { body: { identifier, password } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return { token: res.body.data.access_token, refresh: res.body.data.refresh_token, body: res.body };
    },
  };
}

/** A solid image of this size as a Blob (JPEG unless `png`). */
export async function imageBlob(
  width: number,
  height: number,
  format: 'jpeg' | 'png' = 'jpeg',
): Promise<Blob> {
  const image = sharp({ create: { width, height, channels: 3, background: '#3a7' } });
  const bytes = format === 'png' ? await image.png().toBuffer() : await image.jpeg().toBuffer();
  return new Blob([new Uint8Array(bytes)]);
}

export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

let sequence = 0;

/**
 * A registration body in the document's shape (§2.2.1), unique per call: email, phone and NIK (NIKs
 * structurally valid, so the strict check passes too).
 */
export function application(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  const n = String(Date.now() % 10_000).padStart(4, '0') + String(sequence).padStart(3, '0');
  return {
    email: `member.${n}@example.com`,
    phone: `0857${n}1`,
    password: 'SecurePass123',
    full_name: `Anggota ${n}`,
    nik: `350201010190${String(sequence).padStart(4, '0')}`,
    date_of_birth: '1990-01-01',
    gender: 'male',
    address: 'Jl. Contoh No. 123, Ponorogo',
    village: 'Desa Contoh',
    district: 'Kecamatan Ponorogo',
    postal_code: '63411',
    occupation: 'Petani',
    ...overrides,
  };
}
