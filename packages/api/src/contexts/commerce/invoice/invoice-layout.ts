import type PDFDocument from 'pdfkit';

/**
 * Drawing primitives for the invoice PDF: styled text boxes, rules and fills,
 * page breaks. Every call takes an explicit position and returns the y below
 * (or the height of) what it drew; pagination is decided by the callers (never
 * by pdfkit's automatic page breaks, which every text call disables by passing
 * a `height`), so a table row is never split across pages.
 */

export type Doc = InstanceType<typeof PDFDocument>;

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
