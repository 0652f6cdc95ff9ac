import type PDFDocument from 'pdfkit';
import type { InvoiceModel } from './invoice-model.ts';
import { formatRupiah } from './rupiah.ts';

/**
 * Drawing primitives for the invoice PDF: text boxes, the paginating items
 * table and the totals block. Every call takes an explicit position and
 * returns the y below what it drew; pagination is decided here (never by
 * pdfkit's automatic page breaks, which every text call disables by passing a
 * `height`), so a table row is never split across pages.
 */

export type Doc = InstanceType<typeof PDFDocument>;
type Item = InvoiceModel['items'][number];

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
export const COLOR = {
  text: '#1f2328',
  muted: '#6b7079',
  accent: '#7a4a24',
  rule: '#d8dadf',
  headerFill: '#f3eee8',
  zebraFill: '#faf8f5',
  paid: '#1a7f37',
  unpaid: '#b35900',
} as const;

export interface TextStyle {
  font?: string;
  size?: number;
  color?: string;
  align?: 'left' | 'right' | 'center';
  /** Cap on the number of lines; overflowing text ends with an ellipsis. */
  maxLines?: number;
  characterSpacing?: number;
}

const LINE_GAP = 1.5;
/** WinAnsiEncoding characters in the 0x80–0x9F range, which the standard fonts can print. */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Makes text printable by the built-in (WinAnsi-encoded) Helvetica: pdfkit
 * would otherwise emit broken glyph codes for characters outside that
 * encoding. Accented letters outside it lose their accent, anything else
 * becomes `?`; tabs and carriage returns become spaces, newlines are kept.
 */
export function pdfText(value: string): string {
  let out = '';
  for (const ch of value.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (
      ch === '\n' ||
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      WIN_ANSI_EXTRAS.has(ch)
    ) {
      out += ch;
    } else if (ch === '\t' || ch === '\r') {
      out += ' ';
    } else {
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += /^[\x20-\x7e]+$/.test(base) ? base : '?';
    }
  }
  return out;
}

function applyStyle(doc: Doc, style: TextStyle) {
  doc
    .font(style.font ?? FONT.regular)
    .fontSize(style.size ?? 9)
    .fillColor(style.color ?? COLOR.text);
  return { align: style.align ?? 'left', lineGap: LINE_GAP, characterSpacing: style.characterSpacing ?? 0 };
}

/** Height `value` takes in a box `width` wide, honouring `style.maxLines`. */
export function measure(doc: Doc, value: string, width: number, style: TextStyle = {}): number {
  const text = pdfText(value);
  if (text === '') return 0;
  const options = applyStyle(doc, style);
  const full = doc.heightOfString(text, { ...options, width });
  if (style.maxLines === undefined) return full;
  return Math.min(full, style.maxLines * (doc.currentLineHeight(true) + LINE_GAP));
}

/** Draws `value` in a box at (x, y), `width` wide; returns the height used. */
export function textBox(doc: Doc, value: string, x: number, y: number, width: number, style: TextStyle = {}) {
  const height = measure(doc, value, width, style);
  if (height === 0) return 0;
  const options = applyStyle(doc, style);
  // The extra point keeps float rounding from dropping the last line.
  doc.text(pdfText(value), x, y, { ...options, width, height: height + 1, ellipsis: true });
  return height;
}

export function hRule(doc: Doc, x1: number, x2: number, y: number, color: string = COLOR.rule, width = 0.75) {
  doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke().restore();
}

export function fillRect(doc: Doc, x: number, y: number, w: number, h: number, color: string) {
  doc.save().rect(x, y, w, h).fillColor(color).fill().restore();
}

/** Starts a new page unless `needed` points still fit below `y`; returns where to draw. */
export function ensureSpace(doc: Doc, y: number, needed: number): number {
  if (y + needed <= doc.page.maxY()) return y;
  doc.addPage();
  return doc.page.margins.top;
}

export function contentBox(doc: Doc) {
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  return { left, right, width: right - left };
}

// ---------------------------------------------------------------------------
// Items table

const PAD_X = 6;
const PAD_Y = 6;
const HEADER_HEIGHT = 22;
const NAME_STYLE: TextStyle = { font: FONT.bold, size: 9.5, maxLines: 3 };
const DETAIL_STYLE: TextStyle = { size: 8, color: COLOR.muted, maxLines: 2 };

interface Column {
  label: string;
  x: number;
  width: number;
  align: 'left' | 'right';
}

function tableColumns(doc: Doc): Column[] {
  const { left, width } = contentBox(doc);
  const fixed = { no: 28, qty: 40, price: 100, subtotal: 108 };
  const item = width - fixed.no - fixed.qty - fixed.price - fixed.subtotal;
  const specs: [string, number, 'left' | 'right'][] = [
    ['#', fixed.no, 'left'],
    ['Item', item, 'left'],
    ['Qty', fixed.qty, 'right'],
    ['Unit price', fixed.price, 'right'],
    ['Subtotal', fixed.subtotal, 'right'],
  ];
  let x = left;
  return specs.map(([label, w, align]) => {
    const column = { label, x, width: w, align };
    x += w;
    return column;
  });
}

function cellWidth(column: Column) {
  return column.width - 2 * PAD_X;
}

function drawTableHeader(doc: Doc, columns: Column[], y: number): number {
  const { left, width } = contentBox(doc);
  fillRect(doc, left, y, width, HEADER_HEIGHT, COLOR.headerFill);
  for (const column of columns) {
    textBox(doc, column.label.toUpperCase(), column.x + PAD_X, y + 7, cellWidth(column), {
      font: FONT.bold,
      size: 7.5,
      color: COLOR.accent,
      align: column.align,
      maxLines: 1,
      characterSpacing: 0.4,
    });
  }
  return y + HEADER_HEIGHT;
}

function itemDetails(item: Item): string {
  const parts: string[] = [];
  if (item.variant) parts.push(item.variant);
  if (item.sku) parts.push(`SKU ${item.sku}`);
  return parts.join('  ·  ');
}

function rowHeight(doc: Doc, columns: Column[], item: Item): number {
  const width = cellWidth(columns[1]!);
  const details = measure(doc, itemDetails(item), width, DETAIL_STYLE);
  return PAD_Y * 2 + measure(doc, item.name, width, NAME_STYLE) + (details > 0 ? details + 2 : 0);
}

function drawRow(doc: Doc, columns: Column[], item: Item, index: number, y: number, height: number) {
  const { left, right, width } = contentBox(doc);
  if (index % 2 === 1) fillRect(doc, left, y, width, height, COLOR.zebraFill);
  const [no, name, qty, price, subtotal] = columns as [Column, Column, Column, Column, Column];
  const top = y + PAD_Y;
  const numeric = (column: Column, value: string) =>
    textBox(doc, value, column.x + PAD_X, top, cellWidth(column), { size: 9, align: 'right', maxLines: 1 });
  textBox(doc, String(index + 1), no.x + PAD_X, top, cellWidth(no), { size: 9, color: COLOR.muted });
  const nameHeight = textBox(doc, item.name, name.x + PAD_X, top, cellWidth(name), NAME_STYLE);
  textBox(doc, itemDetails(item), name.x + PAD_X, top + nameHeight + 2, cellWidth(name), DETAIL_STYLE);
  numeric(qty, item.quantity.toLocaleString('en-US'));
  numeric(price, formatRupiah(item.unitPrice));
  numeric(subtotal, formatRupiah(item.subtotal));
  hRule(doc, left, right, y + height);
}

/** Draws the items table from `y`, breaking onto new pages as needed and repeating its header there. */
export function drawItemsTable(doc: Doc, items: readonly Item[], y: number): number {
  const columns = tableColumns(doc);
  const firstRow = items[0] ? rowHeight(doc, columns, items[0]) : 0;
  let cursor = drawTableHeader(doc, columns, ensureSpace(doc, y, HEADER_HEIGHT + firstRow));
  items.forEach((item, index) => {
    const height = rowHeight(doc, columns, item);
    if (cursor + height > doc.page.maxY()) {
      doc.addPage();
      cursor = drawTableHeader(doc, columns, doc.page.margins.top);
    }
    drawRow(doc, columns, item, index, cursor, height);
    cursor += height;
  });
  return cursor;
}

// ---------------------------------------------------------------------------
// Totals

const TOTALS_WIDTH = 260;
const TOTALS_ROW = 17;
const TOTAL_BAND = 28;

/** The right-aligned totals block: subtotal, discount, shipping, total. */
export function drawTotals(doc: Doc, model: Pick<InvoiceModel, 'summary' | 'shipping'>, y: number): number {
  const { summary, shipping } = model;
  const rows: [string, string][] = [['Subtotal', formatRupiah(summary.subtotal)]];
  if (summary.discount !== 0 || summary.voucherCode) {
    const label = summary.voucherCode ? `Discount (voucher ${summary.voucherCode})` : 'Discount';
    rows.push([label, formatRupiah(-summary.discount)]);
  }
  rows.push([`Shipping (${shipping.courier} ${shipping.service})`, formatRupiah(summary.shippingCost)]);
  if (summary.shippingDiscount) rows.push(['Shipping discount', formatRupiah(-summary.shippingDiscount)]);

  let cursor = ensureSpace(doc, y, rows.length * TOTALS_ROW + TOTAL_BAND + 12) + 10;
  const { right } = contentBox(doc);
  const x = right - TOTALS_WIDTH;
  const labelWidth = TOTALS_WIDTH - 110 - 2 * PAD_X;
  for (const [label, value] of rows) {
    textBox(doc, label, x + PAD_X, cursor, labelWidth, { color: COLOR.muted, maxLines: 1 });
    textBox(doc, value, right - 110 - PAD_X, cursor, 110, { align: 'right', maxLines: 1 });
    cursor += TOTALS_ROW;
  }
  cursor += 2;
  fillRect(doc, x, cursor, TOTALS_WIDTH, TOTAL_BAND, COLOR.headerFill);
  const style: TextStyle = { font: FONT.bold, size: 12, color: COLOR.accent, maxLines: 1 };
  textBox(doc, 'Total', x + PAD_X, cursor + 8, labelWidth, style);
  textBox(doc, formatRupiah(summary.total), right - 150 - PAD_X, cursor + 8, 150, {
    ...style,
    align: 'right',
  });
  return cursor + TOTAL_BAND;
}
