// POST /orders/calculate-commission by hand on `pg`: the same statements, in the same order, as
// our commission preview (bind parameters instead of inlined literals), and the same response body.
import type pg from 'pg';
import { cardsByNumbers, distribute, memberRef, saleChain } from './bare-commission.ts';
import { HttpError } from './bare-http.ts';

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
  const { rows: products } = await pool.query<{ id: number; name: string; price: string }>(
    'select id, name, price from product where tenant_id = $1 and id = $2',
    [tenantId, productId],
  );
  const [sponsor, stockist] = await cardsByNumbers(pool, tenantId, [body.sponsor_id, body.stockist_id]);
  const product = products[0];
  if (!product) throw new HttpError(400, 'The selected product does not exist.');
  if (
    (body.sponsor_id && !sponsor) ||
    (body.stockist_id && (!stockist?.roles.includes('stockist') || !stockist.active))
  ) {
    throw new HttpError(400, 'invalid sponsor or stockist');
  }
  const sponsorId = sponsor?.id ?? buyer.rows[0].sponsorAccountId;
  const total = Number(product.price) * quantity;
  const chain = await saleChain(pool, tenantId, sponsorId, stockist?.id ?? null);
  const d = distribute(total, chain.up, chain.stockist);
  return {
    product: { id: product.id, name: product.name, price: Number(product.price), quantity, total },
    sponsor: memberRef(sponsor ?? chain.sponsor),
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
