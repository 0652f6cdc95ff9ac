import { appendFileSync, writeFileSync } from 'node:fs';
import { createApiContext, createLogger } from '@komisi/api';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { activeMember, startTestApp, type TestApp, uniqueEmail } from '../testing/test-app.ts';
import { type EnvelopeCheck, ERROR_ENVELOPES, TRPC_ERROR } from './envelopes.ts';
import type { AuthMaterial, HttpCase } from './http-case.ts';
import {
  type OperationSpec,
  operationsOf,
  opName,
  PLATFORM,
  PROFILE_DOCS,
  plainOperations,
  type Role,
} from './operations.ts';
import { pinPlatformBaselines } from './platform-baselines.ts';
import { ENDS_SESSION, type ProcedureSpec, proceduresOf } from './procedures.ts';
import { restKinds } from './rest-cases.ts';
import type { Schema } from './schema-walk.ts';
import { foreignTokenCase, trpcCases } from './trpc-cases.ts';
import { abbreviate } from './wire-text.ts';

// Hostile input for every operation of every profile's OpenAPI document and of the platform API's,
// for a sample of calls of every tRPC procedure (the platform's too) and for the plain routes
// (gateway callbacks, sandbox page, file links, referral links): wrong types, missing fields, NUL
// bytes, lone surrogates, huge strings and numbers, 5,000-deep nesting, foreign content types, path
// traversal, forged tokens — anonymous and with a valid token of the operation's role (a platform
// administrator's on the platform API). Nothing may answer 5xx, every 4xx must be in the profile's
// own error envelope, and the platform API refuses every forged token (a tenant's among them) with a
// 401. All findings are collected and reported together.
//
// `pnpm test` sends a fixed sample (seed below, one case per kind of attack per operation and mode);
// `pnpm fuzz` sends KOMISI_FUZZ_RUNS times as many with a fresh seed (KOMISI_FUZZ_SEED repeats a run).
// KOMISI_HOSTILE_REPORT=<file> writes every finding as JSON; KOMISI_HOSTILE_TRACE=<file> every request and answer, a line each.

const FUZZING = process.env.KOMISI_FUZZ_RUNS !== undefined;
const RUNS = Math.max(1, Number(process.env.KOMISI_FUZZ_RUNS ?? 1) || 1);
const SEED = Number(process.env.KOMISI_FUZZ_SEED ?? (FUZZING ? Date.now() % 2 ** 31 : 20260517));
const TEST_TIMEOUT = 240_000 * RUNS;
/** A request still unanswered after this is a finding too (a hang is a denial of service). */
const REQUEST_TIMEOUT_MS = 20_000;
/** Signed-in ansania callers have 1,000 requests per 15 minutes; past this many, a twin app without budgets answers. */
const TOKEN_BUDGET = 900;
/** Signed-in koperasi callers may send 10 uploads an hour; past this many, the twin app answers them. */
const UPLOAD_BUDGET = 9;
/** the test app's platform administrator (created at startup from these) */
const PLATFORM_ADMIN = { email: 'platform@hostile.test', password: 'hostile-platform-password' };
/** the tenant the platform API's `{slug}` operations change (the demo tenants stay as later cases expect them) */
const SCRATCH_TENANT = 'hostile-scratch';

interface Finding {
  surface: 'rest' | 'trpc' | 'plain';
  target: string;
  kind: string;
  mode: string;
  method: string;
  url: string;
  contentType: string | undefined;
  authorization: string | undefined;
  body: string | undefined;
  status: number;
  response: string;
  problem: string;
}

let app: TestApp;
/** the same services without rate limits, for signed-in callers past their budget (fuzz runs) */
let unlimited: ReturnType<typeof createApp>;
const documented = new Map<string, OperationSpec[]>();
let member: { email: string };
const sent = { rest: 0, trpc: 0, plain: 0 };
const statuses = new Map<number, number>();
const allFindings: Finding[] = [];
/** requests per signed-in account (budgets are per account, whichever of its sessions signs) */
const spent = new Map<string, number>();
/** requests to operations that take files, per signed-in account (their own, smaller budget) */
const uploadsSpent = new Map<string, number>();
/** the account a minted token signs in, as `tenant:accountId` */
const accountOfToken = new Map<string, string>();
let forwardedFor = 0;
const startedAt = Date.now();

beforeAll(async () => {
  app = await startTestApp({
    env: {
      KOMISI_TRUST_PROXY: 'true',
      KOMISI_PLATFORM_ADMIN_EMAIL: PLATFORM_ADMIN.email,
      KOMISI_PLATFORM_ADMIN_PASSWORD: PLATFORM_ADMIN.password,
    },
  });
  unlimited = createApp({ services: app.services, log: createLogger('silent'), trustProxy: true });
  await app.services.tenantProvisioning.create({
    profile: 'ansania-ecommerce',
    slug: SCRATCH_TENANT,
    name: 'Hostile scratch',
    admin: { email: 'owner@hostile-scratch.example' },
  });
  for (const entry of PROFILE_DOCS) {
    const res = await app.request('GET', entry.url);
    expect(res.status, entry.url).toBe(200);
    const ops = operationsOf(res.body as Schema, entry);
    documented.set(
      entry.profile,
      entry.profile === PLATFORM ? pinPlatformBaselines(ops, SCRATCH_TENANT) : ops,
    );
  }
  const email = uniqueEmail('hostile');
  await activeMember(app, { email });
  member = { email };
  await resolveAccounts();
}, 120_000);

afterAll(async () => {
  const total = sent.rest + sent.trpc + sent.plain;
  const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  const byStatus = [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, c]) => `${s}×${c}`)
    .join(' ');
  console.log(
    `hostile inputs: ${total} requests (REST ${sent.rest}, tRPC ${sent.trpc}, plain routes ${sent.plain}), ` +
      `${fivexx} × 5xx, ${allFindings.length} findings; seed ${SEED}, ${RUNS} run(s) per kind, ` +
      `${((Date.now() - startedAt) / 1000).toFixed(1)} s; statuses ${byStatus}`,
  );
  if (process.env.KOMISI_HOSTILE_REPORT) {
    writeFileSync(
      process.env.KOMISI_HOSTILE_REPORT,
      JSON.stringify({ seed: SEED, runs: RUNS, sent, findings: allFindings }, null, 2),
    );
  }
  await app?.close();
});

// ---------------------------------------------------------------------------------------------
// Tokens

/** Demo accounts per tenant and role (dtehm's member is registered by the suite; it has no affiliates). */
const ACCOUNTS: Record<string, Partial<Record<Role, string>>> = {
  dtehm: { admin: 'admin@dtehm.demo' },
  ansania: { user: 'test@example.com', admin: 'admin@ansania.demo', affiliate: 'darmawan@ansania.demo' },
  qutab: { user: 'customer@qutab.demo', admin: 'admin@qutab.demo', affiliate: 'darmawan@qutab.demo' },
  sinoman: { user: 'anggota@sinoman.demo', admin: 'admin@sinoman.demo' },
};

type Tokens = Record<string, Partial<Record<Role, string>>>;

/** Each tenant's accounts per role, by id: the suite's own admin calls may rename or re-mail them. */
const accountIds = new Map<string, number>();

async function scopeOf(slug: string) {
  const tenant = await app.services.tenants.bySlug(slug);
  if (!tenant) throw new Error(`no tenant ${slug}`);
  return createApiContext(app.orm, app.services, createLogger('silent'), {
    tenant,
    requestId: 'hostile-suite',
    ip: '',
    authorization: undefined,
    baseUrl: '',
  }).scope();
}

async function accountRows(slug: string, where: string, value: unknown) {
  const scope = await scopeOf(slug);
  return (await scope.em
    .getConnection()
    .execute(`select id, roles from account where tenant_id = ? and ${where} = ?`, [
      scope.tenant.id,
      value,
    ])) as { id: number; roles: string[] }[];
}

async function resolveAccounts() {
  for (const [slug, accounts] of Object.entries(ACCOUNTS)) {
    for (const role of ['user', 'admin', 'affiliate'] as const) {
      const email = slug === 'dtehm' && role !== 'admin' ? member.email : (accounts[role] ?? accounts.user!);
      const [row] = await accountRows(slug, 'email', email);
      if (!row) throw new Error(`no account ${email} on ${slug}`);
      accountIds.set(`${slug} ${role}`, row.id);
    }
  }
}

/** A fresh session (the suite's own calls may have ended earlier ones) for the account of a role. */
async function mint(slug: string, role: Role): Promise<string> {
  if (slug === PLATFORM) {
    const { token } = await app.services.platformAdmins.login(
      PLATFORM_ADMIN.email,
      PLATFORM_ADMIN.password,
      new Date(),
    );
    return token;
  }
  const [row] = await accountRows(slug, 'id', accountIds.get(`${slug} ${role}`));
  if (!row) throw new Error(`no ${role} account on ${slug}`);
  const scope = await scopeOf(slug);
  const { accessToken } = await app.services.identity.issueTokens(scope, {
    id: row.id,
    roles: row.roles as never,
  });
  accountOfToken.set(accessToken, `${slug}:${row.id}`);
  return accessToken;
}

let minted: { at: number; tokens: Tokens } | undefined;

/** Every role's token on every tenant, minted again every five minutes (access tokens live 15). */
async function tokens(): Promise<Tokens> {
  if (minted && Date.now() - minted.at < 5 * 60_000) return minted.tokens;
  const out: Tokens = {};
  for (const slug of Object.keys(ACCOUNTS)) {
    out[slug] = {
      user: await mint(slug, 'user'),
      admin: await mint(slug, 'admin'),
      affiliate: await mint(slug, 'affiliate'),
    };
  }
  out[PLATFORM] = { 'platform-admin': await mint(PLATFORM, 'platform-admin') };
  minted = { at: Date.now(), tokens: out };
  return out;
}

const FOREIGN: Record<string, string> = {
  dtehm: 'qutab',
  ansania: 'dtehm',
  qutab: 'ansania',
  sinoman: 'qutab',
};

/** The role's token, and a valid token from elsewhere: another tenant's, or a tenant administrator's on the platform API. */
function authFor(all: Tokens, tenant: string, role: Role): AuthMaterial {
  const foreign = tenant === PLATFORM ? all.ansania!.admin : all[FOREIGN[tenant] ?? 'dtehm']!.user;
  return { valid: all[tenant]?.[role], foreign: foreign! };
}

// ---------------------------------------------------------------------------------------------
// Sending and judging

/** FNV-1a: a stable seed per operation, kind and mode, so adding operations leaves the others' cases alone. */
function seedFor(text: string): number {
  let h = 0x811c9dc5 ^ SEED;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

interface Answer {
  status: number;
  text: string;
  contentType: string;
}

async function send(c: HttpCase, token: string | undefined, uploads: boolean): Promise<Answer> {
  const headers = new Headers(c.headers);
  const authorization = c.authorization ?? (token ? `Bearer ${token}` : undefined);
  if (authorization !== undefined) headers.set('authorization', authorization);
  // every request its own client address: the anonymous budget (100 per 15 minutes on ansania) stays unspent
  const n = ++forwardedFor;
  if (!headers.has('x-forwarded-for'))
    headers.set('x-forwarded-for', `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`);
  let target = app.app;
  const account = token && c.authorization === undefined ? accountOfToken.get(token) : undefined;
  if (account) {
    const used = (spent.get(account) ?? 0) + 1;
    spent.set(account, used);
    if (used > TOKEN_BUDGET) target = unlimited;
    if (uploads) {
      const files = (uploadsSpent.get(account) ?? 0) + 1;
      uploadsSpent.set(account, files);
      if (files > UPLOAD_BUDGET) target = unlimited;
    }
  }
  const init: RequestInit = { method: c.method, headers, ...(c.body && { body: c.body() }) };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Answer>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: 0, text: `no answer within ${REQUEST_TIMEOUT_MS} ms`, contentType: '' }),
      REQUEST_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      (async () => {
        const res = await target.request(c.url, init);
        return {
          status: res.status,
          text: await res.text(),
          contentType: res.headers.get('content-type') ?? '',
        };
      })(),
      timeout,
    ]);
  } catch (e) {
    return { status: -1, text: `the request threw: ${(e as Error).stack ?? e}`, contentType: '' };
  } finally {
    clearTimeout(timer);
  }
}

/** What is wrong with an answer, or null. */
function judge(
  c: HttpCase,
  answer: Answer,
  check: EnvelopeCheck | null,
  fallback: EnvelopeCheck | null,
  expected: number | undefined,
): string | null {
  const { status } = answer;
  if (status === 0) return 'timeout';
  if (status < 0) return 'threw';
  if (status >= 500) return `${status}`;
  if (expected !== undefined && status !== expected) return `${status}, expected ${expected}`;
  // a HEAD answer has no body to hold an envelope
  if (status < 400 || !check || c.method === 'HEAD') return null;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return 'envelope: not JSON';
  }
  const problem = check(status, body);
  if (problem === null) return null;
  if (fallback && fallback(status, body) === null) return null;
  return `envelope: ${problem}`;
}

interface Target {
  surface: Finding['surface'];
  name: string;
  /** the envelope of a 4xx, when the answer must have one */
  envelope: (c: HttpCase, status: number) => { check: EnvelopeCheck | null; fallback: EnvelopeCheck | null };
  /** the one status a case must get, where there is one */
  expected?: (c: HttpCase) => number | undefined;
  /** what a refused call must leave as it was */
  state?: () => Promise<string>;
  /** the operation takes files (its calls spend the upload budget) */
  uploads?: boolean;
}

async function attack(
  target: Target,
  c: HttpCase,
  mode: string,
  token: string | undefined,
  found: Finding[],
) {
  const before = await target.state?.();
  const answer = await send(c, token, target.uploads === true);
  sent[target.surface]++;
  statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
  if (process.env.KOMISI_HOSTILE_TRACE) {
    const line = { target: target.name, kind: c.kind, mode, method: c.method, url: abbreviate(c.url, 200) };
    appendFileSync(
      process.env.KOMISI_HOSTILE_TRACE,
      `${JSON.stringify({ ...line, status: answer.status, response: abbreviate(answer.text, 200) })}\n`,
    );
  }
  const { check, fallback } = target.envelope(c, answer.status);
  let problem = judge(c, answer, check, fallback, target.expected?.(c));
  if (problem === null && before !== undefined && answer.status >= 400 && (await target.state!()) !== before)
    problem = `${answer.status}, yet the tenants changed`;
  if (problem === null) return;
  const finding: Finding = {
    surface: target.surface,
    target: target.name,
    kind: c.kind,
    mode,
    method: c.method,
    url: c.url,
    contentType: c.headers['content-type'],
    authorization: c.authorization === undefined ? undefined : abbreviate(c.authorization, 120),
    body: c.shownBody,
    status: answer.status,
    response: answer.text,
    problem,
  };
  found.push(finding);
  allFindings.push(finding);
}

/** The envelope a documented operation's 4xx must have; none once a raw `..` has left the profile's REST prefix. */
function restEnvelope(op: OperationSpec): Target['envelope'] {
  // everything under /platform/ answers in the platform API's envelope
  const prefix = op.tenant === PLATFORM ? '/platform/' : `/t/${op.tenant}/api/`;
  return (c) => {
    const path = new URL(c.url, 'http://komisi.test').pathname;
    if (!op.envelope || !path.startsWith(prefix)) return { check: null, fallback: null };
    return {
      check: ERROR_ENVELOPES[op.envelope]!,
      // an extra profile answers only the paths it has: any other is the tenant's main profile's 404
      fallback: op.profile === 'affiliate-marketer' ? ERROR_ENVELOPES['ansania-ecommerce']! : null,
    };
  };
}

/** The tenants as the platform API changes them: a refused call of it must leave them as they were. */
async function tenantRows(): Promise<string> {
  const rows = await app.orm.em
    .getConnection()
    .execute('select slug, name, profile, currency, time_zone, hosts, settings from tenant order by id');
  return JSON.stringify(rows);
}

/**
 * On the platform API every forged token (a tenant administrator's, one signed with `alg: none`,
 * a truncated signature, …) is a 401: no tenant's role or token opens it.
 */
function refusedOnPlatform(tenant: string): Target['expected'] {
  if (tenant !== PLATFORM) return undefined;
  return (c) => (c.kind.startsWith('auth') ? 401 : undefined);
}

async function attackOperation(op: OperationSpec, all: Tokens, found: Finding[]) {
  const auth = authFor(all, op.tenant, op.role);
  const target: Target = {
    surface: op.surface,
    name: opName(op),
    envelope: restEnvelope(op),
    expected: refusedOnPlatform(op.tenant),
    uploads: op.uploads.length > 0,
    ...(op.tenant === PLATFORM && op.method !== 'GET' && { state: tenantRows }),
  };
  // a call that ends its session must not end the session the next case signs in with
  const endsSession = /logout/.test(op.template);
  for (const mode of ['anonymous', op.role] as const) {
    for (const [kind, arb] of restKinds(op, auth)) {
      const cases = fc.sample(arb, { seed: seedFor(`${target.name} ${kind} ${mode}`), numRuns: RUNS });
      for (const c of cases) {
        const token =
          mode === 'anonymous' ? undefined : endsSession ? await mint(op.tenant, op.role) : auth.valid;
        await attack(target, c, mode, token, found);
      }
    }
  }
}

async function attackProcedure(p: ProcedureSpec, all: Tokens, found: Finding[]) {
  const auth = authFor(all, p.tenant, p.role);
  const name = `tRPC ${p.tenant} ${p.path} (${p.type})`;
  const target: Target = {
    surface: 'trpc',
    name,
    envelope: () => ({ check: TRPC_ERROR, fallback: null }),
    expected: refusedOnPlatform(p.tenant),
    uploads: p.uploads,
    ...(p.tenant === PLATFORM && p.type === 'mutation' && { state: tenantRows }),
  };
  const endsSession = ENDS_SESSION.test(p.path);
  for (const mode of ['anonymous', p.role] as const) {
    const cases = fc.sample(trpcCases(p, auth), { seed: seedFor(`${name} ${mode}`), numRuns: 3 * RUNS });
    if (p.secured)
      cases.push(
        ...fc.sample(foreignTokenCase(p, auth), { seed: seedFor(`${name} ${mode} foreign`), numRuns: RUNS }),
      );
    for (const c of cases) {
      const token =
        mode === 'anonymous' ? undefined : endsSession ? await mint(p.tenant, p.role) : auth.valid;
      await attack(target, c, mode, token, found);
    }
  }
}

/**
 * What a finding is probably about: a tRPC transport or envelope misuse is the same whatever the
 * procedure; anything else is about the operation and the kind of attack (and its field).
 */
function signature(f: Finding): string {
  if (f.surface === 'trpc' && /^(transport|envelope|headers)/.test(f.kind))
    return `tRPC ${f.kind.replace(/\s*#\d+/, '')}`;
  return `${f.target} ${f.kind}`;
}

/** One entry per distinct (problem, signature), with how many requests and targets showed it and one full example. */
function report(found: Finding[]): string[] {
  const groups = new Map<string, Finding[]>();
  for (const f of found) {
    const key = `${f.problem} — ${signature(f)}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups].map(([key, list]) => {
    const e = list[0]!;
    const targets = [...new Set(list.map((f) => f.target))];
    return [
      `${key} (${list.length}×${targets.length > 1 ? `; ${targets.length} targets: ${targets.slice(0, 4).join(', ')}${targets.length > 4 ? ', …' : ''}` : ''})`,
      `  e.g. [${e.mode}${e.authorization ? `, Authorization: ${e.authorization}` : ''}] ${e.method} ${abbreviate(e.url, 300)}`,
      ...(e.contentType ? [`  content-type: ${e.contentType}`] : []),
      ...(e.body !== undefined ? [`  body: ${abbreviate(e.body, 400)}`] : []),
      `  → ${e.status} ${abbreviate(e.response, 400)}`,
    ].join('\n');
  });
}

function expectNoFindings(found: Finding[]) {
  const lines = report(found);
  expect(found.length, `${found.length} findings:\n${lines.join('\n')}`).toBe(0);
}

// ---------------------------------------------------------------------------------------------

describe('hostile input', () => {
  // each test signs in afresh: an earlier test's admin calls may have ended or changed sessions
  beforeEach(() => {
    minted = undefined;
  });

  for (const entry of PROFILE_DOCS) {
    it(
      `${entry.profile}: every operation of its OpenAPI document answers hostile input below 500, in its envelope`,
      async () => {
        const ops = documented.get(entry.profile)!;
        expect(ops.length).toBeGreaterThan(0);
        const found: Finding[] = [];
        for (const op of ops) await attackOperation(op, await tokens(), found);
        expectNoFindings(found);
      },
      TEST_TIMEOUT,
    );
  }

  it(
    'tRPC: a sample of hostile calls of every procedure answers below 500 in the tRPC error shape',
    async () => {
      const procedures = proceduresOf([...documented.values()].flat());
      expect(procedures.length).toBeGreaterThan(100);
      const found: Finding[] = [];
      for (const p of procedures) await attackProcedure(p, await tokens(), found);
      expectNoFindings(found);
    },
    TEST_TIMEOUT,
  );

  it(
    'plain routes (Pesapal IPN, sandbox payment page, file links) answer hostile input below 500, callbacks in the envelope',
    async () => {
      const found: Finding[] = [];
      for (const op of plainOperations()) await attackOperation(op, await tokens(), found);
      expectNoFindings(found);
    },
    TEST_TIMEOUT,
  );
});
