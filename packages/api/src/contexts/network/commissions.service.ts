import { type CommissionLine, type Distribution, distribute, pageWindow } from '@komisi/domain';
import { raw } from '@mikro-orm/core';
import type { RawBuilder } from 'kysely';
import { sql } from '../../kernel/bound-sql.ts';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import { LedgerAccounts, type LedgerService } from '../ledger/ledger.service.ts';
import { Commission, type CommissionKind } from './commission.entity.ts';
import {
  type MemberCard,
  type SaleChain,
  type SaleChainRow,
  saleChainFrom,
  saleChainOf,
  saleChainSql,
} from './member-directory.ts';
import { planFor } from './mlm-plan.ts';

export interface SaleParties {
  sponsorAccountId: number | null;
  stockistAccountId: number | null;
}

/** A commission on an order, its money already posted in the ledger. */
export interface OrderCommission {
  beneficiaryId: number;
  kind: CommissionKind;
  level: string;
  rateBps: number;
  amount: number;
  description: string;
  orderId: number;
  ledgerEntryId: number;
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

  /**
   * Who would earn what on a sale of `amount` (the same calculation confirmation posts), and the
   * sponsor's card, in one statement.
   */
  async preview(
    scope: Scope,
    parties: SaleParties,
    amount: number,
  ): Promise<{ distribution: Distribution<MemberCard>; sponsor: MemberCard | null }> {
    const chain = await saleChainOf(
      scope,
      parties.sponsorAccountId,
      parties.stockistAccountId,
      planFor(scope.tenant).generationRatesBps.length,
    );
    return { distribution: this.#distribute(scope, chain, amount), sponsor: chain.sponsor };
  }

  #distribute(scope: Scope, chain: SaleChain, amount: number): Distribution<MemberCard> {
    const { uplines, stockist } = chain;
    return distribute(planFor(scope.tenant), uplines, stockist?.active ? stockist : null, amount);
  }

  /**
   * A sale's chain as one json column of another statement (the sale's sponsor and stockist being
   * that statement's columns, e.g. an order line's): `postSale` takes its value.
   */
  chainJson(scope: Scope, sponsor: RawBuilder<unknown>, stockist: RawBuilder<unknown>): RawBuilder<unknown> {
    const generations = planFor(scope.tenant).generationRatesBps.length;
    return sql`(select coalesce(json_agg(c), '[]'::json) from (${saleChainSql(scope.tenant.id, sponsor, stockist, generations)}) c)`;
  }

  /**
   * Posts the commissions of a paid order line: one ledger entry (idempotency key per line) and one
   * commission row per beneficiary, in the caller's transaction and in one statement (the rows are
   * written only with a new entry). Returns the lines, or null when the line was posted before.
   */
  async postSale(
    tx: Scope,
    sale: { orderId: number; itemId: number; amount: number } & SaleParties,
    /** the sale's chain when the caller read it with its own statement (`chainJson`) */
    chain?: SaleChainRow[],
  ): Promise<CommissionLine<MemberCard>[] | null> {
    const distribution = chain
      ? this.#distribute(tx, saleChainFrom(chain), sale.amount)
      : (await this.preview(tx, sale, sale.amount)).distribution;
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
      {
        alongside: sql`insert into commission (tenant_id, beneficiary_id, kind, level, rate_bps, amount, description,
                         order_id, reference_type, reference_id, ledger_entry_id, created_at)
          select ${tx.tenant.id}, c.beneficiary_id, c.kind, c.level, c.rate_bps, c.amount, c.description,
                 ${sale.orderId}, 'order', ${sale.itemId}, entry.id, ${tx.now}
          from entry, unnest(${lines.map((l) => l.member.id)}::int[], ${lines.map((l) => l.kind)}::text[],
                             ${lines.map((l) => l.level)}::text[], ${lines.map((l) => l.rateBps)}::int[],
                             ${lines.map((l) => l.amount)}::bigint[],
                             ${lines.map((l) => `${l.level} Commission from Order #${sale.orderId}`)}::text[])
               with ordinality as c(beneficiary_id, kind, level, rate_bps, amount, description, n)
          order by c.n`,
      },
    );
    return entryId === null ? null : lines;
  }

  /**
   * Records another programme's commission on an order (a voucher-code affiliate's), whose money the
   * caller has posted as `ledgerEntryId`. One row per order and level: a repeat is ignored.
   */
  async recordOrderCommission(tx: Scope, commission: OrderCommission): Promise<void> {
    await insertCommissions(tx, [{ ...commission, referenceId: commission.orderId }], { ignoreRepeat: true });
  }

  /**
   * The order's commission of `kind` at `level` that is not reversed yet, its row locked until the
   * transaction ends (a concurrent reversal waits, then finds it reversed); null when there is none.
   */
  async lockUnreversed(
    tx: Scope,
    kind: CommissionKind,
    orderId: number,
    level: string,
  ): Promise<{ id: number; beneficiaryId: number; amount: number } | null> {
    const [row] = await tx.em.execute<{ id: number; beneficiary_id: number; amount: string }[]>(
      `select id, beneficiary_id, amount::text from commission
        where tenant_id = ? and kind = ? and reference_type = 'order' and reference_id = ? and level = ?
          and reversed_at is null
        for update`,
      [tx.tenant.id, kind, orderId, level],
    );
    return row ? { id: row.id, beneficiaryId: row.beneficiary_id, amount: toSafeInteger(row.amount) } : null;
  }

  /** Marks a commission reversed (its money posted back by the caller); once. */
  async markReversed(tx: Scope, commissionId: number): Promise<void> {
    await tx.em.execute('update commission set reversed_at = ? where id = ? and reversed_at is null', [
      tx.now,
      commissionId,
    ]);
  }

  async totalsForOrder(scope: Scope, orderId: number): Promise<{ count: number; total: number }> {
    const rows = await scope.em.execute<{ count: number; total: string | null }[]>(
      'select count(*)::int as count, sum(amount)::text as total from commission where tenant_id = ? and order_id = ?',
      [scope.tenant.id, orderId],
    );
    return { count: rows[0]?.count ?? 0, total: toSafeInteger(rows[0]?.total ?? 0) };
  }

  /** Each order's commission count and total, for a page of orders (orders without any are absent). */
  async totalsForOrders(
    scope: Scope,
    orderIds: number[],
  ): Promise<Map<number, { count: number; total: number }>> {
    if (orderIds.length === 0) return new Map();
    const rows = await scope.em.execute<{ order_id: number; count: number; total: string }[]>(
      `select order_id, count(*)::int as count, sum(amount)::text as total from commission
       where tenant_id = ? and order_id in (?) group by order_id`,
      [scope.tenant.id, orderIds],
    );
    return new Map(rows.map((r) => [r.order_id, { count: r.count, total: toSafeInteger(r.total) }]));
  }

  /** The commission lines of one order, stockist first, then GN1, GN2, … */
  ofOrder(scope: Scope, orderId: number): Promise<Commission[]> {
    return scope.em.find(Commission, { orderId }, { orderBy: { id: 'asc' } });
  }

  /** One member's commissions (`accountId`), or every member's (null, for administrators), newest first. */
  async list(
    scope: Scope,
    accountId: number | null,
    filter: CommissionFilter,
    page: number,
    perPage: number,
  ) {
    const where = {
      // named, not left to the tenant filter: the aggregate below is a query builder's, which the filter skips
      tenant: scope.tenant.id,
      ...(accountId !== null && { beneficiary: accountId }),
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

/**
 * Commission rows of order sales in one statement (`referenceId`: the order line, or the order itself).
 * `ignoreRepeat` leaves a row that is already there (same order reference and level) as it is.
 */
async function insertCommissions(
  tx: Scope,
  rows: (OrderCommission & { referenceId: number })[],
  options: { ignoreRepeat?: boolean } = {},
): Promise<void> {
  await tx.em.execute(
    `insert into commission (tenant_id, beneficiary_id, kind, level, rate_bps, amount, description, order_id,
       reference_type, reference_id, ledger_entry_id, created_at) values ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}${options.ignoreRepeat ? ' on conflict (tenant_id, reference_type, reference_id, level) do nothing' : ''}`,
    rows.flatMap((r) => [
      tx.tenant.id,
      r.beneficiaryId,
      r.kind,
      r.level,
      r.rateBps,
      r.amount,
      r.description,
      r.orderId,
      'order',
      r.referenceId,
      r.ledgerEntryId,
      tx.now,
    ]),
  );
}
