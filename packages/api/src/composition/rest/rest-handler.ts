import type { AnyProcedure, AnyRouter } from '@trpc/server';
import { TrieRouter } from 'hono/router/trie-router';
import type { ApiContext } from '../../kernel/api-context.ts';
import { type ApiError, toApiError } from '../../kernel/error-map.ts';
import { bodyCaps, type FileOutput, type Meta } from '../../kernel/trpc.ts';
import type { AppProfile } from '../../profiles/index.ts';

/** What the adapter itself reads of a procedure's context (the tenant APIs' and the platform API's alike). */
export type RestContext = Pick<ApiContext, 'requestId' | 'log' | 'responseHeaders'>;

interface Route {
  path: string;
  procedure: AnyProcedure;
  meta: Meta;
}

/** A route found for a request, with its path parameters. */
export type RouteMatch = [Route, Record<string, string>];

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

function badBody(message: string): ApiError {
  return { status: 400, code: 'VALIDATION_ERROR', message, fields: { body: [message] }, details: undefined };
}

type Body = { ok: true; value: Record<string, unknown> } | { ok: false; error: ApiError };

/**
 * The body's bytes, or null when it passes `max`. Past the limit the rest is read and dropped, never
 * kept (stopping mid-stream would leave the sender writing into a closed stream).
 */
export async function readCapped(req: Request, max: number): Promise<Buffer | null> {
  // declared too large: refused before reading anything
  if (Number(req.headers.get('content-length') ?? 0) > max) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req.body ?? []) {
    size += chunk.byteLength;
    if (size <= max) chunks.push(chunk);
  }
  return size > max ? null : Buffer.concat(chunks);
}

/** A multipart body: text fields as they are, each file as a base64 string (see `Meta.uploads`). */
async function readMultipart(req: Request, cap: number): Promise<Body> {
  const bytes = await readCapped(req, cap);
  if (!bytes) {
    const perFile = (cap >> 20) - 1;
    return { ok: false, error: badBody(`The upload is too large (at most ${perFile} MB per file).`) };
  }
  let form: FormData;
  try {
    const type = req.headers.get('content-type') ?? '';
    form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }).formData();
  } catch {
    return { ok: false, error: badBody('The request body is not valid multipart/form-data.') };
  }
  const value: Record<string, unknown> = {};
  for (const [name, entry] of form.entries()) {
    value[name] =
      typeof entry === 'string' ? entry : Buffer.from(await entry.arrayBuffer()).toString('base64');
  }
  return { ok: true, value };
}

async function readBody(req: Request, meta: Meta): Promise<Body> {
  const caps = bodyCaps(meta);
  if ((req.headers.get('content-type') ?? '').includes('multipart/form-data')) {
    if (caps.multipart === 0) return { ok: false, error: badBody('This operation takes no files.') };
    return readMultipart(req, caps.multipart);
  }
  // uploads may also come as JSON with base64 files (a third larger)
  const max = caps.json;
  const bytes = await readCapped(req, max);
  if (!bytes)
    return { ok: false, error: badBody(`The request body is too large (at most ${max >> 20} MB).`) };
  const text = bytes.toString('utf8');
  if (!text.trim()) return { ok: true, value: {} };
  const type = req.headers.get('content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded')) {
    return { ok: true, value: Object.fromEntries(new URLSearchParams(text)) };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return { ok: true, value: parsed as Record<string, unknown> };
    }
    return { ok: false, error: badBody('The request body must be a JSON object.') };
  } catch {
    return { ok: false, error: badBody('The request body is not valid JSON.') };
  }
}

/**
 * Serves a profile's procedures at their documented REST paths. Built once per profile (the
 * stock trpc-to-openapi handler rebuilds its route map per request), it calls procedures
 * directly and renders results and errors in the profile's own envelope.
 */
export function createRestHandler<Ctx extends RestContext = ApiContext>(
  profile: Pick<AppProfile, 'router' | 'wire'>,
) {
  const routes = new TrieRouter<Route>();
  const procedures = (profile.router as AnyRouter)._def.procedures as Record<string, AnyProcedure>;
  for (const [path, procedure] of Object.entries(procedures)) {
    const meta = procedure._def.meta as Meta | undefined;
    if (!meta?.openapi || meta.openapi.enabled === false) continue;
    routes.add(meta.openapi.method, meta.openapi.path.replace(/\{(\w+)\}/g, ':$1'), {
      path,
      procedure,
      meta,
    });
  }
  const wire = profile.wire;

  function respond(status: number, body: unknown): Response {
    return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
  }

  /** The route serving this method and path with its path parameters, if any. */
  function find(method: string, subPath: string): RouteMatch | undefined {
    const m = method === 'HEAD' ? 'GET' : method;
    const [matches] = routes.match(m, subPath) as unknown as [RouteMatch[]];
    return matches[0];
  }

  function fail(error: ApiError, ctx: Pick<RestContext, 'requestId'>): Response {
    return respond(wire.status(error), wire.error(error, ctx.requestId));
  }

  return {
    /**
     * The route for this method and path (the dispatcher tries extra profiles when there is none):
     * its meta, and what `handle` takes so that it need not look the route up again.
     */
    find,
    /** `subPath` is the path below the profile's REST prefix, e.g. `/users/register`. */
    async handle(
      req: Request,
      subPath: string,
      ctx: Ctx,
      match: RouteMatch | undefined = find(req.method, subPath),
    ): Promise<Response> {
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      if (!match) {
        const error: ApiError = {
          status: 404,
          code: 'NOT_FOUND',
          message: `No route for ${req.method} ${subPath}`,
          fields: undefined,
          details: undefined,
        };
        return fail(error, ctx);
      }
      const [route, params] = match;
      let input: Record<string, unknown>;
      if (method === 'GET' || method === 'DELETE') {
        input = Object.fromEntries(new URL(req.url).searchParams);
      } else {
        const body = await readBody(req, route.meta);
        if (!body.ok) return fail(body.error, ctx);
        input = body.value;
      }
      Object.assign(input, params);
      try {
        // as tRPC calls a procedure: the raw input only through `getRawInput`. An `input` given
        // here would be merged under the parsed one, and a key the schema strips would survive.
        const data = await route.procedure({
          ctx,
          path: route.path,
          type: route.procedure._def.type,
          getRawInput: async () => input,
          signal: req.signal,
          batchIndex: 0,
        });
        const status = route.meta.successStatus ?? 200;
        if (route.meta.produces) {
          const file = data as FileOutput;
          const res = new Response(Buffer.from(file.base64, 'base64'), {
            status,
            headers: {
              'content-type': route.meta.produces,
              'content-disposition': `attachment; filename="${file.filename.replace(/["\\\r\n]/g, '')}"`,
            },
          });
          for (const [name, value] of ctx.responseHeaders) res.headers.append(name, value);
          return res;
        }
        // 204 carries no body, whatever the envelope (the spec's DELETE endpoints).
        const res =
          status === 204
            ? new Response(null, { status })
            : respond(status, wire.success(data, route.meta.message));
        for (const [name, value] of ctx.responseHeaders) res.headers.append(name, value);
        return res;
      } catch (e) {
        const error = toApiError(e);
        if (error.status >= 500)
          ctx.log.error({ err: e, requestId: ctx.requestId, path: subPath }, 'request failed');
        return fail(error, ctx);
      }
    },
  };
}

/** Whether a procedure declares files (`meta.uploads`). */
export function takesUploads(procedure: AnyProcedure | null): boolean {
  return ((procedure?._def.meta as Meta | undefined)?.uploads?.length ?? 0) > 0;
}

export type RestHandler<Ctx extends RestContext = ApiContext> = ReturnType<typeof createRestHandler<Ctx>>;
