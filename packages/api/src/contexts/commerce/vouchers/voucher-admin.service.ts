import {
  checkVoucherEdit,
  DomainError,
  normalizeVoucherCode,
  type PageWindow,
  pageWindow,
  type VoucherRule,
  type VoucherState,
  validateVoucherRule,
} from '@komisi/domain';
import { LockMode } from '@mikro-orm/core';
import { inTransaction, type Scope, toSafeInteger } from '../../../kernel/scope.ts';
import { Voucher } from './voucher.entity.ts';
import { toVoucherRule, type VouchersService } from './vouchers.service.ts';

export const VOUCHER_LIST_SORTS = ['newest', 'oldest', 'code', 'ending_soon', 'most_used'] as const;
export type VoucherListSort = (typeof VOUCHER_LIST_SORTS)[number];

export interface VoucherListQuery {
  page: number;
  limit: number;
  /** the state the voucher is in now (`voucherState`); all when absent */
  state?: VoucherState | undefined;
  /** part of the code or of the name, any case */
  search?: string | undefined;
  sort: VoucherListSort;
}

/** A new voucher: its rule (code as typed) and what it shows. */
export interface VoucherDraft {
  rule: VoucherRule;
  name: string;
  description: string | null;
  isPublic: boolean;
}

/** An edit: only the fields given change. */
export interface VoucherEdit {
  rule: Partial<VoucherRule>;
  name?: string | undefined;
  description?: string | null | undefined;
  isPublic?: boolean | undefined;
}

/** What the voucher has given so far. */
export interface VoucherUsageReport {
  /** uses counted against the limits now: orders placed with it and not cancelled or refunded */
  activeUses: number;
  /** uses given back (the order was cancelled, its payment failed or it was refunded) */
  voidedUses: number;
  /** orders that were paid and not refunded */
  paidOrders: number;
  /** items and shipping discount of those paid orders */
  totalDiscount: number;
}

export interface VoucherOrder {
  orderNumber: string | null;
  status: string;
  totalAmount: number;
  discount: number;
  createdAt: Date;
  /** `void`: the use was given back */
  redemption: 'active' | 'void';
  customer: { id: number; name: string; email: string };
}

export interface VoucherReport {
  voucher: Voucher;
  usage: VoucherUsageReport;
  /** the latest orders that used it, newest first */
  recentOrders: VoucherOrder[];
}

const RECENT_ORDERS = 10;
/** Order statuses whose money was taken and kept. */
const PAID = ['paid', 'processing', 'shipped', 'delivered'];

/** Each state as a condition on the voucher row, mirroring `voucherState` (checked in that order). */
const IN_WINDOW = '(v.starts_at is null or v.starts_at <= ?) and (v.ends_at is null or v.ends_at >= ?)';
const STATE_SQL: Record<VoucherState, { sql: string; nows: number }> = {
  inactive: { sql: 'not v.active', nows: 0 },
  expired: { sql: 'v.active and v.ends_at < ?', nows: 1 },
  scheduled: { sql: 'v.active and v.starts_at > ? and (v.ends_at is null or v.ends_at >= ?)', nows: 2 },
  used_up: {
    sql: `v.active and ${IN_WINDOW} and v.usage_limit is not null and v.used_count >= v.usage_limit`,
    nows: 2,
  },
  active: {
    sql: `v.active and ${IN_WINDOW} and (v.usage_limit is null or v.used_count < v.usage_limit)`,
    nows: 2,
  },
};

const SORT_SQL: Record<VoucherListSort, string> = {
  newest: 'v.created_at desc, v.id desc',
  oldest: 'v.created_at asc, v.id asc',
  code: 'v.code asc',
  ending_soon: 'v.ends_at asc nulls last, v.id asc',
  most_used: 'v.used_count desc, v.id desc',
};

/** `%`, `_` and `\` typed in a search box are matched as themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The shop's voucher desk: every voucher of the tenant with what it has given, and creating, editing,
 * switching off and on. Rules are the domain's (`validateVoucherRule`, `checkVoucherEdit`); errors name
 * the rule's fields (`discountValue`), for the profile to name as its wire does. A voucher written here
 * is what checkout reads on its next request: nothing is cached.
 */
export class VoucherAdminService {
  readonly #vouchers: VouchersService;

  constructor(vouchers: VouchersService) {
    this.#vouchers = vouchers;
  }

  async list(scope: Scope, q: VoucherListQuery): Promise<{ vouchers: Voucher[]; window: PageWindow }> {
    pageWindow(0, q.page, q.limit); // validates page and limit before any query
    const where = ['v.tenant_id = ?'];
    const params: unknown[] = [scope.tenant.id];
    if (q.state) {
      where.push(STATE_SQL[q.state].sql);
      params.push(...Array.from({ length: STATE_SQL[q.state].nows }, () => scope.now));
    }
    const search = q.search?.trim();
    if (search) {
      where.push("(v.code ilike ? escape '\\' or v.name ilike ? escape '\\')");
      params.push(likePattern(search), likePattern(search));
    }
    const filter = where.join(' and ');
    const [counted] = await scope.em.execute<{ n: number }[]>(
      `select count(*)::int as n from voucher v where ${filter}`,
      params,
    );
    const window = pageWindow(counted?.n ?? 0, q.page, q.limit);
    const rows = await scope.em.execute<Record<string, unknown>[]>(
      `select v.* from voucher v where ${filter} order by ${SORT_SQL[q.sort]} limit ? offset ?`,
      [...params, window.limit, window.offset],
    );
    return { vouchers: rows.map((row) => scope.em.map(Voucher, row)), window };
  }

  async report(scope: Scope, voucherId: number): Promise<VoucherReport> {
    const voucher = await scope.em.findOne(Voucher, { id: voucherId }, { refresh: true });
    if (!voucher) throw notFound();
    // the redemptions joined to the orders they discounted (and, for the list, the customers'
    // accounts): the voucher's report is about those orders, one statement each
    const [usage] = await scope.em.execute<
      { active: number; voided: number; paid: number; discount: string | null }[]
    >(
      `select count(*) filter (where r.status = 'active')::int as active,
              count(*) filter (where r.status = 'void')::int as voided,
              count(*) filter (where r.status = 'active' and o.status in (?))::int as paid,
              sum(o.discount + o.shipping_discount)
                filter (where r.status = 'active' and o.status in (?))::text as discount
       from voucher_redemption r join customer_order o on o.id = r.order_id and o.tenant_id = r.tenant_id
       where r.tenant_id = ? and r.voucher_id = ?`,
      [PAID, PAID, scope.tenant.id, voucher.id],
    );
    const orders = await scope.em.execute<
      {
        order_number: string | null;
        status: string;
        total_amount: string;
        discount: string;
        created_at: Date;
        redemption: 'active' | 'void';
        account_id: number;
        name: string;
        email: string;
      }[]
    >(
      `select o.order_number, o.status, o.total_amount::text, (o.discount + o.shipping_discount)::text as discount,
              o.created_at, r.status as redemption, a.id as account_id, a.name, a.email
       from voucher_redemption r
       join customer_order o on o.id = r.order_id and o.tenant_id = r.tenant_id
       join account a on a.id = r.account_id
       where r.tenant_id = ? and r.voucher_id = ?
       order by r.created_at desc, r.id desc limit ?`,
      [scope.tenant.id, voucher.id, RECENT_ORDERS],
    );
    return {
      voucher,
      usage: {
        activeUses: usage?.active ?? 0,
        voidedUses: usage?.voided ?? 0,
        paidOrders: usage?.paid ?? 0,
        totalDiscount: toSafeInteger(usage?.discount ?? 0),
      },
      recentOrders: orders.map((o) => ({
        orderNumber: o.order_number,
        status: o.status,
        totalAmount: toSafeInteger(o.total_amount),
        discount: toSafeInteger(o.discount),
        createdAt: new Date(o.created_at),
        redemption: o.redemption,
        customer: { id: o.account_id, name: o.name, email: o.email },
      })),
    };
  }

  /** A new voucher, usable at checkout at once. A code another voucher has: 409 naming `code`. */
  async create(scope: Scope, draft: VoucherDraft): Promise<Voucher> {
    const rule = validateVoucherRule({ ...draft.rule, code: normalizeVoucherCode(draft.rule.code) });
    if (await this.#vouchers.codeTaken(scope, rule.code)) throw codeTaken();
    // a raced duplicate reaches the client as the unique violation: 409 naming code
    return this.#vouchers.create(scope, rule, {
      name: draft.name,
      description: draft.description,
      isPublic: draft.isPublic,
    });
  }

  /**
   * Changes the fields given, under the voucher's row lock (which checkout's claim of a use also
   * takes), so the uses and redemptions the edit is judged against cannot change under it.
   */
  async update(scope: Scope, voucherId: number, edit: VoucherEdit): Promise<Voucher> {
    return inTransaction(scope, async (tx) => {
      const voucher = await lock(tx, voucherId);
      const changes = { ...edit.rule };
      if (changes.code !== undefined) changes.code = normalizeVoucherCode(changes.code);
      const rule = checkVoucherEdit(toVoucherRule(voucher), changes, {
        redeemed: await this.#redeemed(tx, voucher.id),
        totalUses: voucher.usedCount,
      });
      if (rule.code !== voucher.code && (await this.#vouchers.codeTaken(tx, rule.code, voucher.id))) {
        throw codeTaken();
      }
      Object.assign(voucher, rule, {
        ...(edit.name !== undefined && { name: edit.name }),
        ...(edit.description !== undefined && { description: edit.description }),
        ...(edit.isPublic !== undefined && { isPublic: edit.isPublic }),
      });
      await tx.em.flush();
      return voucher;
    });
  }

  /** Switches the voucher off (checkout refuses it: VOUCHER_INACTIVE) or on again; repeating is harmless. */
  async setActive(scope: Scope, voucherId: number, active: boolean): Promise<Voucher> {
    return inTransaction(scope, async (tx) => {
      const voucher = await lock(tx, voucherId);
      voucher.active = active;
      await tx.em.flush();
      return voucher;
    });
  }

  /** Whether any order ever redeemed it (a use given back counts: that order had the discount). */
  async #redeemed(scope: Scope, voucherId: number): Promise<boolean> {
    const rows = await scope.em.execute<{ one: number }[]>(
      'select 1 as one from voucher_redemption where tenant_id = ? and voucher_id = ? limit 1',
      [scope.tenant.id, voucherId],
    );
    return rows.length > 0;
  }
}

async function lock(tx: Scope, voucherId: number): Promise<Voucher> {
  const voucher = await tx.em.findOne(
    Voucher,
    { id: voucherId },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!voucher) throw notFound();
  return voucher;
}

const notFound = () => new DomainError('NOT_FOUND', 'Voucher not found');

function codeTaken(): DomainError {
  const message = 'is already used by another voucher';
  return new DomainError('CONFLICT', 'The voucher code is already taken.', { fields: { code: [message] } });
}
