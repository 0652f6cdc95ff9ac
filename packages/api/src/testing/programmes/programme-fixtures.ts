// Test data for the programme int tests: a database, the wired services, a cooperative tenant,
// members, Fit Challenge batches (the document's Batch 3 calendar) and paying through the sandbox.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { createOrm } from '../../composition/db/orm.ts';
import { createServices, type Services } from '../../composition/services.ts';
import type { NewBatch } from '../../contexts/programmes/programme-batches.service.ts';
import type { RegistrationInput } from '../../contexts/programmes/programme-registrations.service.ts';
import { Tenant } from '../../contexts/tenancy/tenant.entity.ts';
import { toTenantRecord } from '../../contexts/tenancy/tenant.service.ts';
import { type Orm, systemEm, tenantEm } from '../../kernel/database.ts';
import type { Scope } from '../../kernel/scope.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import { createTestDatabase, type TestDatabase } from '../test-database.ts';

/** Jakarta wall-clock noon of a day, as an instant. */
export const at = (day: string, time = '12:00:00') => new Date(`${day}T${time}+07:00`);

/** The document's Batch 3 (8 weeks from 2024-10-15), as an administrator creates it on 2024-09-15. */
export const BATCH_3: NewBatch = {
  name: 'Fit Challenge Batch 3',
  description: '8-week fitness transformation program',
  startDate: '2024-10-15',
  endDate: '2024-12-10',
  registrationStartDate: '2024-09-20',
  registrationEndDate: '2024-10-10',
  maxParticipants: 100,
  waitlistLimit: null,
  programFee: 600_000,
  earlyBirdFee: 500_000,
  earlyBirdDeadline: '2024-10-01',
  venueName: 'Sinoman Fitness Center',
  venueAddress: 'Jl. Sudirman No. 123, Ponorogo',
  trainerNames: ['Budi Santoso', 'Sari Wijaya'],
  status: 'open',
};

/** The document's registration (75.5 kg, 170 cm, aiming for 70 kg), in hundredths. */
export const registrationFor = (batchId: string): RegistrationInput => ({
  batchId,
  initialWeight: 7550,
  initialHeight: 17000,
  targetWeight: 7000,
  personalGoals: 'Lose weight and build muscle',
  medicalConditions: 'None',
  emergencyContactName: 'Jane Doe',
  emergencyContactPhone: '081234567891',
});

export interface ProgrammeFixture {
  db: TestDatabase;
  orm: Orm;
  services: Services;
  tenant: TenantRecord;
  scope(now: Date): Scope;
  member(): Promise<number>;
  /** a batch created on 2024-09-15 (Batch 3 unless told otherwise); its public id */
  batch(overrides?: Partial<NewBatch>): Promise<string>;
  /** the sandbox charge of a payment settles as `outcome`, then our payment is settled from it */
  settle(paymentId: number, outcome: 'success' | 'failed', now: Date): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

export async function programmeFixture(): Promise<ProgrammeFixture> {
  const db = await createTestDatabase();
  const orm = await createOrm({ databaseUrl: db.url, poolMax: 25 });
  const services = createServices(orm, {
    jwtSecret: 'test-secret-test-secret-test-secret-0123456789',
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 86_400,
    publicBaseUrl: () => 'http://komisi.test',
  });
  const sys = systemEm(orm);
  const row = sys.create(Tenant, {
    slug: `koperasi-${randomBytes(3).toString('hex')}`,
    name: 'Koperasi Test',
    profile: 'koperasi-sinoman',
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    hosts: [],
    settings: {},
    createdAt: new Date(),
  });
  await sys.flush();
  const tenant = toTenantRecord(row);
  const scope = (now: Date): Scope => ({ em: tenantEm(orm, tenant.id), tenant, now });
  return {
    db,
    orm,
    services,
    tenant,
    scope,
    async member() {
      const n = ++counter;
      const account = await services.identity.createAccount(scope(new Date()), {
        email: `member${n}.${randomBytes(3).toString('hex')}@example.com`,
        password: 'Password123',
        name: `Member ${n}`,
      });
      return account.id;
    },
    async batch(overrides = {}) {
      const view = await services.programmeBatches.create(
        scope(at('2024-09-15')),
        { ...BATCH_3, ...overrides },
        1,
      );
      return view.batch.publicId;
    },
    async settle(paymentId, outcome, now) {
      const payment = await services.payments.find(scope(now), paymentId, 'programme');
      await services.sandbox.settle(payment.providerReference, outcome);
      await services.payments.settle(scope(now), paymentId);
    },
    async close() {
      await orm.close();
      await db.drop();
    },
  };
}

/** A progress photo: a JPEG of `width` × `height`. */
export const progressPhoto = (width = 800, height = 600) =>
  sharp({ create: { width, height, channels: 3, background: { r: 90, g: 140, b: 60 } } })
    .jpeg()
    .toBuffer();

export async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    return e as { code?: string; fields?: Record<string, string[]>; details?: { code?: string } };
  }
  throw new Error('expected the call to fail');
}
