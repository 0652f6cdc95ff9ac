export { createFakePesapal, type FakePesapal } from '../contexts/payments/pesapal.fake.ts';
export { ledgerTotal, unbalancedLedgerEntries } from './ledger-check.ts';
export { TEST_PG_URL } from './pg-admin.ts';
export { createTestDatabase, type TestDatabase } from './test-database.ts';
