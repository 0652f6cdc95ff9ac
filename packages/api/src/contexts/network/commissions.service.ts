import { type CommissionLine, type Distribution, distribute, pageWindow } from '@komisi/domain';
import { raw } from '@mikro-orm/core';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import { LedgerAccounts, type LedgerService } from '../ledger/ledger.service.ts';
import { Commission, type CommissionKind } from './commission.entity.ts';
import { cardsByAccountIds, type MemberCard, uplinesOf } from './member-directory.ts';
import { planFor } from './mlm-plan.ts';

export interface SaleParties {
  sponsorAccountId: number | null;
  stockistAccountId: number | null;
}

export interface CommissionFilter {
  kind: CommissionKind | 'all';
  from: Date | null;
  /** exclusive */
  until: Date | null;
}

/** Stockist and generation commissions of a sale, and every member's view of their earnings. */
export class CommissionsService {
  readonly #ledger: LedgerService;

  constructor(ledger: LedgerService) {
    this.#ledger = ledger;
  }

  /** Who would earn what on a sale of `amount`: the same calculation confirmation posts. */
  async preview(scope: Scope, parties: SaleParties, amount: number): Promise<Distribution<MemberCard>> {
    const plan = planFor(scope.tenant);
    const uplines =
      parties.sponsorAccountId === null
        ? []
        : await uplinesOf(scope, parties.sponsorAccountId, plan.generationRatesBps.length);
    const stockist =
      parties.stockistAccountId === null
        ? null
        : ((await cardsByAccountIds(scope, [parties.stockistAccountId])).get(parties.stockistAccountId) ??
          null);
    return distribute(plan, uplines, stockist?.active ? stockist : null, amount);
  }

  /**
   * Posts the commissions of a paid order line: one ledger entry (idempotency key per line)
   * and one commission row per beneficiary, in the caller's transaction.
   */
  async postSale(
    tx: Scope,
    sale: { orderId: number; itemId: number; amount: number } & SaleParties,
  ): Promise<CommissionLine<MemberCard>[]> {
    const distribution = await this.preview(tx, sale, sale.amount);
    const lines = distribution.lines;
    if (lines.length === 0) return [];
    const entryId = await this.#ledger.post(
      tx,
      `order-item:${sale.itemId}:commissions`,
      `Commissions from Order #${sale.orderId}`,
      [
        { account: LedgerAccounts.commissionExpense, amount: distribution.totalAmount },
        ...lines.map((l) => ({ account: LedgerAccounts.memberCommissions(l.member.id), amount: -l.amount })),
      ],
    );
    if (entryId === null) return lines;
    await tx.em.execute(
      `insert into commission (tenant_id, beneficiary_id, kind, level, rate_bps, amount, description, order_id,
         reference_type, reference_id, ledger_entry_id, created_at) values ${lines.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      lines.flatMap((l) => [
        tx.tenant.id,
        l.member.id,
        l.kind,
        l.level,
        l.rateBps,
        l.amount,
        `${l.level} Commission from Order #${sale.orderId}`,
        sale.orderId,
        'order',
        sale.itemId,
        entryId,
        tx.now,
      ]),
    );
    return lines;
  }

  async totalsForOrder(scope: Scope, orderId: number): Promise<{ count: number; total: number }> {
    const rows = await scope.em.execute<{ count: number; total: string | null }[]>(
      'select count(*)::int as count, sum(amount)::text as total from commission where tenant_id = ? and order_id = ?',
      [scope.tenant.id, orderId],
    );
    return { count: rows[0]?.count ?? 0, total: toSafeInteger(rows[0]?.total ?? 0) };
  }

  async list(scope: Scope, accountId: number, filter: CommissionFilter, page: number, perPage: number) {
    const where = {
      beneficiary: accountId,
      ...(filter.kind !== 'all' && { kind: filter.kind }),
      ...((filter.from || filter.until) && {
        createdAt: { ...(filter.from && { $gte: filter.from }), ...(filter.until && { $lt: filter.until }) },
      }),
    };
    const agg = await scope.em
      .qb(Commission)
      .select([raw('count(*)::int as count'), raw('sum(amount)::text as total')])
      .where(where)
      .execute<{ count: number; total: string | null }>('get');
    const window = pageWindow(agg?.count ?? 0, page, perPage);
    const items = await scope.em.find(Commission, where, {
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: window.limit,
      offset: window.offset,
    });
    return { items, window, total: toSafeInteger(agg?.total ?? 0) };
  }

  balance(scope: Scope, accountId: number): Promise<number> {
    return this.#ledger.balance(scope, LedgerAccounts.memberCommissions(accountId));
  }
}
