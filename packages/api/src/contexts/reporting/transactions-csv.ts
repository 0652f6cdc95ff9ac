import { csvLine } from '@komisi/domain';
import type { ReportRow } from './transaction-report.service.ts';

/** The report's columns, named as its JSON rows name them. */
export const CSV_COLUMNS = [
  'transaction_number',
  'member_number',
  'member_name',
  'transaction_type',
  'amount',
  'status',
  'created_at',
  'processed_at',
] as const;

/**
 * The report as CSV (UTF-8 with a byte order mark, so spreadsheets read member names right; times
 * in UTC as the JSON writes them), built from the rows as they stream in.
 */
export async function renderTransactionsCsv(batches: AsyncIterable<ReportRow[]>): Promise<Buffer> {
  const lines = ['\uFEFF', csvLine(CSV_COLUMNS)];
  for await (const batch of batches) {
    for (const r of batch) {
      lines.push(
        csvLine([
          r.transactionNumber,
          r.memberNumber,
          r.memberName,
          r.typeCode,
          r.amount,
          r.status,
          r.createdAt.toISOString(),
          r.processedAt?.toISOString(),
        ]),
      );
    }
  }
  return Buffer.from(lines.join(''), 'utf8');
}
