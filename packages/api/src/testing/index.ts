export {
  ANSANIA_CATALOG,
  ANSANIA_CATEGORIES,
  lowestVisiblePrice,
  type SeedProduct,
} from '../composition/db/seed/ansania/catalog.seed.ts';
export {
  createFakeFonnte,
  type FakeFonnte,
  type FakeFonnteMessage,
  type FakeFonnteStatusReport,
} from '../contexts/notifications/whatsapp/fonnte.fake.ts';
export { createFakeDoku, type FakeDoku } from '../contexts/payments/doku/doku.fake.ts';
export { createFakeMidtrans, type FakeMidtrans } from '../contexts/payments/midtrans/midtrans.fake.ts';
export { createFakePesapal, type FakePesapal } from '../contexts/payments/pesapal/pesapal.fake.ts';
export { createFakeXendit, type FakeXendit } from '../contexts/payments/xendit/xendit.fake.ts';
export { tenantEm } from '../kernel/database.ts';
export { type KoperasiFixture, koperasiFixture } from './koperasi/koperasi-fixture.ts';
export {
  type SavingsData,
  savingsData,
  type TestMember,
  type TestTransaction,
} from './koperasi/savings-data.ts';
export { driftedSavingsRollups, type RollupDrift } from './koperasi/savings-rollups-check.ts';
export { driftedRunningBalances, ledgerTotal, unbalancedLedgerEntries } from './ledger-check.ts';
export { TEST_PG_URL } from './pg-admin.ts';
export { createTestDatabase, type TestDatabase } from './test-database.ts';
