import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACHIEVEMENTS,
  achievements,
  averageMeasurement,
  bmi,
  type CheckInFigures,
  fromHundredths,
  progressToGoal,
  toHundredths,
  weightLoss,
  workoutCompletionRate,
} from './fit-progress.ts';

const invalid = (fields: Record<string, string[]>) =>
  expect.objectContaining({ code: 'VALIDATION_ERROR', fields });

describe('hundredths', () => {
  it('reads at most two decimals exactly', () => {
    expect(toHundredths(75.5, 'weight')).toBe(7550);
    expect(toHundredths(73.2, 'weight')).toBe(7320);
    expect(toHundredths(0.29, 'weight')).toBe(29);
    expect(toHundredths(-0, 'weight')).toBe(0);
    expect(fromHundredths(7320)).toBe(73.2);
  });

  it.each([73.255, Number.NaN, Number.POSITIVE_INFINITY, 1e20])('refuses %s', (value) => {
    expect(() => toHundredths(value, 'weight')).toThrow(
      invalid({ weight: ['must have at most 2 decimals'] }),
    );
  });

  it('round-trips every two-decimal value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }), (h) => {
        expect(toHundredths(fromHundredths(h), 'x')).toBe(h);
      }),
    );
  });
});

describe('bmi / weightLoss / progressToGoal (the spec example)', () => {
  it('is 26.1 at the start and 25.3 at 73.2 kg; 2.3 kg lost, 41.8% to goal', () => {
    expect(bmi(7550, 17000)).toBe(26.1);
    expect(bmi(7320, 17000)).toBe(25.3);
    expect(weightLoss(7550, 7320)).toBe(230);
    expect(progressToGoal(7550, 7000, 7320)).toBe(41.8);
  });

  it('refuses a height of zero', () => {
    expect(() => bmi(7000, 0)).toThrow(invalid({ height: ['must be positive'] }));
  });

  it('clamps progress between 0 and 100 in either direction', () => {
    expect(progressToGoal(7550, 7000, 7700)).toBe(0);
    expect(progressToGoal(7550, 7000, 6900)).toBe(100);
    expect(progressToGoal(6000, 6500, 6250)).toBe(50);
    expect(progressToGoal(6000, 6000, 6000)).toBe(100);
    expect(progressToGoal(6000, 6000, 6100)).toBe(0);
    fc.assert(
      fc.property(
        fc.integer({ min: 3000, max: 30000 }),
        fc.integer({ min: 3000, max: 30000 }),
        fc.integer({ min: 3000, max: 30000 }),
        (initial, target, current) => {
          const p = progressToGoal(initial, target, current);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});

describe('workoutCompletionRate', () => {
  it('is done over planned with one decimal', () => {
    expect(workoutCompletionRate(8, 9)).toBe(88.9);
    expect(workoutCompletionRate(9, 9)).toBe(100);
    expect(workoutCompletionRate(0, 3)).toBe(0);
  });

  it.each([10, -1, 1.5])('refuses %s workouts done of 9', (done) => {
    expect(() => workoutCompletionRate(done, 9)).toThrow(
      invalid({ workouts_completed: ['must be a whole number from 0 to total_workouts_planned'] }),
    );
  });

  it('needs a plan', () => {
    expect(() => workoutCompletionRate(0, 0)).toThrow(
      invalid({ total_workouts_planned: ['must be at least 1'] }),
    );
  });
});

describe('achievements', () => {
  const week = (weekNumber: number, weight: number, bodyFat: number | null, done = 9): CheckInFigures => ({
    weekNumber,
    weight,
    bodyFat,
    workoutsCompleted: done,
    workoutsPlanned: 9,
  });
  const start = { weight: 7550, target: 7000 };

  it('are none before the first check-in', () => {
    expect(achievements(start, [])).toEqual([]);
  });

  it('are the spec example’s three after its three weeks (in any order given)', () => {
    expect(
      achievements(start, [week(3, 7320, 1850, 8), week(1, 7480, 2000, 9), week(2, 7400, 1920, 8)]),
    ).toEqual([ACHIEVEMENTS.firstWeek, ACHIEVEMENTS.bodyFat5, ACHIEVEMENTS.consistentWorkouts]);
  });

  it('want consistency over the latest three weeks, and body fat measured twice', () => {
    expect(achievements(start, [week(1, 7480, 2000), week(2, 7400, null)])).toEqual([ACHIEVEMENTS.firstWeek]);
    expect(achievements(start, [week(1, 7480, null), week(2, 7400, 1500, 7), week(3, 7400, null)])).toEqual([
      ACHIEVEMENTS.firstWeek,
    ]);
  });

  it('count weight lost and the way to the goal', () => {
    expect(achievements(start, [week(1, 7170, null, 0)])).toEqual([
      ACHIEVEMENTS.firstWeek,
      ACHIEVEMENTS.weightLoss5,
      ACHIEVEMENTS.halfwayToGoal,
    ]);
    expect(achievements(start, [week(1, 7000, null, 0)])).toEqual([
      ACHIEVEMENTS.firstWeek,
      ACHIEVEMENTS.weightLoss5,
      ACHIEVEMENTS.halfwayToGoal,
      ACHIEVEMENTS.goalReached,
    ]);
    // a goal of gaining weight earns no weight-loss badges
    expect(achievements({ weight: 6000, target: 6500 }, [week(1, 6500, null, 0)])).toEqual([
      ACHIEVEMENTS.firstWeek,
    ]);
  });
});

describe('averageMeasurement', () => {
  it('is the mean in units with one decimal, null for none', () => {
    expect(averageMeasurement([])).toBeNull();
    expect(averageMeasurement([380, 290])).toBe(3.4);
    expect(averageMeasurement([230])).toBe(2.3);
    expect(averageMeasurement([-100, 100])).toBe(0);
  });
});
