import { createRequire } from 'node:module';
import type PDFKit from 'pdfkit';
import {
  COLOR,
  contentBox,
  type Doc,
  ensureSpace,
  FONT,
  hRule,
  measure,
  type TextStyle,
  textBox,
} from './invoice-layout.ts';
import type { InvoiceModel } from './invoice-model.ts';
import { drawItemsTable, drawTotals } from './invoice-tables.ts';

export interface RenderInvoiceOptions {
  /** Deflate the content streams (default `true`); `false` is for tests and debugging. */
  compress?: boolean;
}

const MARGIN = 40;
/** Pages start a little lower than the side margins, leaving room for the running header of pages 2+. */
const TOP_MARGIN = 48;
/** Room kept free under the content for the footer. */
const FOOTER_ZONE = 32;
const ZONE_ABBREVIATIONS: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** `14 Mar 2025, 09:30 WIB`: the moment in `timeZone`, with the Indonesian zone name where there is one. */
export function formatInvoiceDate(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const zone = ZONE_ABBREVIATIONS[timeZone] ?? part('timeZoneName');
  return `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} ${zone}`;
}

/**
 * Renders the invoice as an A4 PDF using only the built-in Helvetica fonts.
 * The output is reproducible: the creation date is `issuedAt`, and pdfkit
 * derives the trailer `/ID` from the document info (an MD5 of it), so the
 * same model always yields the same bytes.
 */
export function renderInvoicePdf(invoice: InvoiceModel, options: RenderInvoiceOptions = {}): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    // pdfkit (and its fonts) load with the first invoice, not at server start
    const PDFDocument = createRequire(import.meta.url)('pdfkit') as typeof PDFKit;
    const doc: Doc = new PDFDocument({
      size: 'A4',
      margins: { top: TOP_MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_ZONE },
      bufferPages: true,
      compress: options.compress ?? true,
      lang: 'en',
      displayTitle: true,
      info: {
        Title: `Invoice ${invoice.orderNumber}`,
        Author: invoice.seller.name,
        Subject: `Invoice for order ${invoice.orderNumber}`,
        Creator: 'Komisi',
        CreationDate: invoice.issuedAt,
      },
    });
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      let y = drawHeader(doc, invoice, doc.page.margins.top);
      y = drawParties(doc, invoice, y + 18);
      y = drawItemsTable(doc, invoice.items, y + 20);
      y = drawTotals(doc, invoice, y);
      y = drawPaymentAndShipping(doc, invoice, y + 24);
      drawClosingNote(doc, invoice, y + 20);
      drawPageChrome(doc, invoice);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

const LABEL: TextStyle = {
  font: FONT.bold,
  size: 7.5,
  color: COLOR.muted,
  characterSpacing: 0.6,
  maxLines: 1,
};

function drawHeader(doc: Doc, invoice: InvoiceModel, top: number): number {
  const { left, right, width } = contentBox(doc);
  const { seller } = invoice;
  const leftWidth = width * 0.55;
  let y =
    top + textBox(doc, seller.name, left, top, leftWidth, { font: FONT.bold, size: 20, color: COLOR.accent });
  y += 4 + textBox(doc, seller.address, left, y + 4, leftWidth, { color: COLOR.muted });
  const contact = [seller.email, seller.phone].filter(Boolean).join('  ·  ');
  y += textBox(doc, contact, left, y, leftWidth, { color: COLOR.muted });
  if (seller.taxId) y += textBox(doc, `NPWP ${seller.taxId}`, left, y, leftWidth, { color: COLOR.muted });

  const boxWidth = 210;
  const x = right - boxWidth;
  let ry = top + textBox(doc, 'INVOICE', x, top, boxWidth, { font: FONT.bold, size: 22, align: 'right' });
  ry +=
    2 +
    textBox(doc, `No. ${invoice.orderNumber}`, x, ry + 2, boxWidth, {
      font: FONT.bold,
      size: 10,
      align: 'right',
    });
  const dated = (label: string, date: Date) =>
    textBox(doc, `${label}: ${formatInvoiceDate(date, invoice.timeZone)}`, x, ry, boxWidth, {
      color: COLOR.muted,
      align: 'right',
      maxLines: 1,
    });
  ry += 4;
  ry += dated('Issued', invoice.issuedAt);
  if (invoice.paidAt) ry += dated('Paid', invoice.paidAt);
  ry += 6 + drawStatusBadge(doc, invoice, right, ry + 6);

  const bottom = Math.max(y, ry) + 14;
  hRule(doc, left, right, bottom, COLOR.accent, 1.25);
  return bottom;
}

function drawStatusBadge(doc: Doc, invoice: InvoiceModel, right: number, y: number): number {
  const paid = invoice.paidAt !== null;
  const label = (paid ? 'PAID' : invoice.payment.status).toUpperCase();
  const style: TextStyle = { font: FONT.bold, size: 8, color: '#ffffff', characterSpacing: 0.8, maxLines: 1 };
  doc.font(FONT.bold).fontSize(8);
  const width = doc.widthOfString(label, { characterSpacing: 0.8 }) + 16;
  const height = 16;
  doc
    .save()
    .roundedRect(right - width, y, width, height, 3)
    .fillColor(paid ? COLOR.paid : COLOR.unpaid)
    .fill()
    .restore();
  textBox(doc, label, right - width, y + 4.5, width, { ...style, align: 'center' });
  return height;
}

/** Draws a labelled column of lines; returns its height. */
function block(doc: Doc, label: string, lines: [string, TextStyle?][], x: number, y: number, width: number) {
  let cursor = y + textBox(doc, label.toUpperCase(), x, y, width, LABEL) + 4;
  for (const [text, style] of lines) cursor += textBox(doc, text, x, cursor, width, style ?? { size: 9.5 });
  return cursor - y;
}

function drawParties(doc: Doc, invoice: InvoiceModel, y: number): number {
  const { left, width } = contentBox(doc);
  const column = (width - 30) / 2;
  const name: TextStyle = { font: FONT.bold, size: 10.5 };
  const { customer, shippingAddress: to } = invoice;
  const billTo: [string, TextStyle?][] = [[customer.name, name], [customer.email]];
  if (customer.phone) billTo.push([customer.phone]);
  const shipTo: [string, TextStyle?][] = [
    [to.recipientName, name],
    [to.phone],
    ...to.lines.map((l) => [l] as [string]),
  ];
  const height = Math.max(
    block(doc, 'Bill to', billTo, left, y, column),
    block(doc, 'Ship to', shipTo, left + column + 30, y, column),
  );
  return y + height;
}

function drawPaymentAndShipping(doc: Doc, invoice: InvoiceModel, y: number): number {
  const { payment, shipping } = invoice;
  const paymentRows: [string, string][] = [['Method', payment.method]];
  if (payment.channel) paymentRows.push(['Channel', payment.channel]);
  if (payment.transactionId) paymentRows.push(['Transaction ID', payment.transactionId]);
  paymentRows.push(['Status', payment.status.toUpperCase()]);
  const shippingRows: [string, string][] = [
    ['Courier', shipping.courier],
    ['Service', shipping.service],
    ['Tracking no.', shipping.trackingNumber ?? 'Not yet available'],
  ];
  const { left, width } = contentBox(doc);
  const column = (width - 30) / 2;
  const needed = Math.max(
    keyValueHeight(doc, paymentRows, column),
    keyValueHeight(doc, shippingRows, column),
  );
  const top = ensureSpace(doc, y, needed + 24);
  hRule(doc, left, left + width, top);
  const height = Math.max(
    keyValues(doc, 'Payment', paymentRows, left, top + 10, column),
    keyValues(doc, 'Shipping', shippingRows, left + column + 30, top + 10, column),
  );
  return top + 10 + height;
}

const KEY_WIDTH = 78;

function keyValueHeight(doc: Doc, rows: [string, string][], width: number): number {
  return rows.reduce((sum, [, value]) => sum + measure(doc, value, width - KEY_WIDTH, { size: 9 }) + 3, 14);
}

function keyValues(doc: Doc, label: string, rows: [string, string][], x: number, y: number, width: number) {
  let cursor = y + textBox(doc, label.toUpperCase(), x, y, width, LABEL) + 4;
  for (const [key, value] of rows) {
    textBox(doc, key, x, cursor, KEY_WIDTH, { size: 9, color: COLOR.muted, maxLines: 1 });
    cursor += textBox(doc, value, x + KEY_WIDTH, cursor, width - KEY_WIDTH, { size: 9 }) + 3;
  }
  return cursor - y;
}

function drawClosingNote(doc: Doc, invoice: InvoiceModel, y: number) {
  const { left, width } = contentBox(doc);
  const note =
    `Thank you for shopping at ${invoice.seller.name}. ` +
    'This invoice was issued electronically and is valid without a signature.';
  const top = ensureSpace(doc, y, measure(doc, note, width, { font: FONT.italic, size: 8.5 }));
  textBox(doc, note, left, top, width, { font: FONT.italic, size: 8.5, color: COLOR.muted, align: 'center' });
}

/** Stamps the footer ("Page n of m") on every buffered page, and a running header on pages 2+. */
function drawPageChrome(doc: Doc, invoice: InvoiceModel) {
  const { start, count } = doc.bufferedPageRange();
  const style: TextStyle = { size: 7.5, color: COLOR.muted, maxLines: 1 };
  const title = `${invoice.seller.name}  ·  Invoice ${invoice.orderNumber}`;
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const { left, right, width } = contentBox(doc);
    if (index > start) textBox(doc, `${title} (continued)`, left, TOP_MARGIN - 22, width, style);
    const y = doc.page.height - MARGIN - 12;
    hRule(doc, left, right, y - 8);
    textBox(doc, title, left, y, width * 0.7, style);
    textBox(doc, `Page ${index + 1} of ${count}`, right - 120, y, 120, { ...style, align: 'right' });
  }
}
