import { initTRPC } from '@trpc/server';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Meta } from '../../kernel/trpc.ts';
import { koperasiStyle } from '../../kernel/wire/koperasi-style.ts';
import { createRestHandler, type RestContext } from './rest-handler.ts';

const t = initTRPC.context<RestContext>().meta<Meta>().create();
const echo = t.procedure
  .meta({ openapi: { method: 'POST', path: '/things/{id}' } })
  .input(z.object({ id: z.coerce.number().int(), name: z.string().trim() }))
  .mutation(({ input }) => input);
const rest = createRestHandler<RestContext>({ router: t.router({ echo }), wire: koperasiStyle });
const ctx = (): RestContext => ({
  requestId: 'req_test',
  log: pino({ level: 'silent' }),
  responseHeaders: new Headers(),
});

describe('the REST handler', () => {
  it('hands a procedure its parsed input only, as tRPC does: keys the schema does not name are dropped', async () => {
    const res = await rest.handle(
      new Request('http://komisi.test/things/7', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: '  Lemari  ', role: 'admin', __proto__: { admin: true } }),
      }),
      '/things/7',
      ctx(),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Record<string, unknown> };
    expect(body.data).toEqual({ id: 7, name: 'Lemari' });
  });

  it('finds a route once and answers 404 for a path it does not serve', async () => {
    expect(rest.find('POST', '/things/7')?.[1]).toEqual({ id: '7' });
    expect(rest.find('GET', '/things/7')).toBeUndefined();
    const res = await rest.handle(
      new Request('http://komisi.test/nothing', { method: 'GET' }),
      '/nothing',
      ctx(),
    );
    expect(res.status).toBe(404);
  });
});
