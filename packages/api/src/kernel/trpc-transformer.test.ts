import fc from 'fast-check';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { trpcTransformer } from './trpc-transformer.ts';

/** Values as answers hold them: JSON, and what superjson has to describe (dates, undefined, -0, maps…). */
const answer = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY, -0, 10n),
    fc.date({ noInvalidDate: true }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 4 }),
    fc.constant(new Map([['a', 1]])),
    fc.constant(new Set([1])),
  ),
})).value;

/** What a call returned, or the message it threw (superjson refuses keys such as `prototype`). */
function outcome(call: () => unknown): { returned: unknown } | { threw: string } {
  try {
    return { returned: call() };
  } catch (e) {
    return { threw: (e as Error).message };
  }
}

describe('the tRPC transformer', () => {
  it('writes what superjson writes, or refuses what it refuses, for any answer', () => {
    fc.assert(
      fc.property(answer, (value) => {
        expect(outcome(() => trpcTransformer.serialize(value))).toStrictEqual(
          outcome(() => superjson.serialize(value as never)),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves shared and circular objects, sparse arrays and class instances to superjson', () => {
    const shared = { a: 1 };
    const circular: Record<string, unknown> = { b: 2 };
    circular.self = circular;
    const sparse: number[] = [];
    sparse[0] = 1;
    sparse[2] = 3;
    class Point {
      x = 1;
    }
    for (const value of [{ x: shared, y: shared }, circular, sparse, new Point(), Object.create(null)]) {
      expect(trpcTransformer.serialize(value)).toStrictEqual(superjson.serialize(value as never));
    }
    expect(() => trpcTransformer.serialize(JSON.parse('{"__proto__": {"x": 1}}'))).toThrow();
    // found by the property above: a key superjson refuses, deep in arrays
    expect(() => trpcTransformer.serialize([[[{ prototype: '' }]]])).toThrow(/prototype/);
  });

  it('reads back what it wrote', () => {
    fc.assert(
      fc.property(answer, (value) => {
        const written = outcome(() => trpcTransformer.serialize(value));
        fc.pre('returned' in written);
        const wire = JSON.parse(JSON.stringify(written.returned));
        expect(trpcTransformer.deserialize(wire)).toStrictEqual(superjson.deserialize(wire));
      }),
      { numRuns: 500 },
    );
  });
});
