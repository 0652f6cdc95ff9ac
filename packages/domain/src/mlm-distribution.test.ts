import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CommissionLine, distribute } from './mlm-distribution.ts';
import { DTEHM_DEFAULT_PLAN, type MlmPlan } from './mlm-plan.ts';

interface Member {
  id: number;
  name: string;
}

const invalid = (fields: Record<string, string[]>) =>
  expect.objectContaining({ code: 'VALIDATION_ERROR', fields });

const member = (id: number): Member => ({ id, name: `member-${id}` });
const chain = (length: number, firstId = 1): Member[] =>
  Array.from({ length }, (_, i) => member(firstId + i));
const stockist = member(100);
const plan = (overrides: Partial<MlmPlan>): MlmPlan => ({ ...DTEHM_DEFAULT_PLAN, ...overrides });

const summary = (lines: readonly CommissionLine<Member>[]) =>
  lines.map((line) => [line.level, line.member.id, line.amount]);

describe('distribute', () => {
  it('pays the worked example: 850000 over a full 10-level chain', () => {
    const result = distribute(DTEHM_DEFAULT_PLAN, chain(10), stockist, 850000);

    expect(summary(result.lines)).toEqual([
      ['Stockist', 100, 68000],
      ['GN1', 1, 25500],
      ['GN2', 2, 21250],
      ['GN3', 3, 17000],
      ['GN4', 4, 12750],
      ['GN5', 5, 8500],
      ['GN6', 6, 6800],
      ['GN7', 7, 5100],
      ['GN8', 8, 4250],
      ['GN9', 9, 3400],
      ['GN10', 10, 1700],
    ]);
    expect(result.stockistAmount).toBe(68000);
    expect(result.networkAmount).toBe(106250);
    expect(result.totalAmount).toBe(174250);
    expect(result.retainedAmount).toBe(675750);
    expect(result.base).toBe(850000);
  });

  it('describes each line fully', () => {
    const [stockistLine, gn1] = distribute(DTEHM_DEFAULT_PLAN, chain(1), stockist, 850000).lines;
    expect(stockistLine).toEqual({
      level: 'Stockist',
      kind: 'stockist',
      generation: 0,
      rateBps: 800,
      member: stockist,
      amount: 68000,
    });
    expect(gn1).toEqual({
      level: 'GN1',
      kind: 'network',
      generation: 1,
      rateBps: 300,
      member: member(1),
      amount: 25500,
    });
  });

  it('keeps the stockist share with the company when there is no stockist', () => {
    for (const none of [null, undefined]) {
      const result = distribute(DTEHM_DEFAULT_PLAN, chain(10), none, 850000);
      expect(result.lines[0]?.level).toBe('GN1');
      expect(result.stockistAmount).toBe(0);
      expect(result.totalAmount).toBe(106250);
      expect(result.retainedAmount).toBe(743750);
    }
  });

  it('pays only existing uplines of a short chain', () => {
    const result = distribute(DTEHM_DEFAULT_PLAN, chain(2), stockist, 850000);
    expect(summary(result.lines)).toEqual([
      ['Stockist', 100, 68000],
      ['GN1', 1, 25500],
      ['GN2', 2, 21250],
    ]);
    expect(result.networkAmount).toBe(46750);
  });

  it('ignores uplines beyond the last generation', () => {
    const result = distribute(DTEHM_DEFAULT_PLAN, chain(15), stockist, 850000);
    expect(result.lines).toHaveLength(11);
    expect(result.lines.at(-1)?.level).toBe('GN10');
  });

  it('without compression, a missing upline forfeits its level to the company', () => {
    const uplines = [member(1), null, member(3), undefined, member(5)];
    const result = distribute(DTEHM_DEFAULT_PLAN, uplines, null, 850000);
    expect(summary(result.lines)).toEqual([
      ['GN1', 1, 25500],
      ['GN3', 3, 17000],
      ['GN5', 5, 8500],
    ]);
    expect(result.retainedAmount).toBe(850000 - 51000);
  });

  it('with compression, the next existing upline moves up to the open level', () => {
    const compressed = plan({ compression: true });
    const uplines = [member(1), null, member(3), undefined, member(5)];
    const result = distribute(compressed, uplines, null, 850000);
    expect(summary(result.lines)).toEqual([
      ['GN1', 1, 25500],
      ['GN2', 3, 21250],
      ['GN3', 5, 17000],
    ]);
  });

  it('with compression, uplines beyond the last generation can move up into it', () => {
    const compressed = plan({ compression: true, generationRatesBps: [300, 200] });
    const result = distribute(compressed, [null, member(1), null, member(2), member(3)], null, 10000);
    expect(summary(result.lines)).toEqual([
      ['GN1', 1, 300],
      ['GN2', 2, 200],
    ]);
  });

  it('omits zero-rate levels and levels whose share floors to zero', () => {
    const sparse = plan({ stockistRateBps: 0, generationRatesBps: [300, 0, 1] });
    const result = distribute(sparse, chain(3), stockist, 100);
    // 100 x 300 bps = 3; 100 x 1 bp = 0.01 floors to 0.
    expect(summary(result.lines)).toEqual([['GN1', 1, 3]]);
    expect(result.retainedAmount).toBe(97);
  });

  it('pays nothing on a zero amount', () => {
    expect(distribute(DTEHM_DEFAULT_PLAN, chain(10), stockist, 0)).toEqual({
      lines: [],
      stockistAmount: 0,
      networkAmount: 0,
      totalAmount: 0,
      retainedAmount: 0,
      base: 0,
    });
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('rejects amount %s', (amount) => {
    expect(() => distribute(DTEHM_DEFAULT_PLAN, chain(1), stockist, amount)).toThrow(
      invalid({ amount: ['must be a whole, non-negative number of minor units'] }),
    );
  });

  it('rejects an invalid plan', () => {
    expect(() => distribute(plan({ stockistRateBps: -1 }), chain(1), stockist, 100)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_ERROR', message: 'The commission plan is invalid.' }),
    );
  });

  it('does not mutate its inputs', () => {
    const uplines = Object.freeze(chain(3));
    const frozenPlan = Object.freeze(plan({ compression: true }));
    expect(() => distribute(frozenPlan, uplines, stockist, 850000)).not.toThrow();
  });
});

describe('distribute properties', () => {
  const maybeMember = fc.option(fc.integer({ min: 1, max: 1000 }).map(member), { nil: null, freq: 3 });
  const uplinesArb = fc.array(fc.oneof(maybeMember, fc.constant(undefined)), { maxLength: 25 });
  const amountArb = fc.oneof(
    fc.integer({ min: 0, max: 10_000 }),
    fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  );

  // Any valid plan: up to 20 generations, total rate within 10000 bps.
  const planArb: fc.Arbitrary<MlmPlan> = fc
    .record({
      stockistRateBps: fc.integer({ min: 0, max: 3000 }),
      generationRatesBps: fc.array(fc.integer({ min: 0, max: 350 }), { maxLength: 20 }),
      compression: fc.boolean(),
    })
    .map((rates) => ({ ...DTEHM_DEFAULT_PLAN, ...rates }));

  const inputArb = fc.record({
    plan: planArb,
    uplines: uplinesArb,
    stockist: maybeMember,
    amount: amountArb,
  });

  const totalRate = (p: MlmPlan) =>
    p.generationRatesBps.reduce((total, rate) => total + rate, p.stockistRateBps);

  it('never pays a negative amount', () => {
    fc.assert(
      fc.property(inputArb, ({ plan, uplines, stockist, amount }) => {
        const result = distribute(plan, uplines, stockist, amount);
        for (const line of result.lines) expect(line.amount).toBeGreaterThan(0);
        expect(result.retainedAmount).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('never pays more than amount x total rate / 10000', () => {
    fc.assert(
      fc.property(inputArb, ({ plan, uplines, stockist, amount }) => {
        const { totalAmount } = distribute(plan, uplines, stockist, amount);
        expect(BigInt(totalAmount) * 10000n <= BigInt(amount) * BigInt(totalRate(plan))).toBe(true);
      }),
    );
  });

  it('keeps the books balanced', () => {
    fc.assert(
      fc.property(inputArb, ({ plan, uplines, stockist, amount }) => {
        const result = distribute(plan, uplines, stockist, amount);
        const lineTotal = result.lines.reduce((total, line) => total + line.amount, 0);
        expect(lineTotal).toBe(result.totalAmount);
        expect(result.stockistAmount + result.networkAmount).toBe(result.totalAmount);
        expect(result.totalAmount + result.retainedAmount).toBe(amount);
        expect(result.base).toBe(amount);
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(inputArb, ({ plan, uplines, stockist, amount }) => {
        expect(distribute(plan, uplines, stockist, amount)).toEqual(
          distribute(plan, uplines, stockist, amount),
        );
      }),
    );
  });

  it('orders lines Stockist first, then generations ascending', () => {
    fc.assert(
      fc.property(inputArb, ({ plan, uplines, stockist, amount }) => {
        const generations = distribute(plan, uplines, stockist, amount).lines.map((line) => line.generation);
        expect(generations).toEqual([...generations].sort((a, b) => a - b));
        expect(generations.filter((generation) => generation === 0).length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('without compression, removing the upline at level i drops only the GNi line', () => {
    fc.assert(
      fc.property(
        inputArb.map((input) => ({ ...input, plan: { ...input.plan, compression: false } })),
        fc.nat(),
        ({ plan, uplines, stockist, amount }, pick) => {
          fc.pre(uplines.length > 0);
          const index = pick % uplines.length;
          const withGap = uplines.map((upline, i) => (i === index ? null : upline));

          const before = distribute(plan, uplines, stockist, amount).lines;
          const after = distribute(plan, withGap, stockist, amount).lines;

          const level = `GN${index + 1}`;
          expect(after.some((line) => line.level === level)).toBe(false);
          expect(after).toEqual(before.filter((line) => line.level !== level));
        },
      ),
    );
  });

  it('with compression, every existing upline up to the generation count gets a line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 350 }), { maxLength: 20 }),
        uplinesArb,
        fc.integer({ min: 10_000, max: Number.MAX_SAFE_INTEGER }),
        (generationRatesBps, uplines, amount) => {
          // Positive rates on at least 10000 minor units never floor to zero, so no line is omitted.
          const compressed = plan({ compression: true, generationRatesBps });
          const existing = uplines.filter((upline) => upline != null);
          const networkLines = distribute(compressed, uplines, null, amount).lines;

          expect(networkLines).toHaveLength(Math.min(existing.length, generationRatesBps.length));
          networkLines.forEach((line, i) => {
            expect(line.generation).toBe(i + 1);
            expect(line.member).toBe(existing[i]);
          });
        },
      ),
    );
  });
});
