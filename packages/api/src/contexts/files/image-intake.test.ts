import { crc32, deflateSync } from 'node:zlib';
import { DomainError } from '@komisi/domain';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_BYTES, MAX_OUTPUT_EDGE, processImage, sniffImageType } from './image-intake.ts';

const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } });

/** A photo as a phone writes it: EXIF with the camera owner and a GPS position, rotated by a tag. */
async function phoneJpeg() {
  return solid(64, 48)
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Artist: 'SECRET-ARTIST', Make: 'PhoneMaker' },
      IFD3: {
        GPSLatitudeRef: 'S',
        GPSLatitude: '6/1 12/1 30/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '106/1 49/1 0/1',
      },
    })
    .toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A few hundred bytes whose header claims 60000 × 60000 pixels (3.6 gigapixels). */
function pngBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(60_000, 0);
  ihdr.writeUInt32BE(60_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(60_001))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('sniffImageType', () => {
  it('knows JPEG and PNG by their first bytes only', () => {
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffImageType(Buffer.from('GIF89a...'))).toBeNull();
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffImageType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(new Uint8Array(0))).toBeNull();
  });
});

describe('processImage', () => {
  it('re-encodes a JPEG without its EXIF (GPS, camera) and turned upright', async () => {
    const input = await phoneJpeg();
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined();
    expect(input.includes('SECRET-ARTIST')).toBe(true);

    const out = await processImage(input, 'ktp_image');
    expect(out.contentType).toBe('image/jpeg');
    const after = await sharp(out.bytes).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(out.bytes.includes('SECRET-ARTIST')).toBe(false);
    expect(out.bytes.includes('PhoneMaker')).toBe(false);
    expect(out.bytes.includes('Exif')).toBe(false);
    // orientation 6 (rotate 90°) applied to the pixels before the tag was dropped
    expect([out.width, out.height]).toEqual([48, 64]);
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps a PNG a PNG, without its metadata', async () => {
    const input = await solid(20, 10)
      .png()
      .withExif({ IFD0: { Artist: 'PNG-ARTIST' } })
      .toBuffer();
    expect(input.includes('PNG-ARTIST')).toBe(true);
    const out = await processImage(input);
    expect(out.contentType).toBe('image/png');
    expect((await sharp(out.bytes).metadata()).exif).toBeUndefined();
    expect(out.bytes.includes('PNG-ARTIST')).toBe(false);
  });

  it('scales large images down to fit the output square', async () => {
    const out = await processImage(await solid(3000, 1000).jpeg({ quality: 30 }).toBuffer());
    expect(out.width).toBe(MAX_OUTPUT_EDGE);
    expect(out.height).toBe(853);
  });

  it('refuses other formats whatever they claim to be', async () => {
    const gif = await solid(4, 4).gif().toBuffer();
    expect((await rejection(processImage(gif, 'ktp_image'))).fields).toEqual({
      ktp_image: ['must be a JPEG or PNG image'],
    });
    const webp = await solid(4, 4).webp().toBuffer();
    expect((await rejection(processImage(webp))).fields).toEqual({ file: ['must be a JPEG or PNG image'] });
  });

  it('refuses empty, oversized and broken files', async () => {
    expect((await rejection(processImage(new Uint8Array(0)))).fields).toEqual({ file: ['is empty'] });
    const big = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect((await rejection(processImage(big))).fields).toEqual({ file: ['must be at most 5 MB'] });
    const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    expect((await rejection(processImage(garbage))).fields).toEqual({
      file: ['could not be read as an image'],
    });
    const truncated = (await solid(200, 200).png().toBuffer()).subarray(0, 60);
    expect((await rejection(processImage(truncated))).fields).toEqual({
      file: ['could not be read as an image'],
    });
  });

  it('refuses a decompression bomb before decoding it', async () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(1000);
    expect((await rejection(processImage(bomb))).fields).toEqual({
      file: ['has too many pixels (at most 50 megapixels)'],
    });
  });

  it('keeps to an upload’s rules: a larger limit, the smallest edges, a centred square', async () => {
    const wide = await solid(900, 500).png().toBuffer();
    const square = await processImage(wide, 'file', { minLongEdge: 400, minShortEdge: 400, square: 1024 });
    expect([square.width, square.height]).toEqual([500, 500]);
    const capped = await processImage(await solid(1200, 1600).jpeg().toBuffer(), 'file', { square: 800 });
    expect([capped.width, capped.height]).toEqual([800, 800]);
    expect(
      (
        await rejection(
          processImage(await solid(399, 600).png().toBuffer(), 'file', {
            minLongEdge: 400,
            minShortEdge: 400,
          }),
        )
      ).fields,
    ).toEqual({ file: ['must be at least 400×400 pixels'] });
    // either orientation: a portrait scan of 768 × 1024 is as good as a landscape one
    const portrait = await solid(768, 1024).jpeg().toBuffer();
    expect((await processImage(portrait, 'file', { minLongEdge: 1024, minShortEdge: 768 })).height).toBe(
      1024,
    );
    const big = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect((await rejection(processImage(big, 'file', { maxBytes: 10 * 1024 * 1024 }))).fields).toEqual({
      file: ['could not be read as an image'],
    });
  });
});

describe('processImage with a minimum size', () => {
  const min = { minLongEdge: 800, minShortEdge: 600 };

  it('takes an image of at least the size, landscape or portrait', async () => {
    await expect(processImage(await solid(800, 600).png().toBuffer(), 'front', min)).resolves.toMatchObject({
      width: 800,
      height: 600,
    });
    await expect(processImage(await solid(600, 800).jpeg().toBuffer(), 'front', min)).resolves.toMatchObject({
      width: 600,
      height: 800,
    });
  });

  it('refuses a smaller one, naming the field', async () => {
    const error = await rejection(processImage(await solid(799, 600).jpeg().toBuffer(), 'front', min));
    expect(error.fields).toEqual({ front: ['must be at least 800×600 pixels'] });
    const narrow = await rejection(processImage(await solid(1200, 599).jpeg().toBuffer(), 'front', min));
    expect(narrow.fields).toEqual({ front: ['must be at least 800×600 pixels'] });
  });
});
