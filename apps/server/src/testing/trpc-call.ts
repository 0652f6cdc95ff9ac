import type { TestApp } from './test-app.ts';

// One tRPC call over HTTP, as the SDK sends it (superjson's `{ json }` wrapper, no batching), for tests
// that hold a REST answer and its tRPC twin side by side.

export interface TrpcAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  data: any;
  /** the error's `data` (domainCode, fields, httpStatus), or null on success */
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  error: any;
}

export async function trpcCall(
  app: TestApp,
  tenant: string,
  path: string,
  type: 'query' | 'mutation',
  input: unknown,
  token?: string,
): Promise<TrpcAnswer> {
  const wrapped = JSON.stringify({ json: input });
  const url =
    type === 'query'
      ? `/t/${tenant}/trpc/${path}?input=${encodeURIComponent(wrapped)}`
      : `/t/${tenant}/trpc/${path}`;
  const res = await app.request(type === 'query' ? 'GET' : 'POST', url, {
    ...(type === 'mutation' && { body: wrapped }),
    ...(token && { token }),
  });
  return {
    status: res.status,
    data: res.body?.result?.data?.json ?? null,
    error: res.body?.error?.json?.data ?? null,
  };
}
