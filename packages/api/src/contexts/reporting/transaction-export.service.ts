import { fieldError, type TransactionSummary } from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';
import type { FilesService } from '../files/files.service.ts';
import type { ReportFilter, TransactionReportService } from './transaction-report.service.ts';
import { renderTransactionsCsv } from './transactions-csv.ts';
import { renderTransactionsPdf } from './transactions-pdf.ts';

export const EXPORT_FORMATS = ['csv', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The most rows an export holds, so one is made within the request in a few seconds and memory stays
 * bounded (rows stream from the database in batches; the file is built in memory, then sealed).
 */
export const EXPORT_MAX_ROWS: Record<ExportFormat, number> = { csv: 100_000, pdf: 5_000 };
/** How long an export link works. */
export const EXPORT_LINK_TTL_SECONDS = 15 * 60;
/** Exports are kept a day, then removed when a later export is made. */
const EXPORT_KEEP_MS = 24 * 60 * 60 * 1000;
const BATCH_ROWS = 2_000;

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

export interface ExportRequest {
  format: ExportFormat;
  filter: ReportFilter;
  /** the report's summary (its count decides whether the export may be made) */
  summary: TransactionSummary;
  /** the admin asking: the file is theirs */
  requesterAccountId: number;
  /** the tenant's public base URL (ApiContext.baseUrl) */
  baseUrl: string;
}

function filterWords(filter: ReportFilter): string {
  return [
    filter.category && `category ${filter.category}`,
    filter.typeCode && `type ${filter.typeCode}`,
    filter.status && `status ${filter.status}`,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * A transaction report as a CSV or PDF file, stored privately and handed out as a short-lived signed
 * link (`/files/{id}?v=&exp=&sig=`).
 */
export class TransactionExportService {
  readonly #report: TransactionReportService;
  readonly #files: FilesService;

  constructor(report: TransactionReportService, files: FilesService) {
    this.#report = report;
    this.#files = files;
  }

  /** The signed link to the new file; 422 (naming `export_format`) past the format's row limit. */
  async export(scope: Scope, request: ExportRequest): Promise<string> {
    const { format, filter, summary } = request;
    const max = EXPORT_MAX_ROWS[format];
    if (summary.totalTransactions > max) {
      throw fieldError(
        'export_format',
        `a ${format.toUpperCase()} export holds at most ${max} transactions and this report has ${summary.totalTransactions}: narrow the dates or filter by type or status${format === 'pdf' ? `, or export CSV (up to ${EXPORT_MAX_ROWS.csv})` : ''}`,
      );
    }
    const rows = this.#report.batches(scope, filter, BATCH_ROWS);
    const bytes =
      format === 'csv'
        ? await renderTransactionsCsv(rows)
        : await renderTransactionsPdf(
            {
              cooperative: scope.tenant.name,
              timeZone: scope.tenant.timeZone,
              days: filter.days,
              filters: filterWords(filter),
              summary,
              generatedAt: scope.now,
            },
            rows,
          );
    // housekeeping on the way: a few of this tenant's exports older than a day
    await this.#files.removeOlderThan(scope, 'report', new Date(scope.now.getTime() - EXPORT_KEEP_MS));
    const file = await this.#files.storeGenerated(scope, {
      ownerAccountId: request.requesterAccountId,
      purpose: 'report',
      contentType: CONTENT_TYPE[format],
      bytes,
    });
    return this.#files.signedUrlFor(
      scope,
      file,
      { accountId: request.requesterAccountId, isAdmin: true },
      { baseUrl: request.baseUrl, ttlSeconds: EXPORT_LINK_TTL_SECONDS },
    );
  }
}
