import type { Scope } from '../../kernel/scope.ts';

/** A batch's registrations holding a place (active or completed) and waiting for one. */
export interface Occupancy {
  holdingPlaces: number;
  waitlisted: number;
}

const EMPTY: Occupancy = { holdingPlaces: 0, waitlisted: 0 };

/** Places taken and waitlist length of each batch, in one statement. */
export async function occupancyOf(
  scope: Scope,
  batchIds: readonly number[],
): Promise<Map<number, Occupancy>> {
  if (batchIds.length === 0) return new Map();
  const rows = await scope.em.execute<{ batch_id: number; holding: string; waitlisted: string }[]>(
    `select batch_id,
            count(*) filter (where participation_status in ('active', 'completed')) as holding,
            count(*) filter (where participation_status = 'waitlist') as waitlisted
     from programme_participant where tenant_id = ? and batch_id in (?) group by batch_id`,
    [scope.tenant.id, [...new Set(batchIds)]],
  );
  const byBatch = new Map(
    rows.map((r) => [r.batch_id, { holdingPlaces: Number(r.holding), waitlisted: Number(r.waitlisted) }]),
  );
  return new Map(batchIds.map((id) => [id, byBatch.get(id) ?? EMPTY]));
}
