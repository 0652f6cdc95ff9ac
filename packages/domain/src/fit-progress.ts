import { fieldError } from './errors.ts';
import { ratioPercent } from './money.ts';

// Body measurements and what they add up to (koperasi-sinoman's Fit Challenge). A measurement has two
// decimals (§10.2): it is held as a whole number of hundredths (75.5 kg → 7550, 170.0 cm → 17000,
// 18.5 % → 1850) from the request to the database and back, so no sum or comparison drifts. Derived
// figures (BMI, percentages, averages) are rounded once, half away from zero, to one decimal.

/** A measurement in hundredths of its unit (kg, cm, percent). */
export type Hundredths = number;

/** 73.2 → 7320. More than two decimals, or not a finite number, is a 422 naming `field`. */
export function toHundredths(value: number, field: string): Hundredths {
  const h = Math.round(value * 100) + 0;
  // the round trip proves `value` had at most two decimals
  if (!Number.isSafeInteger(h) || h / 100 !== value) throw fieldError(field, 'must have at most 2 decimals');
  return h;
}

/** 7320 → 73.2 (the double nearest the exact decimal). */
export const fromHundredths = (h: Hundredths): number => h / 100;

/** Body mass index, kg/m², one decimal: 75.5 kg at 170 cm → 26.1. */
export function bmi(weight: Hundredths, height: Hundredths): number {
  if (height <= 0) throw fieldError('height', 'must be positive');
  // (w/100) / (h/10000)² = w·10⁶ / h²; ratioPercent multiplies by 100, hence w·10⁴
  return ratioPercent(weight * 10_000, height * height, 1);
}

/** Weight lost since the start, in hundredths (negative: gained). */
export const weightLoss = (initial: Hundredths, current: Hundredths): Hundredths => initial - current;

/**
 * How far the member has come toward the target weight, percent with one decimal, in whichever
 * direction the target lies (losing or gaining): 0 when moving away from it, 100 once reached or
 * passed. A target equal to the starting weight is a goal of keeping it: 100 while kept, else 0.
 */
export function progressToGoal(initial: Hundredths, target: Hundredths, current: Hundredths): number {
  const goal = target - initial;
  if (goal === 0) return current === target ? 100 : 0;
  const moved = current - initial;
  return Math.min(100, Math.max(0, ratioPercent(moved, goal, 1)));
}

/** Workouts done of those planned, percent with one decimal: 8 of 9 → 88.9 (never more done than planned). */
export function workoutCompletionRate(completed: number, planned: number): number {
  if (!Number.isSafeInteger(planned) || planned < 1)
    throw fieldError('total_workouts_planned', 'must be at least 1');
  if (!Number.isSafeInteger(completed) || completed < 0 || completed > planned)
    throw fieldError('workouts_completed', 'must be a whole number from 0 to total_workouts_planned');
  return ratioPercent(completed, planned, 1);
}

/** One weekly check-in as the achievements read it. */
export interface CheckInFigures {
  weekNumber: number;
  weight: Hundredths;
  /** absent or null: not measured that week */
  bodyFat?: Hundredths | null | undefined;
  workoutsCompleted: number;
  workoutsPlanned: number;
}

export const ACHIEVEMENTS = {
  firstWeek: 'First week completed',
  bodyFat5: '5% body fat reduction',
  consistentWorkouts: 'Consistent workout attendance',
  weightLoss5: '5% weight loss',
  halfwayToGoal: 'Halfway to goal',
  goalReached: 'Goal weight reached',
} as const;

/** Check-ins in a row, the latest ones, that "consistent attendance" looks at. */
export const CONSISTENT_WEEKS = 3;
/** The completion rate each of those weeks reaches. */
export const CONSISTENT_RATE = 80;

/**
 * The badges earned so far, in this order:
 * - First week completed: any check-in submitted;
 * - 5% body fat reduction: the latest body fat is at most 95% of the first one recorded;
 * - Consistent workout attendance: each of the latest 3 check-ins reached 80% of planned workouts;
 * - 5% weight loss: the latest weight is at most 95% of the starting weight;
 * - Halfway to goal / Goal weight reached: progress to goal of at least 50% / 100% (a target below
 *   the starting weight only: keeping or gaining weight earns neither).
 */
export function achievements(
  start: { weight: Hundredths; target: Hundredths },
  checkIns: readonly CheckInFigures[],
): string[] {
  const ordered = [...checkIns].sort((a, b) => a.weekNumber - b.weekNumber);
  const latest = ordered.at(-1);
  if (!latest) return [];
  const earned: string[] = [ACHIEVEMENTS.firstWeek];
  const fats = ordered.flatMap((c) => (c.bodyFat == null ? [] : [c.bodyFat]));
  if (fats.length > 1 && (fats.at(-1) as number) * 100 <= (fats[0] as number) * 95)
    earned.push(ACHIEVEMENTS.bodyFat5);
  const recent = ordered.slice(-CONSISTENT_WEEKS);
  if (
    recent.length === CONSISTENT_WEEKS &&
    recent.every((c) => c.workoutsCompleted * 100 >= c.workoutsPlanned * CONSISTENT_RATE)
  )
    earned.push(ACHIEVEMENTS.consistentWorkouts);
  if (latest.weight * 100 <= start.weight * 95) earned.push(ACHIEVEMENTS.weightLoss5);
  if (start.target < start.weight) {
    const progress = progressToGoal(start.weight, start.target, latest.weight);
    if (progress >= 50) earned.push(ACHIEVEMENTS.halfwayToGoal);
    if (progress >= 100) earned.push(ACHIEVEMENTS.goalReached);
  }
  return earned;
}

/** The mean of measurements, in units with one decimal (7550 and 7320 → 74.4); null for none. */
export function averageMeasurement(values: readonly Hundredths[]): number | null {
  if (values.length === 0) return null;
  const total = values.reduce((s, v) => s + v, 0);
  // total / n hundredths = total / (100 n) units; ratioPercent multiplies by 100, hence 10⁴ n
  return ratioPercent(total, values.length * 10_000, 1);
}
