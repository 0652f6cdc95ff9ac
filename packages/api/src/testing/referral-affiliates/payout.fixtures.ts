// Test fixtures for bank accounts and payouts: a migrated database, the services under test built
// directly (no HTTP), tenants, affiliates and ledger credits.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { createOrm } from '../../composition/db/orm.ts';
import { FileCipher } from '../../contexts/files/file-cipher.ts';
import { MemoryFileStorage } from '../../contexts/files/file-storage.ts';
import { FilesService } from '../../contexts/files/files.service.ts';
import { Account } from '../../contexts/identity/account.entity.ts';
import { LedgerAccounts, LedgerService } from '../../contexts/ledger/ledger.service.ts';
import { OutboxService } from '../../contexts/notifications/outbox.service.ts';
import { Affiliate } from '../../contexts/referral-affiliates/affiliate.entity.ts';
import { AffiliatePhotosService } from '../../contexts/referral-affiliates/applications/affiliate-photos.service.ts';
import { BankAccountsService } from '../../contexts/referral-affiliates/bank-accounts/bank-account.service.ts';
import { PayoutProcessingService } from '../../contexts/referral-affiliates/payouts/payout-processing.service.ts';
import { PayoutsService } from '../../contexts/referral-affiliates/payouts/payouts.service.ts';
import { Tenant } from '../../contexts/tenancy/tenant.entity.ts';
import { toTenantRecord } from '../../contexts/tenancy/tenant.service.ts';
import { type Orm, systemEm, tenantEm } from '../../kernel/database.ts';
import type { Scope } from '../../kernel/scope.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import { createTestDatabase, type TestDatabase } from '../test-database.ts';

export const BASE_URL = 'http://komisi.test/t/qutab';

export interface Harness {
  db: TestDatabase;
  orm: Orm;
  storage: MemoryFileStorage;
  cipher: FileCipher;
  ledger: LedgerService;
  files: FilesService;
  bankAccounts: BankAccountsService;
  photos: AffiliatePhotosService;
  payouts: PayoutsService;
  payoutProcessing: PayoutProcessingService;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const db = await createTestDatabase();
  const orm = await createOrm({ databaseUrl: db.url, poolMax: 20 });
  const storage = new MemoryFileStorage();
  const cipher = new FileCipher(randomBytes(32));
  const ledger = new LedgerService();
  const outbox = new OutboxService();
  const files = new FilesService({
    storage,
    cipher,
    serverSecret: 'test-secret-test-secret-test-secret-0123456789',
  });
  return {
    db,
    orm,
    storage,
    cipher,
    ledger,
    files,
    bankAccounts: new BankAccountsService({ files, cipher, outbox }),
    photos: new AffiliatePhotosService(files),
    payouts: new PayoutsService({ ledger }),
    payoutProcessing: new PayoutProcessingService({ ledger, cipher, outbox }),
    async close() {
      await orm.close();
      await db.drop();
    },
  };
}

export async function createTenant(h: Harness, settings: Tenant['settings'] = {}): Promise<TenantRecord> {
  const sys = systemEm(h.orm);
  const tenant = sys.create(Tenant, {
    slug: `qutab-${randomBytes(3).toString('hex')}`,
    name: 'Qutab Test',
    profile: 'qutab-platform',
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    hosts: [],
    settings,
    createdAt: new Date(),
  });
  await sys.flush();
  return toTenantRecord(tenant);
}

/** A fresh request scope (own EntityManager) for the tenant. */
export function scopeOf(h: Harness, tenant: TenantRecord, now = new Date()): Scope {
  return { em: tenantEm(h.orm, tenant.id), tenant, now };
}

let counter = 0;

export async function createAccount(
  h: Harness,
  tenant: TenantRecord,
  roles: Account['roles'] = ['affiliate'],
) {
  const em = tenantEm(h.orm, tenant.id);
  const n = ++counter;
  const account = em.create(Account, {
    tenant: tenant.id,
    email: `person${n}.${randomBytes(3).toString('hex')}@example.com`,
    name: `Person ${n}`,
    passwordHash: 'not-a-real-hash',
    roles,
    createdAt: new Date(),
  });
  await em.flush();
  return account.id;
}

/** An affiliate (approved unless said otherwise); returns its account and affiliate ids. */
export async function createAffiliate(
  h: Harness,
  tenant: TenantRecord,
  status: Affiliate['status'] = 'approved',
): Promise<{ accountId: number; affiliateId: number }> {
  const accountId = await createAccount(h, tenant);
  const em = tenantEm(h.orm, tenant.id);
  const affiliate = em.create(Affiliate, {
    tenant: tenant.id,
    account: accountId,
    status,
    code: status === 'approved' ? randomBytes(4).toString('hex').slice(0, 7) : null,
    firstName: 'Darmawan',
    lastName: `Putra${accountId}`,
    whatsapp: '+6281234567890',
    city: 'Jakarta',
    primaryPlatform: 'instagram',
    reason: 'I share halal food content',
    createdAt: new Date(),
  });
  await em.flush();
  return { accountId, affiliateId: affiliate.id };
}

/** Withdrawable commission for the affiliate (as the hold release would post it). */
export async function creditAvailable(h: Harness, tenant: TenantRecord, accountId: number, amount: number) {
  await h.ledger.post(
    scopeOf(h, tenant),
    `test:credit:${accountId}:${randomBytes(6).toString('hex')}`,
    'test credit',
    [
      { account: LedgerAccounts.commissionExpense, amount },
      { account: LedgerAccounts.affiliateAvailable(accountId), amount: -amount },
    ],
  );
}

export async function photo(width = 40, height = 30): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 200 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'KTP-OWNER-SECRET' } })
    .toBuffer();
}

/** Saves a bank account, submits a KTP and has an admin verify it. */
export async function verifiedBankAccount(
  h: Harness,
  tenant: TenantRecord,
  accountId: number,
  adminId: number,
  accountNumber = '1234567890',
) {
  const scope = scopeOf(h, tenant);
  await h.bankAccounts.save(scope, accountId, {
    bankName: 'Bank Central Asia',
    accountNumber,
    accountHolderName: 'Darmawan Putra',
  });
  const view = await h.bankAccounts.submitKtp(scopeOf(h, tenant), accountId, { bytes: await photo() });
  return h.bankAccounts.verify(scopeOf(h, tenant), view.id, adminId);
}

export async function errorOf(
  promise: Promise<unknown>,
): Promise<{ code?: string; fields?: unknown; message: string }> {
  try {
    await promise;
  } catch (e) {
    return e as { code?: string; fields?: unknown; message: string };
  }
  throw new Error('expected the call to fail');
}
