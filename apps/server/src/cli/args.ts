import { parseArgs } from 'node:util';

export const USAGE = `Usage: pnpm komisi <command> [options]

  profiles list                           the app profiles and the settings each reads
  tenants list                            every tenant
  tenants show <slug>                     a tenant with its settings (secrets masked)
  tenants create --profile <id> --slug <slug> --name <name> --admin-email <email>
                 [--admin-name <name>] [--currency IDR|UGX|USD] [--time-zone <IANA zone>]
                 [--host <host name>]... [--root-member-email <email>]
                                          prints the first admin's generated password (shown once)
  tenants update <slug> [--name <name>] [--host <host name>]... [--no-hosts]
  tenants settings <slug>                 prints the settings
  tenants settings <slug> [--set <key.path>=<value>]... [--unset <key[.path]>]... [--patch '<json>']
                                          changes them (values are JSON where they parse, text otherwise)

Options: --json (machine-readable output), --help
Reads the server's configuration (DATABASE_URL, KOMISI_DATA_DIR, KOMISI_JWT_SECRET, KOMISI_FILE_KEY, ...).
On the embedded database it talks to the running server when one holds the data dir.`;

/** What the command line asked for, checked; a usage error carries the sentence to print. */
export type CliCommand =
  | { kind: 'help' }
  | { kind: 'profiles'; json: boolean }
  | { kind: 'list'; json: boolean }
  | { kind: 'show'; slug: string; json: boolean }
  | { kind: 'create'; input: CreateInput; json: boolean }
  | { kind: 'update'; slug: string; name: string | undefined; hosts: string[] | undefined; json: boolean }
  | { kind: 'settings'; slug: string; edit: SettingsEdit | null; json: boolean };

export interface CreateInput {
  profile: string;
  slug: string;
  name: string;
  currency?: string;
  timeZone?: string;
  hosts?: string[];
  admin: { email: string; name?: string };
  rootMember?: { email: string };
}

/** `--set a.b=1` as `{ path: ['a', 'b'], value: 1 }`; `--unset a.b` as `{ path: ['a', 'b'] }` without a value. */
export interface SettingsEdit {
  sets: { path: string[]; value: unknown }[];
  unsets: string[][];
  patch: Record<string, unknown> | undefined;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  profile: { type: 'string' },
  slug: { type: 'string' },
  name: { type: 'string' },
  currency: { type: 'string' },
  'time-zone': { type: 'string' },
  host: { type: 'string', multiple: true },
  'no-hosts': { type: 'boolean' },
  'admin-email': { type: 'string' },
  'admin-name': { type: 'string' },
  'root-member-email': { type: 'string' },
  set: { type: 'string', multiple: true },
  unset: { type: 'string', multiple: true },
  patch: { type: 'string' },
} as const;

/** Which options each command takes: any other is a usage error, not silently ignored. */
const ALLOWED: Record<string, readonly string[]> = {
  'profiles list': [],
  'tenants list': [],
  'tenants show': [],
  'tenants create': [
    'profile',
    'slug',
    'name',
    'currency',
    'time-zone',
    'host',
    'admin-email',
    'admin-name',
    'root-member-email',
  ],
  'tenants update': ['name', 'host', 'no-hosts'],
  'tenants settings': ['set', 'unset', 'patch'],
};

export function parseCli(argv: readonly string[]): CliCommand {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) return { kind: 'help' };
  const [group, action, ...rest] = positionals;
  const command = `${group} ${action ?? ''}`.trim();
  const allowed = ALLOWED[command];
  if (!allowed) throw new UsageError(`Unknown command "${positionals.join(' ')}".`);
  const given = Object.keys(values).filter((k) => k !== 'json' && k !== 'help');
  const stray = given.find((k) => !allowed.includes(k));
  if (stray) throw new UsageError(`"${command}" takes no --${stray}.`);
  const json = values.json === true;
  const needsSlug = ['tenants show', 'tenants update', 'tenants settings'].includes(command);
  if (needsSlug && rest.length !== 1) throw new UsageError(`"${command}" takes one tenant slug.`);
  if (!needsSlug && rest.length > 0) throw new UsageError(`Unexpected "${rest.join(' ')}".`);
  const slug = rest[0] ?? '';

  switch (command) {
    case 'profiles list':
      return { kind: 'profiles', json };
    case 'tenants list':
      return { kind: 'list', json };
    case 'tenants show':
      return { kind: 'show', slug, json };
    case 'tenants create':
      return { kind: 'create', input: createInput(values), json };
    case 'tenants update': {
      if (values.host && values['no-hosts']) throw new UsageError('Give --host or --no-hosts, not both.');
      const hosts = values['no-hosts'] ? [] : values.host;
      if (values.name === undefined && hosts === undefined)
        throw new UsageError('Nothing to change: give --name or --host.');
      return { kind: 'update', slug, name: values.name, hosts, json };
    }
    default: {
      const edit =
        values.set || values.unset || values.patch !== undefined
          ? {
              sets: (values.set ?? []).map(parseSet),
              unsets: (values.unset ?? []).map(parsePath),
              patch: parsePatch(values.patch),
            }
          : null;
      return { kind: 'settings', slug, edit, json };
    }
  }
}

function createInput(values: Record<string, string | string[] | boolean | undefined>): CreateInput {
  const required = ['profile', 'slug', 'name', 'admin-email'].filter((k) => typeof values[k] !== 'string');
  if (required.length > 0)
    throw new UsageError(`"tenants create" needs ${required.map((k) => `--${k}`).join(', ')}.`);
  const text = (k: string) => values[k] as string | undefined;
  return {
    profile: text('profile')!,
    slug: text('slug')!,
    name: text('name')!,
    ...(text('currency') && { currency: text('currency')!.toUpperCase() }),
    ...(text('time-zone') && { timeZone: text('time-zone')! }),
    ...(values.host && { hosts: values.host as string[] }),
    admin: { email: text('admin-email')!, ...(text('admin-name') && { name: text('admin-name')! }) },
    ...(text('root-member-email') && { rootMember: { email: text('root-member-email')! } }),
  };
}

function parsePath(raw: string): string[] {
  const path = raw.split('.');
  if (path.some((part) => part.trim() === ''))
    throw new UsageError(`"${raw}" is not a settings path like referralAffiliates.holdDays.`);
  return path;
}

/** `key.path=value`: the value as JSON when it parses (`0`, `true`, `["a"]`, `null`), else as text. */
export function parseSet(raw: string): { path: string[]; value: unknown } {
  const at = raw.indexOf('=');
  if (at <= 0) throw new UsageError(`--set takes key.path=value, got "${raw}".`);
  const text = raw.slice(at + 1);
  let value: unknown = text;
  try {
    value = JSON.parse(text);
  } catch {
    // plain text
  }
  return { path: parsePath(raw.slice(0, at)), value };
}

function parsePatch(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new UsageError('--patch takes a JSON object, e.g. \'{"orderPaymentTtlMinutes":60}\'.');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new UsageError('--patch takes a JSON object of settings keys.');
  return value as Record<string, unknown>;
}

/**
 * The settings patch an edit makes from the current (masked) settings: each touched top-level key is
 * sent whole, the current value with the paths set or removed (a masked secret sent back is kept);
 * a removed top-level key is sent as null.
 */
export function settingsPatch(current: Record<string, unknown>, edit: SettingsEdit): Record<string, unknown> {
  const patch: Record<string, unknown> = { ...edit.patch };
  const working = (key: string): Record<string, unknown> => {
    if (!(key in patch) || patch[key] === null || typeof patch[key] !== 'object') {
      patch[key] = structuredClone(current[key] ?? {});
    }
    return patch as Record<string, unknown>;
  };
  for (const path of edit.unsets) {
    const [key, ...rest] = path as [string, ...string[]];
    if (rest.length === 0) {
      patch[key] = null;
      continue;
    }
    const parent = walk(working(key), [key, ...rest.slice(0, -1)], false);
    if (parent) delete parent[rest[rest.length - 1]!];
  }
  for (const { path, value } of edit.sets) {
    const [key, ...rest] = path as [string, ...string[]];
    if (rest.length === 0) {
      patch[key] = value;
      continue;
    }
    walk(working(key), [key, ...rest.slice(0, -1)], true)![rest[rest.length - 1]!] = value;
  }
  return patch;
}

function walk(
  root: Record<string, unknown>,
  path: string[],
  create: boolean,
): Record<string, unknown> | undefined {
  let node = root;
  for (const part of path) {
    const next = node[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      if (!create) return undefined;
      node[part] = {};
    }
    node = node[part] as Record<string, unknown>;
  }
  return node;
}
