import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepArray, hostileValue, VALUE_CLASSES } from './hostile-values.ts';
import { fieldPaths, type Schema, setAt, validValue } from './schema-walk.ts';
import { abbreviate, percentEncode, RawJson, toJsonText } from './wire-text.ts';

const order: Schema = {
  type: 'object',
  properties: {
    product_id: { type: 'integer', exclusiveMinimum: 0, maximum: 9007199254740991 },
    email: { type: 'string', format: 'email' },
    account_number: { type: 'string', pattern: '^[0-9][0-9 -]{4,30}[0-9]$' },
    items: { type: 'array', items: { type: 'object', properties: { qty: { type: 'integer' } } } },
    note: { anyOf: [{ type: 'string', maxLength: 5 }, { type: 'null' }] },
  },
  required: ['product_id', 'email', 'account_number'],
};

describe('hostile values', () => {
  it('writes raw JSON parts as they are: lone surrogate escapes and deep nesting reach the parser', () => {
    const text = toJsonText({ a: new RawJson('"\\ud800"'), b: deepArray(3), c: undefined, d: '\u0000' });
    expect(text).toBe('{"a":"\\ud800","b":[[[]]],"d":"\\u0000"}');
    expect(JSON.parse(text).a).toBe('\ud800');
  });

  it('percent-encodes lone surrogates as their WTF-8 bytes and pairs as UTF-8', () => {
    expect(percentEncode('\ud800x')).toBe('%ED%A0%80x');
    expect(percentEncode('😀/')).toBe('%F0%9F%98%80%2F');
  });

  it('prints long runs, control characters and lone surrogates readably', () => {
    expect(abbreviate(`a${'x'.repeat(100_000)}\n\ud800`)).toBe('a‹x›×100000\\u000a\\ud800');
    expect(abbreviate('[['.repeat(5_000))).toBe('‹[›×10000');
  });

  it('walks nested fields and sets a value at a path without touching the original', () => {
    expect(fieldPaths(order)).toEqual([
      ['product_id'],
      ['email'],
      ['account_number'],
      ['items'],
      ['items', 0],
      ['items', 0, 'qty'],
      ['note'],
    ]);
    const base = { items: [{ qty: 1 }] };
    expect(setAt(base, ['items', 0, 'qty'], 'x')).toEqual({ items: [{ qty: 'x' }] });
    expect(base.items[0]!.qty).toBe(1);
  });

  it('generates baselines the schema accepts', () => {
    fc.assert(
      fc.property(validValue(order), (v) => {
        const o = v as { product_id: number; email: string; account_number: string };
        expect(Number.isSafeInteger(o.product_id) && o.product_id > 0).toBe(true);
        expect(o.email).toMatch(/^[^@]+@example\.com$/);
        expect(o.account_number).toMatch(/^[0-9][0-9 -]{4,30}[0-9]$/);
      }),
      { seed: 1, numRuns: 50 },
    );
  });

  it('has values of every class for every kind of field', () => {
    for (const cls of VALUE_CLASSES)
      for (const schema of [{ type: 'string' }, { type: 'integer' }, { type: 'object' }, {}])
        expect(fc.sample(hostileValue(cls, schema), { seed: 1, numRuns: 3 })).toHaveLength(3);
  });
});
