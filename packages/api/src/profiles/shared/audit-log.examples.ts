import type { OperationExamples } from './operation-examples.ts';

const ENTRY = {
  id: 42,
  occurredAt: '2026-03-14T09:30:12.000Z',
  action: 'admin.markPayoutPaid',
  actor: { role: 'admin', id: 2, email: 'admin@qutab.demo', name: 'Qutab Admin' },
  subject: { type: 'payout', id: '17' },
  input: { id: '17', transfer_reference: 'BCA-20260314-0042' },
  before: { status: 'processing', transfer_reference: null, processed_at: null },
  after: {
    status: 'paid',
    transfer_reference: 'BCA-20260314-0042',
    processed_at: '2026-03-14T09:30:12.000Z',
  },
  requestId: '3f0c1a52-8d2e-4c47-9d59-3b1f0f6f2a11',
  ip: '203.0.113.7',
};

/** The audit log's operations, the same in every profile's document. */
export const auditLogExamples: OperationExamples = {
  'GET /admin/audit-log': {
    request: { action: 'admin.markPayoutPaid', from: '2026-03-01', to: '2026-03-31', limit: 20 },
    response: { entries: [ENTRY], nextCursor: 'MTc3MzQ4MDYxMjAwMC40Mg' },
  },
  'GET /admin/audit-log/{id}': { request: { id: 42 }, response: { entry: ENTRY } },
};
