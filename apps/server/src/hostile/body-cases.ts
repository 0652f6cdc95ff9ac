import { deepArray, deepObject } from './hostile-values.ts';
import { type CaseBody, multipart } from './http-case.ts';
import type { OperationSpec } from './operations.ts';
import { TINY_PNG_BASE64 } from './schema-walk.ts';
import { toJsonText } from './wire-text.ts';

// Whole-body attacks on an operation: bodies that are not the object it takes, and its body under
// content types it does not take.

export const jsonBody = (value: unknown, contentType = 'application/json'): CaseBody => {
  const text = toJsonText(value);
  return { make: () => text, shown: text, contentType };
};

export const rawBody = (text: string, contentType?: string): CaseBody => ({
  make: () => text,
  shown: text,
  ...(contentType !== undefined && { contentType }),
});

/** Form fields of a baseline body: strings as they are, other values as JSON text. */
export function formFields(body: unknown): [string, string][] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
  return Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : toJsonText(v)]);
}

const PNG_BYTES = Buffer.from(TINY_PNG_BASE64, 'base64');

/** Whole bodies that are not the object an operation takes. */
export function wholeBodies(baseline: unknown): CaseBody[] {
  const text = toJsonText(baseline ?? {});
  const inner = text.startsWith('{') && text.length > 2 ? text.slice(1, -1) : '"a":1';
  const firstKey = Object.keys((baseline as object | null) ?? {})[0] ?? 'a';
  return [
    rawBody('', 'application/json'),
    rawBody('null', 'application/json'),
    rawBody('[]', 'application/json'),
    rawBody('"x"', 'application/json'),
    rawBody('1e308', 'application/json'),
    rawBody('true', 'application/json'),
    rawBody('{', 'application/json'),
    rawBody(`{${inner},}`, 'application/json'),
    rawBody("{'a':1}", 'application/json'),
    rawBody(`${text}${text}`, 'application/json'),
    rawBody(`${text}\u0000`, 'application/json'),
    jsonBody(deepArray()),
    jsonBody(deepObject()),
    rawBody(
      `{${inner},"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}`,
      'application/json',
    ),
    rawBody(`{${inner},${JSON.stringify(firstKey)}:{"$gt":""}}`, 'application/json'),
    rawBody(
      `{${inner},"role":"admin","roles":["admin"],"tenant_id":1,"tenantId":2,"id":1,"status":"paid","is_admin":true}`,
      'application/json',
    ),
    rawBody(`{${inner},"\\u0000":1}`, 'application/json'),
    rawBody(`{${inner},"\\ud800":"\\udc00"}`, 'application/json'),
    rawBody(`{${inner},"pad":"${'x'.repeat(1_100_000)}"}`, 'application/json'),
    rawBody(`{${inner},"list":${JSON.stringify(Array(100_000).fill(0))}}`, 'application/json'),
  ];
}

/** The baseline body under content types the operation does not take (and broken ones it does). */
export function otherContentTypes(op: OperationSpec, baseline: unknown): CaseBody[] {
  const text = toJsonText(baseline ?? {});
  const fields = formFields(baseline);
  const form = new URLSearchParams([...fields, ['x', '\u0000']]).toString();
  const bytes = (data: Uint8Array, shown: string, contentType?: string): CaseBody => ({
    make: () => data as unknown as BodyInit,
    shown,
    ...(contentType !== undefined && { contentType }),
  });
  const list = [
    rawBody(text, 'text/plain'),
    rawBody(form, 'application/x-www-form-urlencoded'),
    multipart(fields, []),
    rawBody('--xyz\r\ngarbage', 'multipart/form-data; boundary=xyz'),
    rawBody(text, 'multipart/form-data'),
    rawBody(
      '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
      'application/xml',
    ),
    bytes(new TextEncoder().encode(text), `${text} (no content-type)`),
    bytes(
      new Uint8Array(Buffer.from(text, 'utf16le')),
      `${text} (as UTF-16LE)`,
      'application/json; charset=utf-16le',
    ),
    bytes(
      new Uint8Array([
        0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0x22, 0x7d,
      ]),
      '{"a":"<ff fe c0 80 ed a0 80>"} (invalid UTF-8)',
      'application/json',
    ),
    rawBody(`\ufeff${text}`, 'application/json'),
  ];
  const uploadTargets = op.uploads.length ? op.uploads : ['file'];
  const files: [string, Blob, string][][] = uploadTargets.flatMap((field) => [
    [[field, new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'image/png' }), 'x.png']],
    [[field, new Blob([PNG_BYTES.subarray(0, 30)], { type: 'image/png' }), 'truncated.png']],
    [
      [
        field,
        new Blob(['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'], { type: 'image/svg+xml' }),
        'x.svg',
      ],
    ],
    [[field, new Blob([], { type: 'image/jpeg' }), '../../etc/passwd']],
    [[field, new Blob([PNG_BYTES], { type: 'image/png' }), `${'a'.repeat(10_000)}\u0000.png`]],
  ]);
  for (const f of files) list.push(multipart(fields, f));
  return list;
}
