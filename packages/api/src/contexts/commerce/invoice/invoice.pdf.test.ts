import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatInvoiceDate, renderInvoicePdf } from './invoice.pdf.ts';
import type { InvoiceModel } from './invoice-model.ts';

const sample = (): InvoiceModel => ({
  seller: {
    name: 'Ansania',
    address: 'Jl. Raya Jepara - Kudus KM 7\nTahunan, Jepara, Jawa Tengah 59451',
    email: 'halo@ansania.co.id',
    phone: '+62 291 555 0123',
    taxId: '01.234.567.8-912.000',
  },
  orderNumber: 'ANS-2025-000123',
  issuedAt: new Date('2025-03-14T02:30:00Z'),
  paidAt: new Date('2025-03-14T03:05:00Z'),
  timeZone: 'Asia/Jakarta',
  customer: { name: 'Siti Rahmawati', email: 'siti.rahma@example.com', phone: '+62 812 3456 7890' },
  shippingAddress: {
    recipientName: 'Siti Rahmawati',
    phone: '+62 812 3456 7890',
    lines: [
      'Jl. Kemang Raya No. 12, RT 003/RW 004',
      'Bangka, Mampang Prapatan',
      'Jakarta Selatan, DKI Jakarta 12730',
    ],
  },
  items: [
    {
      name: 'Sofa Scandinavian 3 Seater',
      variant: 'Abu-abu muda',
      sku: 'SOF-SCN-3-GRY',
      quantity: 1,
      unitPrice: 4_850_000,
      subtotal: 4_850_000,
    },
    {
      name: 'Meja Kopi Jati Minimalis',
      sku: 'MJK-JTI-01',
      quantity: 1,
      unitPrice: 1_450_000,
      subtotal: 1_450_000,
    },
    { name: 'Kursi Makan Rotan', variant: 'Natural', quantity: 2, unitPrice: 375_000, subtotal: 750_000 },
  ],
  summary: {
    subtotal: 7_050_000,
    discount: 250_000,
    voucherCode: 'HEMAT250',
    shippingCost: 250_000,
    shippingDiscount: 25_000,
    total: 7_025_000,
  },
  payment: { method: 'Virtual account', channel: 'BCA', transactionId: 'TRX-88A1C9F2', status: 'paid' },
  shipping: { courier: 'JNE', service: 'JTR', trackingNumber: 'JT1234567890' },
});

const longOrder = (count: number): InvoiceModel => {
  const items = Array.from({ length: count }, (_, i) => ({
    name: `Rak Buku Kayu Mahoni Model ${i + 1}`,
    variant: i % 3 === 0 ? 'Walnut' : null,
    sku: `RAK-${String(i + 1).padStart(4, '0')}`,
    quantity: (i % 4) + 1,
    unitPrice: 125_000,
    subtotal: ((i % 4) + 1) * 125_000,
  }));
  const subtotal = items.reduce((sum, item) => sum + item.subtotal, 0);
  return {
    ...sample(),
    items,
    summary: { subtotal, discount: 0, shippingCost: 500_000, total: subtotal + 500_000 },
  };
};

// --- A minimal reader for the PDFs pdfkit writes ---------------------------

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

/** Indirect objects by number; streams are inflated when deflated. */
function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const source = pdf.toString('latin1');
  for (const match of source.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) {
    const body = match[2]!;
    const streamAt = body.indexOf('\nstream\n');
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const start = match.index + match[0].indexOf('\nstream\n') + '\nstream\n'.length;
    const length = Number(/\/Length (\d+)/.exec(dict)![1]);
    const raw = pdf.subarray(start, start + length);
    objects.set(Number(match[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
  }
  return objects;
}

const windows1252 = new TextDecoder('windows-1252');

/** The text runs of a content stream: each `[<hex> kern <hex> ...] TJ` joined and decoded. */
function textRuns(content: Buffer): string[] {
  return [...content.toString('latin1').matchAll(/\[([^\]]*)\] TJ/g)].map((run) => {
    const hex = [...run[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
    return windows1252.decode(Buffer.from(hex, 'hex'));
  });
}

/** Page dictionaries in document order, each with the text drawn on it. */
function readPages(pdf: Buffer): { dict: string; text: string[] }[] {
  const objects = readObjects(pdf);
  const pagesTree = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict))!;
  const kids = /\/Kids \[([^\]]*)\]/.exec(pagesTree.dict)![1]!;
  return [...kids.matchAll(/(\d+) 0 R/g)].map((kid) => {
    const page = objects.get(Number(kid[1]))!;
    const contents = Number(/\/Contents (\d+) 0 R/.exec(page.dict)![1]);
    return { dict: page.dict, text: textRuns(objects.get(contents)!.stream!) };
  });
}

const pageObjectCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

// ---------------------------------------------------------------------------

describe('renderInvoicePdf', () => {
  it('produces a complete PDF document', async () => {
    const pdf = await renderInvoicePdf(sample());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('stores title, author and creation date in the document info', async () => {
    const source = (await renderInvoicePdf(sample(), { compress: false })).toString('latin1');
    expect(source).toContain('(Invoice ANS-2025-000123)');
    expect(source).toContain('(Ansania)');
    expect(source).toContain('(D:20250314023000Z)');
  });

  it('prints the order number, customer, every item and the formatted total', async () => {
    const pages = readPages(await renderInvoicePdf(sample(), { compress: false }));
    expect(pages).toHaveLength(1);
    const text = pages[0]!.text;
    expect(text).toContain('No. ANS-2025-000123');
    expect(text).toContain('Siti Rahmawati');
    expect(text).toContain('siti.rahma@example.com');
    for (const item of sample().items) expect(text).toContain(item.name);
    expect(text).toContain('Abu-abu muda  ·  SKU SOF-SCN-3-GRY');
    expect(text).toContain('Rp 4.850.000');
    expect(text).toContain('Discount (voucher HEMAT250)');
    expect(text).toContain('-Rp 250.000');
    expect(text).toContain('Shipping (JNE JTR)');
    expect(text).toContain('-Rp 25.000');
    expect(text).toContain('Total');
    expect(text).toContain('Rp 7.025.000');
    expect(text).toContain('JT1234567890');
    expect(text).toContain('PAID');
    expect(text).toContain('Page 1 of 1');
  });

  it('prints dates in the invoice time zone', async () => {
    const text = readPages(await renderInvoicePdf(sample(), { compress: false }))[0]!.text;
    expect(text).toContain('Issued: 14 Mar 2025, 09:30 WIB');
    expect(text).toContain('Paid: 14 Mar 2025, 10:05 WIB');
  });

  it('reads the same text out of the compressed (default) output', async () => {
    const text = readPages(await renderInvoicePdf(sample()))[0]!.text;
    expect(text).toContain('No. ANS-2025-000123');
    expect(text).toContain('Rp 7.025.000');
  });

  it('marks an unpaid order with its payment status and omits what is missing', async () => {
    const model: InvoiceModel = {
      ...sample(),
      paidAt: null,
      summary: { subtotal: 7_050_000, discount: 0, shippingCost: 0, total: 7_050_000 },
      payment: { method: 'Bank transfer', status: 'pending' },
      shipping: { courier: 'Ansania Delivery', service: 'Same day' },
    };
    const text = readPages(await renderInvoicePdf(model, { compress: false }))[0]!.text;
    expect(text).toContain('PENDING');
    expect(text).not.toContain('PAID');
    expect(text.some((run) => run.startsWith('Paid:'))).toBe(false);
    expect(text.some((run) => run.startsWith('Discount'))).toBe(false);
    expect(text).toContain('Not yet available');
    expect(text).toContain('Rp 7.050.000');
  });

  it('paginates a long order, repeating the table header and the footer on every page', async () => {
    const model = longOrder(120);
    const pdf = await renderInvoicePdf(model, { compress: false });
    const pages = readPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pageObjectCount(pdf)).toBe(pages.length);
    pages.forEach((page, index) => {
      expect(page.text).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page.dict).toContain('/MediaBox [0 0 595.28 841.89]');
    });
    for (const page of pages.slice(1))
      expect(page.text).toContain('Ansania  ·  Invoice ANS-2025-000123 (continued)');
    // Every page carrying item rows starts them under a repeated column header.
    const itemNames = new Set(model.items.map((item) => item.name));
    const tablePages = pages.filter((page) => page.text.some((run) => itemNames.has(run)));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const page of tablePages) expect(page.text).toContain('UNIT PRICE');
    const all = pages.flatMap((page) => page.text);
    for (const item of model.items) expect(all.filter((run) => run === item.name)).toHaveLength(1);
    expect(all).toContain(`Rp ${model.summary.total.toLocaleString('de-DE')}`);
  });

  it('is deterministic: the same model renders the same bytes', async () => {
    // pdfkit's trailer /ID is an MD5 of the document info (which carries
    // CreationDate = issuedAt), not random, so no stripping is needed.
    const [a, b] = await Promise.all([renderInvoicePdf(longOrder(40)), renderInvoicePdf(longOrder(40))]);
    expect(a.equals(b)).toBe(true);
    const [c, d] = await Promise.all([
      renderInvoicePdf(sample(), { compress: false }),
      renderInvoicePdf(sample(), { compress: false }),
    ]);
    expect(c.equals(d)).toBe(true);
  });

  it('replaces characters the built-in fonts cannot print instead of corrupting the text', async () => {
    const model: InvoiceModel = {
      ...sample(),
      customer: { name: 'Dewi 😀 Lestāri', email: 'dewi@example.com' },
    };
    const text = readPages(await renderInvoicePdf(model, { compress: false }))[0]!.text;
    expect(text).toContain('Dewi ? Lestari');
  });
});

describe('formatInvoiceDate', () => {
  it('uses the Indonesian zone names and falls back to the offset elsewhere', () => {
    const at = new Date('2025-01-31T17:15:00Z');
    expect(formatInvoiceDate(at, 'Asia/Jakarta')).toBe('01 Feb 2025, 00:15 WIB');
    expect(formatInvoiceDate(at, 'Asia/Makassar')).toBe('01 Feb 2025, 01:15 WITA');
    expect(formatInvoiceDate(at, 'Asia/Jayapura')).toBe('01 Feb 2025, 02:15 WIT');
    expect(formatInvoiceDate(at, 'UTC')).toBe('31 Jan 2025, 17:15 UTC');
  });
});
