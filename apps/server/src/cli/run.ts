import { type Config, loadConfig } from '@komisi/api';
import { type CliCommand, parseCli, settingsPatch, USAGE, UsageError } from './args.ts';
import { openPlatformClient, PlatformCallError, type PlatformClient } from './platform-client.ts';

export interface CliIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
  /** replaces how the platform API is reached (tests) */
  open?: (config: Config) => Promise<PlatformClient>;
}

/** Exit codes: 0 done, 1 refused or failed, 2 the command line was wrong. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCli(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.kind === 'help') {
    io.out(USAGE);
    return 0;
  }
  let client: PlatformClient | undefined;
  try {
    const config = loadConfig(io.env);
    client = await (io.open ?? openPlatformClient)(config);
    await execute(client, command, io);
    return 0;
  } catch (e) {
    io.err(describe(e));
    return 1;
  } finally {
    await client?.close();
  }
}

function describe(e: unknown): string {
  if (!(e instanceof PlatformCallError)) return `Error: ${(e as Error).message}`;
  const lines = [`Error (${e.code}): ${e.message}`];
  for (const [field, messages] of Object.entries(e.fields ?? {})) {
    for (const message of messages) lines.push(`  ${field}: ${message}`);
  }
  return lines.join('\n');
}

type Json = Record<string, unknown>;
type Tenant = {
  slug: string;
  name: string;
  profile: string;
  currency: string;
  timeZone: string;
  hosts: string[];
};

async function execute(client: PlatformClient, command: Exclude<CliCommand, { kind: 'help' }>, io: CliIo) {
  const print = (value: unknown, text: () => string) =>
    io.out(command.json ? JSON.stringify(value, null, 2) : text());
  switch (command.kind) {
    case 'profiles': {
      const res = (await client.call('profiles')) as {
        profiles: { id: string; title: string; settingKeys: { key: string }[] }[];
      };
      return print(res, () =>
        res.profiles
          .map((p) => `${p.id}  ${p.title}\n  settings: ${p.settingKeys.map((k) => k.key).join(', ')}`)
          .join('\n'),
      );
    }
    case 'list': {
      const res = (await client.call('tenants')) as { tenants: Tenant[] };
      return print(res, () => table(res.tenants));
    }
    case 'show': {
      const res = (await client.call('tenant', { slug: command.slug })) as Tenant & { settings: Json };
      return print(
        res,
        () => `${describeTenant(res)}\nsettings:\n${indent(JSON.stringify(res.settings, null, 2))}`,
      );
    }
    case 'create': {
      const res = (await client.call('createTenant', { ...command.input })) as {
        tenant: Tenant;
        admin: { email: string; password: string };
        rootMemberId: string | null;
      };
      return print(res, () =>
        [
          `Created tenant ${res.tenant.slug} (${res.tenant.profile}): /t/${res.tenant.slug}/api`,
          describeTenant(res.tenant),
          `first admin: ${res.admin.email}`,
          `password:    ${res.admin.password}   (shown once: keep it now)`,
          ...(res.rootMemberId ? [`root member to name as sponsor: ${res.rootMemberId}`] : []),
        ].join('\n'),
      );
    }
    case 'update': {
      const res = (await client.call('updateTenant', {
        slug: command.slug,
        ...(command.name !== undefined && { name: command.name }),
        ...(command.hosts !== undefined && { hosts: command.hosts }),
      })) as Tenant;
      return print(res, () => describeTenant(res));
    }
    case 'settings': {
      let res = (await client.call('settings', { slug: command.slug })) as { settings: Json };
      if (command.edit) {
        const patch = settingsPatch(res.settings, command.edit);
        res = (await client.call('updateSettings', { slug: command.slug, settings: patch })) as {
          settings: Json;
        };
      }
      return print(res, () => JSON.stringify(res.settings, null, 2));
    }
  }
}

function describeTenant(t: Tenant): string {
  return [
    `slug:      ${t.slug}`,
    `name:      ${t.name}`,
    `profile:   ${t.profile}`,
    `currency:  ${t.currency}`,
    `time zone: ${t.timeZone}`,
    `hosts:     ${t.hosts.join(', ') || '(none)'}`,
  ].join('\n');
}

function table(tenants: Tenant[]): string {
  if (tenants.length === 0) return '(no tenants)';
  const rows = [['SLUG', 'PROFILE', 'CURRENCY', 'TIME ZONE', 'NAME', 'HOSTS']].concat(
    tenants.map((t) => [t.slug, t.profile, t.currency, t.timeZone, t.name, t.hosts.join(',')]),
  );
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const indent = (text: string) => text.replace(/^/gm, '  ');
