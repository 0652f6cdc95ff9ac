import { describe, expect, it } from 'vitest';
import { healthRoutes } from './health.ts';

async function health(ping: () => Promise<unknown>) {
  const res = await healthRoutes(ping, 50).request('/health');
  return { status: res.status, body: await res.json(), cache: res.headers.get('cache-control') };
}

describe('GET /health', () => {
  it('is ok when the database answers', async () => {
    expect(await health(async () => [{ '?column?': 1 }])).toEqual({
      status: 200,
      body: { status: 'ok', database: 'ok' },
      cache: 'no-store',
    });
  });

  it('is 503 when the database refuses, or does not answer in time', async () => {
    const down = { status: 503, body: { status: 'error', database: 'unavailable' }, cache: 'no-store' };
    expect(await health(() => Promise.reject(new Error('connection refused')))).toEqual(down);
    expect(await health(() => new Promise(() => {}))).toEqual(down);
  });
});
