import {
  COLOR,
  contentBox,
  type Doc,
  ensureSpace,
  FONT,
  fillRect,
  hRule,
  measure,
  type TextStyle,
  textBox,
} from './invoice-layout.ts';
import type { InvoiceModel } from './invoice-model.ts';
import { formatRupiah } from './rupiah.ts';

// The invoice's two tables: the items, paginating (a row never split across pages, the header
// repeated on each page), and the totals block.

type Item = InvoiceModel['items'][number];

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
