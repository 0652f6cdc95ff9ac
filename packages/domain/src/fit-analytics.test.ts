import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortFigures } from './fit-analytics.ts';

describe('cohortFigures', () => {
  it('counts paying participants only, their completions and average loss', () => {
    expect(
      cohortFigures([
        { paid: true, completed: true, weightLoss: 380 },
        { paid: true, completed: false, weightLoss: 290 },
        { paid: true, completed: true, weightLoss: null },
        { paid: false, completed: false, weightLoss: 1000 },
      ]),
    ).toEqual({ participants: 3, completed: 2, completionRate: 66.7, averageWeightLoss: 3.4 });
  });

  it('is zeros and no average for an empty cohort', () => {
    expect(cohortFigures([])).toEqual({
      participants: 0,
      completed: 0,
      completionRate: 0,
      averageWeightLoss: null,
    });
  });

  it('never counts more completions than participants', () => {
    const outcome = fc.record({
      paid: fc.boolean(),
      completed: fc.boolean(),
      weightLoss: fc.option(fc.integer({ min: -2000, max: 5000 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(outcome), (outcomes) => {
        const f = cohortFigures(outcomes);
        expect(f.completed).toBeLessThanOrEqual(f.participants);
        expect(f.completionRate).toBeGreaterThanOrEqual(0);
        expect(f.completionRate).toBeLessThanOrEqual(100);
      }),
    );
  });
});
