import { pageWindow } from '@komisi/domain';
import { boundRows, sql } from '../../kernel/bound-sql.ts';
import type { Scope } from '../../kernel/scope.ts';
import { planFor } from './mlm-plan.ts';

export interface DownlineLevelStats {
  depth: number;
  members: number;
  dtehm: number;
  dip: number;
}

export interface DownlineMember {
  depth: number;
  id: number;
  name: string;
  email: string;
  phone: string | null;
  dtehmMemberId: string | null;
  dipMemberId: string | null;
  wantsDtehm: boolean;
  wantsDip: boolean;
  joinedAt: Date;
  status: 'pending' | 'active';
  /** suspended by an administrator (only the administrators' views show it) */
  suspended: boolean;
}

/** A member's downline, generation by generation, as deep as the tenant's plan pays. */
export class DownlineService {
  /** The deepest generation shown: as deep as the plan pays. */
  deepestLevel(scope: Scope): number {
    return planFor(scope.tenant).generationRatesBps.length;
  }

  async levelStats(scope: Scope, accountId: number): Promise<DownlineLevelStats[]> {
    return boundRows<DownlineLevelStats>(
      scope,
      sql`select depth, members, dtehm, dip from network_level_count
       where ancestor_id = ${accountId} and tenant_id = ${scope.tenant.id} and depth <= ${this.deepestLevel(scope)}
         and members > 0 order by depth`,
    );
  }

  /** One page of the downline at `levels` (inclusive range), deepest last. */
  async page(
    scope: Scope,
    accountId: number,
    levels: { from: number; to: number },
    page: number,
    perPage: number,
  ) {
    const stats = await this.levelStats(scope, accountId);
    const total = stats
      .filter((s) => s.depth >= levels.from && s.depth <= levels.to)
      .reduce((n, s) => n + s.members, 0);
    const window = pageWindow(total, page, perPage);
    // links and memberships joined to identity's account (name, email, phone): one statement a page
    const members =
      window.from === null
        ? []
        : await boundRows<DownlineMember>(
            scope,
            sql`select l.depth, a.id, a.name, a.email, a.phone, m.dtehm_member_id as "dtehmMemberId",
                    m.dip_member_id as "dipMemberId", m.wants_dtehm as "wantsDtehm", m.wants_dip as "wantsDip",
                    m.joined_at as "joinedAt", m.status,
                    m.suspended_at is not null as suspended
             from network_link l
             join account a on a.id = l.descendant_id
             join network_member m on m.account_id = l.descendant_id
             where l.ancestor_id = ${accountId} and l.tenant_id = ${scope.tenant.id}
               and l.depth between ${levels.from} and ${levels.to}
             order by l.depth, l.descendant_id limit ${window.limit} offset ${window.offset}`,
          );
    return { stats, members, window };
  }
}
