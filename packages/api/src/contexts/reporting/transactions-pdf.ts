import { createRequire } from 'node:module';
import type { DayRange, TransactionSummary } from '@komisi/domain';
import type PDFKit from 'pdfkit';
import {
  COLOR,
  contentBox,
  type Doc,
  FONT,
  fillRect,
  hRule,
  pdfText,
  textBox,
} from '../commerce/invoice/invoice-layout.ts';
import { formatRupiah } from '../commerce/invoice/rupiah.ts';
import type { ReportRow } from './transaction-report.service.ts';

export interface TransactionsPdfHeading {
  cooperative: string;
  timeZone: string;
  days: DayRange;
  /** e.g. `type SS_DEPOSIT, status completed`; empty for every transaction */
  filters: string;
  summary: TransactionSummary;
  generatedAt: Date;
}

const MARGIN = 32;
const ROW_HEIGHT = 14;
const HEADER_HEIGHT = 18;
const FOOTER_ZONE = 20;
const PAD = 4;
/** label, width in points, alignment: 778 points across A4 landscape */
const COLUMNS: [string, number, 'left' | 'right'][] = [
  ['Transaction', 104, 'left'],
  ['Member no.', 96, 'left'],
  ['Member name', 150, 'left'],
  ['Type', 100, 'left'],
  ['Amount', 90, 'right'],
  ['Status', 70, 'left'],
  ['Created', 84, 'left'],
  ['Processed', 84, 'left'],
];

const stamps = new Map<string, Intl.DateTimeFormat>();

/** `2024-09-29 22:00`: the moment on the tenant's wall clock. */
function localStamp(date: Date | null, timeZone: string): string {
  if (!date) return '';
  let f = stamps.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    stamps.set(timeZone, f);
  }
  return f.format(date);
}

function drawHeading(doc: Doc, h: TransactionsPdfHeading): number {
  const { left, width } = contentBox(doc);
  let y = doc.page.margins.top;
  y += textBox(doc, h.cooperative, left, y, width, { font: FONT.bold, size: 16, color: COLOR.accent });
  y += 2 + textBox(doc, 'Transaction report', left, y + 2, width, { font: FONT.bold, size: 12 });
  const period = `${h.days.start} to ${h.days.end} (${h.timeZone})${h.filters ? ` · ${h.filters}` : ''}`;
  y += 2 + textBox(doc, period, left, y + 2, width, { color: COLOR.muted });
  const s = h.summary;
  const summary = `${s.totalTransactions} transactions, ${formatRupiah(s.totalAmount)} · successful ${s.successful}, failed ${s.failed}, pending ${s.pending} · success rate ${s.successRate.toFixed(1)}%`;
  y += 2 + textBox(doc, summary, left, y + 2, width);
  y += textBox(doc, `Generated ${localStamp(h.generatedAt, h.timeZone)}`, left, y, width, {
    color: COLOR.muted,
    size: 8,
  });
  return y + 10;
}

function drawTableHeader(doc: Doc, y: number): number {
  const { left, width } = contentBox(doc);
  fillRect(doc, left, y, width, HEADER_HEIGHT, COLOR.headerFill);
  doc.font(FONT.bold).fontSize(8).fillColor(COLOR.text);
  let x = left;
  for (const [label, w, align] of COLUMNS) {
    doc.text(label, x + PAD, y + 5, { width: w - 2 * PAD, height: 10, align, lineBreak: false });
    x += w;
  }
  return y + HEADER_HEIGHT;
}

function drawRow(doc: Doc, row: ReportRow, timeZone: string, y: number) {
  const cells = [
    row.transactionNumber,
    row.memberNumber ?? '',
    row.memberName ?? '',
    row.typeCode,
    formatRupiah(row.amount),
    row.status,
    localStamp(row.createdAt, timeZone),
    localStamp(row.processedAt, timeZone),
  ];
  let x = contentBox(doc).left;
  cells.forEach((cell, i) => {
    const [, w, align] = COLUMNS[i]!;
    // one line per cell, cut with an ellipsis: rows keep one height, so pages hold a fixed count
    doc.text(pdfText(cell), x + PAD, y + 3, { width: w - 2 * PAD, height: 10, align, ellipsis: true });
    x += w;
  });
}

function drawFooters(doc: Doc, h: TransactionsPdfHeading) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { left, width } = contentBox(doc);
    const y = doc.page.height - doc.page.margins.bottom + 6;
    // text boxes with a height: pdfkit would otherwise break to a new page below the margin
    const style = { size: 7.5, color: COLOR.muted, maxLines: 1 };
    textBox(
      doc,
      `${h.cooperative} · transactions ${h.days.start} to ${h.days.end}`,
      left,
      y,
      width * 0.7,
      style,
    );
    textBox(doc, `Page ${i + 1} of ${count}`, left, y, width, { ...style, align: 'right' });
  }
}

/**
 * The report as an A4 landscape PDF (built-in Helvetica only): the heading and summary, then one
 * line per transaction, the table header repeated on every page. Rows arrive in batches, so the
 * caller streams them from the database.
 */
export async function renderTransactionsPdf(
  heading: TransactionsPdfHeading,
  batches: AsyncIterable<ReportRow[]>,
): Promise<Buffer> {
  // pdfkit (and its fonts) load with the first export, not at server start
  const PDFDocument = createRequire(import.meta.url)('pdfkit') as typeof PDFKit;
  const doc: Doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_ZONE },
    bufferPages: true,
    lang: 'en',
    info: {
      Title: `Transaction report ${heading.days.start} to ${heading.days.end}`,
      Author: heading.cooperative,
      Creator: 'Komisi',
      CreationDate: heading.generatedAt,
    },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  let y = drawTableHeader(doc, drawHeading(doc, heading));
  let zebra = false;
  let rows = 0;
  for await (const batch of batches) {
    rows += batch.length;
    for (const row of batch) {
      if (y + ROW_HEIGHT > doc.page.maxY()) {
        doc.addPage();
        y = drawTableHeader(doc, doc.page.margins.top);
      }
      const { left, right, width } = contentBox(doc);
      if (zebra) fillRect(doc, left, y, width, ROW_HEIGHT, COLOR.zebraFill);
      zebra = !zebra;
      doc.font(FONT.regular).fontSize(8).fillColor(COLOR.text);
      drawRow(doc, row, heading.timeZone, y);
      y += ROW_HEIGHT;
      if (y + ROW_HEIGHT > doc.page.maxY()) hRule(doc, left, right, y);
    }
  }
  if (rows === 0)
    textBox(doc, 'No transactions.', contentBox(doc).left + PAD, y + 4, 300, { color: COLOR.muted });
  drawFooters(doc, heading);
  doc.end();
  return done;
}
