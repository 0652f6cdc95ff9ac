import { summarize } from '@komisi/domain';
import { describe, expect, it } from 'vitest';
import type { ReportRow } from './transaction-report.service.ts';
import { renderTransactionsPdf } from './transactions-pdf.ts';

const row = (i: number): ReportRow => ({
  id: i,
  transactionNumber: `TXN-2024-${String(i).padStart(6, '0')}`,
  memberNumber: i % 7 ? `SIN-2024-${String(i % 1000).padStart(6, '0')}` : null,
  memberName: i % 7 ? `Anggota Koperasi Sinoman Nomor ${i} dengan Nama yang Sangat Panjang Sekali` : null,
  typeCode: i % 3 ? 'SS_DEPOSIT' : 'SS_WITHDRAWAL',
  amount: 10_000 * (i % 50) + 5_000,
  status: i % 11 ? 'completed' : 'pending',
  createdAt: new Date(Date.UTC(2024, 8, 1) + i * 60_000),
  processedAt: i % 11 ? new Date(Date.UTC(2024, 8, 1) + i * 60_000 + 1_800_000) : null,
  createdKey: '',
});

async function* batches(total: number, size: number) {
  for (let i = 0; i < total; i += size)
    yield Array.from({ length: Math.min(size, total - i) }, (_, j) => row(i + j + 1));
}

const heading = {
  cooperative: 'Koperasi Sinoman',
  timeZone: 'Asia/Jakarta',
  days: { start: '2024-09-01', end: '2024-09-30' },
  filters: 'status completed',
  summary: summarize([{ state: 'completed', transactions: 5_000, amount: 1_250_000_000 }]),
  generatedAt: new Date('2024-10-01T02:00:00Z'),
};

const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

describe('renderTransactionsPdf', () => {
  it('lays out the largest export allowed (5,000 rows) in a few seconds, a fixed number of rows per page', async () => {
    const started = performance.now();
    const pdf = await renderTransactionsPdf(heading, batches(5_000, 2_000));
    const seconds = (performance.now() - started) / 1000;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages(pdf)).toBeGreaterThan(100);
    expect(seconds).toBeLessThan(10);
  });

  it('says so when there is nothing to list', async () => {
    const pdf = await renderTransactionsPdf(heading, batches(0, 10));
    expect(pages(pdf)).toBe(1);
  });
});
