// Test fixtures for WhatsApp and OTP: a migrated database, the wired services (no HTTP) with Fonnte
// pointed at a fake, tenants with and without a WhatsApp device, accounts with phone numbers.
import { randomBytes } from 'node:crypto';
import { DomainError } from '@komisi/domain';
import pino from 'pino';
import { createOrm } from '../../composition/db/orm.ts';
import { createServices, type Services } from '../../composition/services.ts';
import { channelTransports } from '../../contexts/notifications/channel-transports.ts';
import {
  devMailbox,
  type MessageTransport,
  OutboxDispatcher,
  type OutgoingMessage,
} from '../../contexts/notifications/outbox-dispatcher.ts';
import { createFakeFonnte, type FakeFonnte } from '../../contexts/notifications/whatsapp/fonnte.fake.ts';
import { Tenant } from '../../contexts/tenancy/tenant.entity.ts';
import { type Orm, systemEm, tenantEm } from '../../kernel/database.ts';
import type { Scope } from '../../kernel/scope.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import { createTestDatabase, type TestDatabase } from '../test-database.ts';

export const FONNTE_URL = 'https://fonnte.test';
export const PASSWORD = 'Rahasia123!';

export interface WhatsappHarness {
  db: TestDatabase;
  orm: Orm;
  services: Services;
  fonnte: FakeFonnte;
  /** email messages the dispatcher handed over */
  emails: OutgoingMessage[];
  /** the outbox dispatcher as the server wires it: email and WhatsApp by channel */
  dispatcher: OutboxDispatcher;
  close(): Promise<void>;
}

/** `tokens`: the fake Fonnte devices' tokens (one per tenant that has WhatsApp). */
export async function startWhatsappHarness(
  tokens: string[] = ['token-a', 'token-b'],
): Promise<WhatsappHarness> {
  const db = await createTestDatabase();
  const orm = await createOrm({ databaseUrl: db.url, poolMax: 20 });
  const fonnte = createFakeFonnte({ tokens });
  const services = createServices(orm, {
    jwtSecret: 'test-secret-test-secret-test-secret-0123456789',
    accessTokenTtlSeconds: 3600,
    refreshTokenTtlSeconds: 86_400,
    publicBaseUrl: () => 'http://komisi.test',
    fonnteFetch: (input, init) => fonnte.fetch(new Request(input, init)),
  });
  const emails: OutgoingMessage[] = [];
  const email: MessageTransport = {
    name: 'recorder',
    send: async (m) => {
      emails.push(m);
      return devMailbox.send(m);
    },
  };
  const dispatcher = new OutboxDispatcher(
    orm,
    channelTransports({ email, whatsapp: services.whatsappTransport }),
    pino({ level: 'silent' }),
    { retryDelayMs: () => 0 },
  );
  return {
    db,
    orm,
    services,
    fonnte,
    emails,
    dispatcher,
    async close() {
      await orm.close();
      await db.drop();
    },
  };
}

/** A koperasi tenant; with `whatsapp` its Fonnte device (token, webhook key) is set through the platform's editor. */
export async function createTenant(
  h: WhatsappHarness,
  whatsapp?: { token: string; webhookKey?: string },
): Promise<TenantRecord> {
  const sys = systemEm(h.orm);
  const row = sys.create(Tenant, {
    slug: `kop-${randomBytes(3).toString('hex')}`,
    name: 'Koperasi Sinoman',
    profile: 'qutab-platform',
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    hosts: [],
    settings: {},
    createdAt: new Date(),
  });
  await sys.flush();
  await h.services.tenants.invalidate();
  const tenant = (await h.services.tenants.byId(row.id))!;
  if (!whatsapp) return tenant;
  return h.services.tenantSettings.patch(tenant, {
    whatsapp: { provider: 'fonnte', baseUrl: FONNTE_URL, ...whatsapp },
  });
}

/** A fresh request scope (own EntityManager) for the tenant at `now`. */
export function scopeOf(h: WhatsappHarness, tenant: TenantRecord, now = new Date()): Scope {
  return { em: tenantEm(h.orm, tenant.id), tenant, now };
}

/** An account with this phone (as written) and `PASSWORD`. */
export async function createAccount(h: WhatsappHarness, tenant: TenantRecord, phone: string | null) {
  const account = await h.services.identity.createAccount(scopeOf(h, tenant), {
    email: `member.${randomBytes(4).toString('hex')}@example.com`,
    password: PASSWORD,
    name: 'Anggota Koperasi',
    phone,
  });
  return account.id;
}

/** The DomainError a promise rejects with (fails the test when it resolves or throws anything else). */
export async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, but the call succeeded');
}

export interface OutboxRow {
  id: number;
  channel: string;
  recipient: string;
  body: string;
  status: string;
  last_error: string | null;
  provider_message_id: string | null;
  delivery_status: string | null;
}

/** The tenant's outbox, oldest first. */
export function outboxOf(h: WhatsappHarness, tenant: TenantRecord): Promise<OutboxRow[]> {
  return systemEm(h.orm).execute<OutboxRow[]>(
    `select id, channel, recipient, body, status, last_error, provider_message_id, delivery_status
     from notification_outbox where tenant_id = ? order by id`,
    [tenant.id],
  );
}

/** The code in the last WhatsApp message queued for a number (international form). */
export async function queuedCode(h: WhatsappHarness, tenant: TenantRecord, phone: string): Promise<string> {
  const rows = (await outboxOf(h, tenant)).filter((r) => r.channel === 'whatsapp' && r.recipient === phone);
  const code = rows.at(-1)?.body.match(/\b\d{6}\b/)?.[0];
  if (!code) throw new Error(`no code was queued for ${phone}`);
  return code;
}
