import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnsafeText, MAX_INPUT_DEPTH } from './unsafe-text.ts';

describe('findUnsafeText', () => {
  it('names the field holding a NUL character', () => {
    expect(findUnsafeText({ email: 'a\u0000b@x.io' })).toEqual({
      field: 'email',
      message: 'must not contain NUL characters',
    });
  });

  it('names a nested field holding a lone surrogate', () => {
    expect(findUnsafeText({ contact: { lines: ['ok', '\ud800'] } })?.field).toBe('contact.lines.1');
  });

  it('names the parent of an unsafe key', () => {
    expect(findUnsafeText({ meta: { 'a\u0000': 1 } })?.field).toBe('meta');
  });

  it('names the input itself when it is the unsafe string', () => {
    expect(findUnsafeText('\udc00')?.field).toBe('_');
  });

  it('refuses nesting past the limit without recursing further', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(findUnsafeText({ a: deep })?.message).toBe('is nested too deeply');
    let fine: unknown = 'x';
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) fine = [fine];
    expect(findUnsafeText(fine)).toBeNull();
  });

  it('leaves class instances (superjson dates, maps) alone', () => {
    expect(findUnsafeText({ at: new Date(0), m: new Map([['\u0000', 1]]) })).toBeNull();
  });

  it('accepts every well-formed text without NUL (emoji, Indonesian, Arabic)', () => {
    expect(findUnsafeText({ name: 'Kambing 🐐 — قربان', n: 1, ok: true, none: null })).toBeNull();
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (value) => {
        const unsafe = stringsOf(value).some((s) => s.includes('\u0000') || !s.isWellFormed());
        expect(findUnsafeText(value) !== null).toBe(unsafe || depthOf(value) > MAX_INPUT_DEPTH);
      }),
    );
  });
});

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  return Object.entries(value).flatMap(([k, v]) => [k, ...stringsOf(v)]);
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const items = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...items.map(depthOf));
}
