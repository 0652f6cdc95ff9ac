import {
  type BatchStatus,
  batchStatus,
  type CohortFigures,
  cohortFigures,
  localDate,
  type ParticipantOutcome,
  type ParticipationStatus,
  participationStatusOn,
} from '@komisi/domain';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import { ProgrammeBatch } from './programme-batch.entity.ts';

export interface BatchPerformance extends CohortFigures {
  batch: ProgrammeBatch;
  status: BatchStatus;
}

export interface ProgrammeAnalytics {
  overview: CohortFigures & { totalBatches: number; activeBatches: number; totalRevenue: number };
  batches: BatchPerformance[];
  /** registrations and the fees paid for them, by the month (local) they registered in, oldest first */
  months: { month: string; registrations: number; revenue: number }[];
}

interface ParticipantRow {
  batch_id: number;
  participation_status: ParticipationStatus;
  payment_status: string;
  amount_paid: string;
  month: string;
  weight_loss: number | null;
}

/**
 * The Fit Challenge figures of §6.3.2 over every batch members can see (drafts left out): paying
 * participants, completions (a participant still active when the batch is over has completed it),
 * average weight lost (initial weight less the latest check-in's), fees paid.
 */
export class ProgrammeAnalyticsService {
  async fitChallenge(scope: Scope): Promise<ProgrammeAnalytics> {
    const today = localDate(scope.now, scope.tenant.timeZone);
    const batches = await scope.em.find(
      ProgrammeBatch,
      { kind: 'fit_challenge', status: { $ne: 'draft' } },
      { orderBy: { startDate: 'asc', id: 'asc' } },
    );
    // one statement over the participants of the tenant's batches and each one's latest check-in
    const rows = await scope.em.execute<ParticipantRow[]>(
      `select p.batch_id, p.participation_status, p.payment_status, p.amount_paid,
              to_char(p.registered_at at time zone ?, 'YYYY-MM') as month,
              p.initial_weight - (select c.weight from programme_check_in c
                                  where c.participant_id = p.id order by c.week_number desc limit 1) as weight_loss
       from programme_participant p join programme_batch b on b.id = p.batch_id
       where p.tenant_id = ? and b.kind = 'fit_challenge' and b.status <> 'draft'`,
      [scope.tenant.timeZone, scope.tenant.id],
    );
    const statusOf = new Map(batches.map((b) => [b.id, batchStatus(b.status, b, today)]));
    const outcome = (r: ParticipantRow): ParticipantOutcome => ({
      paid: r.payment_status === 'completed',
      completed: participationStatusOn(r.participation_status, statusOf.get(r.batch_id)!) === 'completed',
      weightLoss: r.weight_loss === null ? null : Number(r.weight_loss),
    });
    const months = new Map<string, { registrations: number; revenue: number }>();
    const byBatch = new Map<number, ParticipantOutcome[]>();
    for (const r of rows) {
      const ofBatch = byBatch.get(r.batch_id) ?? [];
      ofBatch.push(outcome(r));
      byBatch.set(r.batch_id, ofBatch);
      const m = months.get(r.month) ?? { registrations: 0, revenue: 0 };
      m.registrations += 1;
      m.revenue += toSafeInteger(r.amount_paid);
      months.set(r.month, m);
    }
    return {
      overview: {
        totalBatches: batches.length,
        activeBatches: [...statusOf.values()].filter((s) => s === 'active').length,
        totalRevenue: rows.reduce((sum, r) => sum + toSafeInteger(r.amount_paid), 0),
        ...cohortFigures([...byBatch.values()].flat()),
      },
      batches: batches.map((batch) => ({
        batch,
        status: statusOf.get(batch.id)!,
        ...cohortFigures(byBatch.get(batch.id) ?? []),
      })),
      months: [...months.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, m]) => ({ month, ...m })),
    };
  }
}
