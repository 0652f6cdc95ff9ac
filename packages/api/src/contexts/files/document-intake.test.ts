import { DomainError } from '@komisi/domain';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isPdf, processDocument } from './document-intake.ts';

const RULES = { maxBytes: 10 * 1024 * 1024, minLongEdge: 1024, minShortEdge: 768 };
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).fields;
}

describe('processDocument', () => {
  it('keeps a PDF byte for byte', async () => {
    const out = await processDocument(PDF, 'file', RULES);
    expect(out.contentType).toBe('application/pdf');
    expect(out.bytes.equals(PDF)).toBe(true);
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(isPdf(Buffer.from('%PDF'))).toBe(false);
  });

  it('re-encodes an image under the rules, up to the larger limit', async () => {
    const scan = await sharp({ create: { width: 1280, height: 960, channels: 3, background: '#ddd' } })
      .jpeg()
      .toBuffer();
    const out = await processDocument(scan, 'file', RULES);
    expect(out.contentType).toBe('image/jpeg');
    const small = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#ddd' } })
      .png()
      .toBuffer();
    expect(await refusal(processDocument(small, 'file', RULES))).toEqual({
      file: ['must be at least 1024×768 pixels'],
    });
  });

  it('refuses other formats, empty and oversized files', async () => {
    expect(await refusal(processDocument(Buffer.from('GIF89a....'), 'file', RULES))).toEqual({
      file: ['must be a JPEG, PNG or PDF file'],
    });
    expect(await refusal(processDocument(new Uint8Array(0), 'file', RULES))).toEqual({ file: ['is empty'] });
    const huge = Buffer.concat([PDF, Buffer.alloc(RULES.maxBytes)]);
    expect(await refusal(processDocument(huge, 'file', RULES))).toEqual({ file: ['must be at most 10 MB'] });
  });
});
