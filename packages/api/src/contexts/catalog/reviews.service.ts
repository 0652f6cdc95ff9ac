import { DomainError, type OrderRef, pageWindow, type ReviewSort } from '@komisi/domain';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import { averageRating } from './storefront.service.ts';

const ORDER_BY: Record<ReviewSort, string> = {
  recent: 'r.created_at desc, r.id desc',
  highest: 'r.rating desc, r.created_at desc, r.id desc',
  lowest: 'r.rating asc, r.created_at desc, r.id desc',
  helpful: 'r.helpful_count desc, r.created_at desc, r.id desc',
};

export interface ReviewView {
  id: number;
  authorName: string;
  rating: number;
  title: string | null;
  comment: string | null;
  images: string[];
  /** every stored review passed the purchase check */
  isVerifiedPurchase: true;
  helpfulCount: number;
  createdAt: Date;
}

export interface ReviewInput {
  order: OrderRef;
  rating: number;
  title?: string | null | undefined;
  comment?: string | null | undefined;
  /** http(s) URLs of already-hosted images */
  images?: string[] | undefined;
}

export type RatingDistribution = Record<1 | 2 | 3 | 4 | 5, number>;

interface ReviewRow {
  id: number;
  author_name: string;
  rating: number;
  title: string | null;
  comment: string | null;
  images: string[];
  helpful_count: number;
  created_at: Date;
}

// The author's name is identity's account.name, joined into the review listing's one statement.
const REVIEW_COLUMNS = `r.id, a.name as author_name, r.rating, r.title, r.comment, r.images,
  r.helpful_count, r.created_at`;

const toView = (r: ReviewRow): ReviewView => ({
  id: r.id,
  authorName: r.author_name,
  rating: r.rating,
  title: r.title,
  comment: r.comment,
  images: r.images,
  isVerifiedPurchase: true,
  helpfulCount: r.helpful_count,
  createdAt: new Date(r.created_at),
});

/**
 * The id of `order` when it is the account's own order, in a status that counts as bought, and
 * contains the product; null otherwise. Orders are commerce's, which sits above catalog: composition
 * hands commerce's check in.
 */
export type PurchaseCheck = (
  scope: Scope,
  accountId: number,
  productId: number,
  order: OrderRef,
) => Promise<number | null>;

/** Verified-purchase product reviews; the product keeps their count and rating sum. */
export class ReviewsService {
  readonly #purchasedIn: PurchaseCheck;

  constructor(purchasedIn: PurchaseCheck) {
    this.#purchasedIn = purchasedIn;
  }

  async list(scope: Scope, productId: number, q: { page: number; limit: number; sort: ReviewSort }) {
    const window = pageWindow(0, q.page, q.limit);
    // the product (404 when unknown) and its rating distribution in one statement
    const counts = await scope.em.execute<{ rating: number | null; n: number }[]>(
      `select r.rating, count(r.id)::int as n
       from product p left join product_review r on r.product_id = p.id
       where p.tenant_id = ? and p.id = ?
       group by r.rating`,
      [scope.tenant.id, productId],
    );
    if (counts.length === 0) throw new DomainError('NOT_FOUND', 'Product not found');
    const distribution: RatingDistribution = { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 };
    let total = 0;
    let sum = 0;
    for (const { rating, n } of counts) {
      if (rating === null) continue;
      distribution[rating as keyof RatingDistribution] = n;
      total += n;
      sum += rating * n;
    }
    const rows =
      total > window.offset
        ? await scope.em.execute<ReviewRow[]>(
            `select ${REVIEW_COLUMNS}
             from product_review r join account a on a.id = r.account_id
             where r.tenant_id = ? and r.product_id = ?
             order by ${ORDER_BY[q.sort]} limit ? offset ?`,
            [scope.tenant.id, productId, window.limit, window.offset],
          )
        : [];
    return {
      reviews: rows.map(toView),
      summary: { averageRating: averageRating(sum, total), totalReviews: total, distribution },
      window: pageWindow(total, q.page, q.limit),
    };
  }

  /**
   * Reviews a product bought in `input.order`: once per product per order, however the order is
   * named. The review and the product's counters change in one transaction.
   */
  async create(scope: Scope, accountId: number, productId: number, input: ReviewInput): Promise<ReviewView> {
    return inTransaction(scope, async (tx) => {
      const [product] = await tx.em.execute<{ id: number }[]>(
        'select id from product where tenant_id = ? and id = ?',
        [tx.tenant.id, productId],
      );
      if (!product) throw new DomainError('NOT_FOUND', 'Product not found');
      const orderId = await this.#purchasedIn(tx, accountId, productId, input.order);
      if (orderId === null) {
        throw new DomainError('FORBIDDEN', 'Only verified purchases can be reviewed', {
          fields: {
            order_id: ['must be one of your paid orders that contains this product'],
          },
        });
      }
      // the unique (product, account, order) index decides duplicates, also under concurrency
      const [inserted] = await tx.em.execute<{ id: number }[]>(
        `insert into product_review
           (tenant_id, product_id, account_id, order_id, rating, title, comment, images, helpful_count, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, 0, ?)
         on conflict (product_id, account_id, order_id) do nothing
         returning id`,
        [
          tx.tenant.id,
          productId,
          accountId,
          orderId,
          input.rating,
          input.title ?? null,
          input.comment ?? null,
          JSON.stringify(input.images ?? []),
          tx.now,
        ],
      );
      if (!inserted) {
        throw new DomainError('CONFLICT', 'You have already reviewed this product for this order');
      }
      await tx.em.execute(
        `update product set review_count = review_count + 1, rating_sum = rating_sum + ?
         where tenant_id = ? and id = ?`,
        [input.rating, tx.tenant.id, productId],
      );
      const [row] = await tx.em.execute<ReviewRow[]>(
        `select ${REVIEW_COLUMNS}
         from product_review r join account a on a.id = r.account_id
         where r.tenant_id = ? and r.id = ?`,
        [tx.tenant.id, inserted.id],
      );
      return toView(row!);
    });
  }
}
