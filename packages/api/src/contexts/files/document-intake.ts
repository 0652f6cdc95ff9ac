import { createHash } from 'node:crypto';
import { fieldError } from '@komisi/domain';
import {
  checkUploadSize,
  type ImageContentType,
  type ImageRules,
  processImage,
  sniffImageType,
} from './image-intake.ts';

export type DocumentContentType = ImageContentType | 'application/pdf';

export interface ProcessedDocument {
  bytes: Buffer;
  contentType: DocumentContentType;
  /** hex SHA-256 of `bytes` (what is stored) */
  sha256: string;
}

const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');

/** A PDF by its magic bytes; the file name and the client's content type are never asked. */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= PDF_SIGNATURE.length && Buffer.from(bytes.subarray(0, 5)).equals(PDF_SIGNATURE);
}

/**
 * A document a person hands in (identity papers, statements): a JPEG or PNG goes through the image
 * pipeline under `rules` (re-encoded, metadata gone); a PDF is kept byte for byte (it cannot be
 * re-encoded) and is only ever served as a download, never shown inline. Anything else is refused.
 */
export async function processDocument(
  input: Uint8Array,
  field: string,
  rules: ImageRules & { maxBytes: number },
): Promise<ProcessedDocument> {
  checkUploadSize(input, field, rules.maxBytes);
  if (isPdf(input)) {
    const bytes = Buffer.from(input);
    return {
      bytes,
      contentType: 'application/pdf',
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  }
  if (!sniffImageType(input)) throw fieldError(field, 'must be a JPEG, PNG or PDF file');
  const image = await processImage(input, field, rules);
  return { bytes: image.bytes, contentType: image.contentType, sha256: image.sha256 };
}
