// The four benchmarked endpoints written by hand on `pg`: the same SQL statements, in the same
// order, that our services issue for them (bind parameters instead of inlined literals), and the
// same response bodies. Kept deliberately plain: no ORM, no validation library, no tRPC.
import type pg from 'pg';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const TIME_ZONE = 'Africa/Kampala';
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
function localDateTime(date: Date): string {
  const p: Record<string, string> = {};
  for (const part of parts.formatToParts(date)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

function pageWindow(total: number, page: number, perPage: number) {
  const offset = (page - 1) * perPage;
  const empty = offset >= total;
  return {
    total,
    per_page: perPage,
    current_page: page,
    last_page: Math.max(1, Math.ceil(total / perPage)),
    from: empty ? null : offset + 1,
    to: empty ? null : Math.min(offset + perPage, total),
    offset,
  };
}

const intParam = (raw: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER) => {
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new HttpError(400, 'invalid number');
  return n;
};

// ---------------------------------------------------------------- product list

const SORT = { name: 'p.name', price: 'p.price', created_at: 'p.created_at' } as const;
const SUMMARY = `p.id, p.name, p.description, p.price, p.feature_photo as "featurePhoto",
  p.category_id as "categoryId", c.name as "categoryName", p.stock_quantity as "stockQuantity",
  p.created_at as "createdAt"`;

interface SummaryRow {
  id: number;
  name: string;
  description: string | null;
  price: string;
  featurePhoto: string | null;
  categoryId: number | null;
  categoryName: string | null;
  stockQuantity: number;
  createdAt: Date;
}

const presentProduct = (p: SummaryRow) => ({
  id: p.id,
  name: p.name,
  description: p.description,
  price: Number(p.price),
  feature_photo: p.featurePhoto,
  category_id: p.categoryId,
  category_name: p.categoryName,
  stock_quantity: p.stockQuantity,
  in_stock: p.stockQuantity > 0,
  created_at: localDateTime(p.createdAt),
});

export async function productList(pool: pg.Pool, tenantId: number, q: Record<string, string | undefined>) {
  const page = intParam(q.page, 1);
  const perPage = intParam(q.per_page, 20, 100);
  const sortBy = (q.sort_by ?? 'created_at') as keyof typeof SORT;
  if (!(sortBy in SORT)) throw new HttpError(400, 'invalid sort_by');
  const dir = q.sort_order === 'asc' ? 'asc' : 'desc';
  const where = ['p.tenant_id = $1'];
  const params: unknown[] = [tenantId];
  if (q.category_id) {
    params.push(intParam(q.category_id, 0));
    where.push(`p.category_id = $${params.length}`);
  }
  const words = (q.search ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length) {
    params.push(
      words
        .slice(0, 8)
        .map((w) => `${w}:*`)
        .join(' & '),
    );
    where.push(`p.search_vector @@ to_tsquery('simple', $${params.length})`);
  }
  const { rows } = await pool.query<SummaryRow & { total: number }>(
    `select ${SUMMARY}, (select count(*)::int from product p where ${where.join(' and ')}) as total
     from product p left join product_category c on c.id = p.category_id
     where ${where.join(' and ')}
     order by ${SORT[sortBy]} ${dir}, p.id ${dir}
     limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, perPage, (page - 1) * perPage],
  );
  let total = rows[0]?.total;
  if (total === undefined) {
    const count = await pool.query<{ total: number }>(
      `select count(*)::int as total from product p where ${where.join(' and ')}`,
      params,
    );
    total = count.rows[0]?.total ?? 0;
  }
  const { offset: _o, ...pagination } = pageWindow(total, page, perPage);
  return { products: rows.map(presentProduct), pagination };
}

// ---------------------------------------------------------------- commission preview

const CARD = `a.id, a.name, a.roles, coalesce(m.dtehm_member_id, m.dip_member_id) as member_id,
  coalesce(m.status = 'active', false) as active`;
interface Card {
  id: number;
  name: string;
  roles: string[];
  member_id: string | null;
  active: boolean;
}
const STOCKIST_BPS = 800;
const GENERATION_BPS = [300, 250, 200, 150, 100, 80, 60, 50, 40, 20];
const memberRef = (m: Card | null | undefined) =>
  m ? { id: m.id, name: m.name, member_id: m.member_id } : null;
const cut = (amount: number, bps: number) => Number((BigInt(amount) * BigInt(bps)) / 10_000n);

async function cardByNumber(db: pg.Pool | pg.PoolClient, tenantId: number, memberNumber: string) {
  const { rows } = await db.query<Card>(
    `select ${CARD} from network_member m join account a on a.id = m.account_id
     where m.tenant_id = $1 and m.dtehm_member_id = $2`,
    [tenantId, memberNumber.trim().toUpperCase()],
  );
  return rows[0] ?? null;
}

async function uplines(db: pg.Pool | pg.PoolClient, tenantId: number, sponsorId: number) {
  const { rows } = await db.query<Card & { depth: number }>(
    `select u.depth, ${CARD}
     from (select $1::int as id, 0 as depth
           union all
           select ancestor_id, depth from network_link where tenant_id = $2 and descendant_id = $1 and depth < $3) u
     join account a on a.id = u.id left join network_member m on m.account_id = a.id
     order by u.depth`,
    [sponsorId, tenantId, GENERATION_BPS.length],
  );
  return rows.map((r) => (r.active ? r : null));
}

async function cardById(db: pg.Pool | pg.PoolClient, tenantId: number, accountId: number) {
  const { rows } = await db.query<Card>(
    `select ${CARD} from account a left join network_member m on m.account_id = a.id
     where a.tenant_id = $1 and a.id = any($2::int[])`,
    [tenantId, [accountId]],
  );
  return rows[0] ?? null;
}

function distribute(amount: number, up: (Card | null)[], stockist: Card | null) {
  const lines: {
    level: string;
    kind: 'stockist' | 'network';
    rateBps: number;
    member: Card;
    amount: number;
  }[] = [];
  if (stockist?.active) {
    const a = cut(amount, STOCKIST_BPS);
    if (a > 0)
      lines.push({ level: 'Stockist', kind: 'stockist', rateBps: STOCKIST_BPS, member: stockist, amount: a });
  }
  GENERATION_BPS.forEach((bps, i) => {
    const member = up[i];
    const a = cut(amount, bps);
    if (member && a > 0)
      lines.push({ level: `GN${i + 1}`, kind: 'network', rateBps: bps, member, amount: a });
  });
  const stockistAmount = lines.filter((l) => l.kind === 'stockist').reduce((s, l) => s + l.amount, 0);
  const networkAmount = lines.filter((l) => l.kind === 'network').reduce((s, l) => s + l.amount, 0);
  return { lines, stockistAmount, networkAmount, totalAmount: stockistAmount + networkAmount };
}

export async function commissionPreview(
  pool: pg.Pool,
  tenantId: number,
  buyerId: number,
  body: { product_id?: unknown; quantity?: unknown; sponsor_id?: string; stockist_id?: string },
) {
  const productId = Number(body.product_id);
  const quantity = body.quantity === undefined ? 1 : Number(body.quantity);
  if (!Number.isSafeInteger(productId) || !Number.isSafeInteger(quantity) || quantity < 1) {
    throw new HttpError(400, 'invalid product_id or quantity');
  }
  const buyer = await pool.query<{ sponsorAccountId: number | null }>(
    `select a.id, a.name, a.email, a.phone, a.roles, a.created_at as "createdAt", m.address,
            m.wants_dtehm as "wantsDtehm", m.wants_dip as "wantsDip", m.dtehm_member_id as "dtehmMemberId",
            m.dip_member_id as "dipMemberId", m.status, m.sponsor_id as "sponsorAccountId",
            coalesce(s.dtehm_member_id, s.dip_member_id) as "sponsorMemberId"
     from account a join network_member m on m.account_id = a.id
     left join network_member s on s.account_id = m.sponsor_id
     where a.tenant_id = $1 and a.id = $2`,
    [tenantId, buyerId],
  );
  if (!buyer.rows[0]) throw new HttpError(404, 'User not found');
  const { rows: products } = await pool.query<
    SummaryRow & { specifications: string | null; images: string[] }
  >(
    `select ${SUMMARY}, p.specifications, p.images
     from product p left join product_category c on c.id = p.category_id
     where p.tenant_id = $1 and p.id = $2`,
    [tenantId, productId],
  );
  const product = products[0];
  if (!product) throw new HttpError(400, 'The selected product does not exist.');
  if (product.categoryId !== null) {
    await pool.query(
      `select id, name, price, feature_photo as "featurePhoto" from product
       where tenant_id = $1 and category_id = $2 and id <> $3 order by created_at desc, id desc limit 4`,
      [tenantId, product.categoryId, productId],
    );
  }
  const sponsor = body.sponsor_id ? await cardByNumber(pool, tenantId, body.sponsor_id) : null;
  const stockist = body.stockist_id ? await cardByNumber(pool, tenantId, body.stockist_id) : null;
  if (
    (body.sponsor_id && !sponsor) ||
    (body.stockist_id && (!stockist?.roles.includes('stockist') || !stockist.active))
  ) {
    throw new HttpError(400, 'invalid sponsor or stockist');
  }
  const sponsorId = sponsor?.id ?? buyer.rows[0].sponsorAccountId;
  const total = Number(product.price) * quantity;
  const up = sponsorId === null ? [] : await uplines(pool, tenantId, sponsorId);
  const stockistCard = stockist ? await cardById(pool, tenantId, stockist.id) : null;
  const d = distribute(total, up, stockistCard);
  const sponsorCard = sponsor ?? (sponsorId === null ? null : await cardById(pool, tenantId, sponsorId));
  return {
    product: { id: product.id, name: product.name, price: Number(product.price), quantity, total },
    sponsor: memberRef(sponsorCard),
    stockist: memberRef(stockist),
    commissions: d.lines.map((l) => ({
      level: l.level,
      rate: l.rateBps / 100,
      amount: l.amount,
      member: memberRef(l.member),
    })),
    summary: {
      product_price: total,
      stockist_commission: d.stockistAmount,
      network_commission: d.networkAmount,
      total_commission: d.totalAmount,
      balance: total - d.totalAmount,
      commission_percentage: total === 0 ? 0 : Math.round((d.totalAmount * 10_000) / total) / 100,
    },
  };
}

// ---------------------------------------------------------------- order confirmation

interface PaymentRow {
  id: number;
  status: string;
  amount: string;
  provider: string;
  provider_reference: string;
  merchant_reference: string;
  subject_id: number;
}

async function ledgerPost(
  tx: pg.PoolClient,
  tenantId: number,
  now: Date,
  key: string,
  description: string,
  postings: { code: string; kind: string; owner: number | null; amount: number }[],
): Promise<number | null> {
  const entry = await tx.query<{ id: number }>(
    `insert into ledger_entry (tenant_id, idempotency_key, description, created_at) values ($1, $2, $3, $4)
     on conflict (tenant_id, idempotency_key) do nothing returning id`,
    [tenantId, key, description, now],
  );
  const entryId = entry.rows[0]?.id;
  if (entryId === undefined) return null;
  const accounts = [...new Map(postings.map((p) => [p.code, p])).values()];
  await tx.query(
    `insert into ledger_account (tenant_id, code, kind, currency, owner_account_id, created_at)
     values ${accounts.map((_, i) => `($1, $${i * 3 + 3}, $${i * 3 + 4}, 'UGX', $${i * 3 + 5}, $2)`).join(', ')}
     on conflict (tenant_id, code) do nothing`,
    [tenantId, now, ...accounts.flatMap((a) => [a.code, a.kind, a.owner])],
  );
  const accountRows = await tx.query<{ id: number; code: string }>(
    'select id, code from ledger_account where tenant_id = $1 and code = any($2)',
    [tenantId, accounts.map((a) => a.code)],
  );
  const ids = new Map(accountRows.rows.map((r) => [r.code, r.id]));
  await tx.query(
    `insert into ledger_posting (tenant_id, entry_id, ledger_account_id, amount)
     values ${postings.map((_, i) => `($1, $2, $${i * 2 + 3}, $${i * 2 + 4})`).join(', ')}`,
    [tenantId, entryId, ...postings.flatMap((p) => [ids.get(p.code), p.amount])],
  );
  return entryId;
}

async function settle(tx: pg.PoolClient, tenantId: number, payment: PaymentRow, now: Date) {
  const claimed = await tx.query(
    `update payment set status = $1, paid_at = $2, failed_at = $3
     where tenant_id = $4 and id = $5 and status = 'pending' returning id`,
    ['completed', now, null, tenantId, payment.id],
  );
  if (claimed.rows.length === 0) return;
  const amount = Number(payment.amount);
  await ledgerPost(
    tx,
    tenantId,
    now,
    `payment:${payment.id}:received`,
    `Payment ${payment.merchant_reference} received`,
    [
      { code: `company:clearing:${payment.provider}`, kind: 'asset', owner: null, amount },
      { code: 'company:sales-revenue', kind: 'revenue', owner: null, amount: -amount },
    ],
  );
  const orderId = payment.subject_id!;
  // ours routes the settlement by order kind: a shop order (with an order number) goes to checkout
  const { rows: kind } = await tx.query<{ order_number: string | null }>(
    'select order_number from customer_order where tenant_id = $1 and id = $2',
    [tenantId, orderId],
  );
  if (kind[0]?.order_number) throw new HttpError(400, 'not a commission order');
  const moved = await tx.query(
    `update customer_order set status = $1, paid_at = $2
     where tenant_id = $3 and id = $4 and status = 'pending_payment' returning id`,
    ['paid', now, tenantId, orderId],
  );
  if (moved.rows.length === 0) return;
  const items = await tx.query<{
    id: number;
    amount: string;
    sponsor_id: number | null;
    stockist_id: number | null;
  }>(
    `select id, order_id, product_id, quantity, amount, sponsor_id, stockist_id
     from order_item where tenant_id = $1 and order_id = $2 order by id`,
    [tenantId, orderId],
  );
  for (const item of items.rows) {
    const amount = Number(item.amount);
    const up = item.sponsor_id === null ? [] : await uplines(tx, tenantId, item.sponsor_id);
    const stockist = item.stockist_id === null ? null : await cardById(tx, tenantId, item.stockist_id);
    const d = distribute(amount, up, stockist);
    if (d.lines.length === 0) continue;
    const entryId = await ledgerPost(
      tx,
      tenantId,
      now,
      `order-item:${item.id}:commissions`,
      `Commissions from Order #${orderId}`,
      [
        { code: 'company:commission-expense', kind: 'expense', owner: null, amount: d.totalAmount },
        ...d.lines.map((l) => ({
          code: `member:${l.member.id}:commissions`,
          kind: 'liability',
          owner: l.member.id,
          amount: -l.amount,
        })),
      ],
    );
    if (entryId === null) continue;
    const cols = 12;
    await tx.query(
      `insert into commission (tenant_id, beneficiary_id, kind, level, rate_bps, amount, description, order_id,
                               reference_type, reference_id, ledger_entry_id, created_at)
       values ${d.lines.map((_, i) => `(${Array.from({ length: cols }, (_, j) => `$${i * cols + j + 1}`).join(', ')})`).join(', ')}`,
      d.lines.flatMap((l) => [
        tenantId,
        l.member.id,
        l.kind,
        l.level,
        l.rateBps,
        l.amount,
        `${l.level} Commission from Order #${orderId}`,
        orderId,
        'order',
        item.id,
        entryId,
        now,
      ]),
    );
  }
}

const ORDER_LABEL: Record<string, string> = {
  pending_payment: 'Pending Payment',
  paid: 'Paid',
  payment_failed: 'Payment Failed',
};

export async function confirmPayment(
  pool: pg.Pool,
  tenantId: number,
  buyerId: number,
  body: { order_id?: unknown },
) {
  const orderId = Number(body.order_id);
  if (!Number.isSafeInteger(orderId) || orderId < 1) throw new HttpError(400, 'invalid order_id');
  const now = new Date();
  const order = await pool.query<{ payment_id: number | null }>(
    `select o.* from customer_order o where o.tenant_id = $1 and o.id = $2 and o.account_id = $3 limit 1`,
    [tenantId, orderId, buyerId],
  );
  const paymentId = order.rows[0]?.payment_id;
  if (!order.rows[0]) throw new HttpError(404, 'Order not found');
  if (paymentId == null) throw new HttpError(400, 'This order has no payment to confirm');
  const payment = await pool.query<PaymentRow>(
    `select p.* from payment p where p.tenant_id = $1 and p.id = $2 and p.purpose = $3 limit 1`,
    [tenantId, paymentId, 'order'],
  );
  const current = payment.rows[0];
  if (!current) throw new HttpError(404, 'Payment not found');
  if (current.status === 'pending') {
    const charge = await pool.query<{ status: string }>(
      'select s.* from sandbox_charge s where s.reference = $1 limit 1',
      [current.provider_reference],
    );
    const remote = charge.rows[0]?.status;
    if (remote !== 'completed') throw new HttpError(400, `Payment is ${remote ?? 'unknown'}`);
    const tx = await pool.connect();
    try {
      await tx.query('begin');
      await settle(tx, tenantId, current, now);
      await tx.query('commit');
    } catch (e) {
      await tx.query('rollback');
      throw e;
    } finally {
      tx.release();
    }
  } else if (current.status === 'failed') {
    throw new HttpError(400, 'Payment failed');
  }
  // as ours: the settled payment is read back before the order
  await pool.query('select p.* from payment p where p.tenant_id = $1 and p.id = $2 limit 1', [
    tenantId,
    paymentId,
  ]);
  const refreshed = await pool.query<{ id: number; status: string }>(
    `select o.* from customer_order o where o.tenant_id = $1 and o.id = $2 limit 1`,
    [tenantId, orderId],
  );
  const totals = await pool.query<{ count: number; total: string | null }>(
    'select count(*)::int as count, sum(amount)::text as total from commission where tenant_id = $1 and order_id = $2',
    [tenantId, orderId],
  );
  return {
    order_id: orderId,
    status: ORDER_LABEL[refreshed.rows[0]!.status],
    commissions_created: totals.rows[0]?.count ?? 0,
    total_commission: Number(totals.rows[0]?.total ?? 0),
  };
}

// ---------------------------------------------------------------- downline

const DEEPEST = GENERATION_BPS.length;

export async function network(
  pool: pg.Pool,
  tenantId: number,
  accountId: number,
  q: Record<string, string | undefined>,
) {
  const page = intParam(q.page, 1);
  const perPage = intParam(q.per_page, 20, 100);
  const level = (q.level ?? 'all').trim().toLowerCase();
  const range =
    level === 'all'
      ? [1, DEEPEST]
      : level === 'direct'
        ? [1, 1]
        : /^[1-9]\d?$/.test(level)
          ? [+level, +level]
          : null;
  if (!range) throw new HttpError(400, 'level must be all, direct or a level number');
  const { rows: stats } = await pool.query<{ depth: number; members: number; dtehm: number; dip: number }>(
    `select depth, members, dtehm, dip from network_level_count
     where ancestor_id = $1 and tenant_id = $2 and depth <= $3 and members > 0 order by depth`,
    [accountId, tenantId, DEEPEST],
  );
  const total = stats
    .filter((s) => s.depth >= range[0]! && s.depth <= range[1]!)
    .reduce((n, s) => n + s.members, 0);
  const { offset, ...pagination } = pageWindow(total, page, perPage);
  const members =
    pagination.from === null
      ? []
      : (
          await pool.query<{
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
            status: string;
          }>(
            `select l.depth, a.id, a.name, a.email, a.phone, m.dtehm_member_id as "dtehmMemberId",
                    m.dip_member_id as "dipMemberId", m.wants_dtehm as "wantsDtehm", m.wants_dip as "wantsDip",
                    m.joined_at as "joinedAt", m.status
             from network_link l
             join account a on a.id = l.descendant_id
             join network_member m on m.account_id = l.descendant_id
             where l.ancestor_id = $1 and l.tenant_id = $2 and l.depth between $3 and $4
             order by l.depth, l.descendant_id limit $5 offset $6`,
            [accountId, tenantId, range[0], range[1], perPage, offset],
          )
        ).rows;
  return {
    network: members.map((m) => ({
      id: m.id,
      name: m.name,
      email: m.email,
      phone: m.phone,
      dtehm_member_id: m.dtehmMemberId,
      dip_member_id: m.dipMemberId,
      is_dtehm_member: m.wantsDtehm ? 'Yes' : 'No',
      is_dip_member: m.wantsDip ? 'Yes' : 'No',
      level: m.depth,
      joined_at: localDateTime(m.joinedAt),
      status: m.status === 'active' ? 'Active' : 'Pending',
    })),
    statistics: {
      total_members: stats.reduce((n, l) => n + l.members, 0),
      direct_referrals: stats.find((l) => l.depth === 1)?.members ?? 0,
      dtehm_members: stats.reduce((n, l) => n + l.dtehm, 0),
      dip_members: stats.reduce((n, l) => n + l.dip, 0),
      levels_deep: stats.at(-1)?.depth ?? 0,
      by_level: Object.fromEntries(stats.map((l) => [`level_${l.depth}`, l.members])),
    },
    pagination,
  };
}
