import { averageMeasurement, type Hundredths } from './fit-progress.ts';
import { ratioPercent } from './money.ts';

// The Fit Challenge figures administrators read (§6.3.2), over the participants who paid: how many
// completed and how much weight they lost on average (initial weight less the latest check-in's).

export interface ParticipantOutcome {
  /** the fee was paid: only paying participants count */
  paid: boolean;
  /** completed the programme (as shown: `participationStatusOn`) */
  completed: boolean;
  /** initial weight less the latest check-in's; null before any check-in */
  weightLoss: Hundredths | null;
}

export interface CohortFigures {
  participants: number;
  completed: number;
  /** completed of participants, percent with one decimal (0 with no participants) */
  completionRate: number;
  /** kg with one decimal over the participants who checked in; null when none did */
  averageWeightLoss: number | null;
}

export function cohortFigures(outcomes: readonly ParticipantOutcome[]): CohortFigures {
  const paid = outcomes.filter((o) => o.paid);
  const completed = paid.filter((o) => o.completed).length;
  return {
    participants: paid.length,
    completed,
    completionRate: ratioPercent(completed, paid.length, 1),
    averageWeightLoss: averageMeasurement(paid.flatMap((o) => (o.weightLoss === null ? [] : [o.weightLoss]))),
  };
}
