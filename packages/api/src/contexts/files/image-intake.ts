import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fieldError, isDomainError } from '@komisi/domain';
import type Sharp from 'sharp';

const require = createRequire(import.meta.url);

/** Uploaded images: the limits and the one pipeline every image goes through before it is stored. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Larger than any phone camera's photo (50 MP ≈ 8160 × 6120); a small file claiming more is a bomb. */
export const MAX_INPUT_PIXELS = 50_000_000;
/** Stored images are scaled down to fit this square; a KTP stays legible, profile photos stay small. */
export const MAX_OUTPUT_EDGE = 2560;

export type ImageContentType = 'image/jpeg' | 'image/png';

/** What one kind of upload asks beyond the common pipeline (every rule is optional). */
export interface ImageRules {
  /** the largest upload; default 5 MB */
  maxBytes?: number | undefined;
  /** the smallest image, by its long and short edge (either orientation) */
  minLongEdge?: number | undefined;
  minShortEdge?: number | undefined;
  /** crop to the centred square, at most this many pixels a side (profile pictures) */
  square?: number | undefined;
}

const MB = 1024 * 1024;

export interface ProcessedImage {
  bytes: Buffer;
  contentType: ImageContentType;
  width: number;
  height: number;
  /** hex SHA-256 of `bytes` (what is stored, after re-encoding) */
  sha256: string;
}

/** The smallest an image may be, in either orientation (a portrait 600×800 meets 800×600). */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** JPEG or PNG by their magic bytes; the file name and the client's content type are never asked. */
export function sniffImageType(bytes: Uint8Array): ImageContentType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && Buffer.from(bytes.buffer, bytes.byteOffset, 8).equals(PNG_SIGNATURE)) {
    return 'image/png';
  }
  return null;
}

/** The size check every upload starts with: not empty, at most `maxBytes`. */
export function checkUploadSize(input: Uint8Array, field: string, maxBytes: number): void {
  if (input.byteLength === 0) throw fieldError(field, 'is empty');
  if (input.byteLength > maxBytes) throw fieldError(field, `must be at most ${maxBytes / MB} MB`);
}

/**
 * Checks an upload and re-encodes it: JPEG or PNG by magic bytes, at most 5 MB (or `rules.maxBytes`),
 * at most 50 megapixels and at least the rules' edges (checked from the header before anything is
 * decoded), then decoded, turned upright by its EXIF orientation, scaled to fit 2560 px (or cropped
 * to the rules' square) and encoded again in the same format. Re-encoding keeps only pixels: EXIF
 * (GPS position, camera, time), XMP, IPTC, ICC and anything hidden after the image are gone. `field`
 * names the input in validation errors.
 */
export async function processImage(
  input: Uint8Array,
  field = 'file',
  rules: ImageRules = {},
): Promise<ProcessedImage> {
  checkUploadSize(input, field, rules.maxBytes ?? MAX_IMAGE_BYTES);
  const contentType = sniffImageType(input);
  if (!contentType) throw fieldError(field, 'must be a JPEG or PNG image');

  // sharp's native library loads with the first image, not at server start (most requests carry none)
  const sharp = require('sharp') as typeof Sharp;
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' as const, sequentialRead: true };
  let format: string | undefined;
  let shortEdge = 0;
  try {
    const meta = await sharp(input, options).metadata();
    format = meta.format;
    const [width, height] = [meta.width ?? 0, meta.height ?? 0];
    if (width * height > MAX_INPUT_PIXELS) {
      throw fieldError(field, 'has too many pixels (at most 50 megapixels)');
    }
    shortEdge = Math.min(width, height);
    checkEdges(field, width, height, rules);
  } catch (e) {
    if (isDomainError(e)) throw e;
    throw unreadable(field, e);
  }
  if (format !== (contentType === 'image/jpeg' ? 'jpeg' : 'png'))
    throw fieldError(field, 'must be a JPEG or PNG image');

  try {
    const side = rules.square === undefined ? undefined : Math.min(rules.square, shortEdge);
    const pipeline = sharp(input, options)
      .rotate()
      .resize(
        side === undefined
          ? { width: MAX_OUTPUT_EDGE, height: MAX_OUTPUT_EDGE, fit: 'inside', withoutEnlargement: true }
          : { width: side, height: side, fit: 'cover', position: 'centre' },
      );
    const encoded =
      contentType === 'image/jpeg'
        ? pipeline.jpeg({ quality: 85, mozjpeg: true })
        : pipeline.png({ compressionLevel: 9 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return {
      bytes: data,
      contentType,
      width: info.width,
      height: info.height,
      sha256: createHash('sha256').update(data).digest('hex'),
    };
  } catch (e) {
    throw unreadable(field, e);
  }
}

function checkEdges(field: string, width: number, height: number, rules: ImageRules): void {
  const long = rules.minLongEdge ?? 0;
  const short = rules.minShortEdge ?? 0;
  if (Math.max(width, height) < long || Math.min(width, height) < short) {
    throw fieldError(field, `must be at least ${long}×${short} pixels`);
  }
}

function unreadable(field: string, cause: unknown) {
  const message = cause instanceof Error ? cause.message : '';
  if (/pixel limit/i.test(message)) return fieldError(field, 'has too many pixels (at most 50 megapixels)');
  return fieldError(field, 'could not be read as an image');
}
