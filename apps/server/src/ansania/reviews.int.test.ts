import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { loginTestUser, placeOrder, productIds, registerCustomer, shop, sql } from './shop-fixtures.ts';

let app: TestApp;
let http: ReturnType<typeof shop>;
let ids: Map<string, number>;
let john: { id: number; token: string };
beforeAll(async () => {
  app = await startTestApp();
  http = shop(app);
  ids = await productIds(app);
  john = await loginTestUser(app);
});
afterAll(async () => {
  await app.close();
});

const reviewsOf = (productId: number, query = '', token = john.token) =>
  http.get(`/products/${productId}/reviews${query}`, token);

describe('POST /products/{id}/reviews', () => {
  it('needs a token', async () => {
    const product = ids.get('dining-table-oak')!;
    const res = await http.post(`/products/${product}/reviews`, { order_id: 1, rating: 5 });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ success: false, code: 'UNAUTHORIZED' });
  });

  it('accepts a verified purchase (201) and updates the product rating at once', async () => {
    const customer = await registerCustomer(app, 'Siti Rahayu Putri');
    const product = ids.get('coffee-table-teak')!;
    const orderId = await placeOrder(app, customer.id, [product, ids.get('dining-table-oak')!]);
    const res = await http.post(
      `/products/${product}/reviews`,
      {
        order_id: orderId,
        rating: 4,
        title: ' Sturdy and beautiful ',
        comment: 'Arrived well packed.',
        images: ['https://cdn.example.com/review1.jpg', 'http://cdn.example.com/review2.png'],
      },
      customer.token,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({
      success: true,
      data: {
        review: {
          id: expect.any(Number),
          user: { name: 'Siti P.', avatar: null },
          rating: 4,
          title: 'Sturdy and beautiful',
          comment: 'Arrived well packed.',
          images: ['https://cdn.example.com/review1.jpg', 'http://cdn.example.com/review2.png'],
          is_verified_purchase: true,
          helpful_count: 0,
          created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        },
      },
      meta: { timestamp: expect.any(String) },
    });
    const detail = await http.get('/products/coffee-table-teak', customer.token);
    expect(detail.body.data.product).toMatchObject({ rating: 4, total_reviews: 1 });

    // a second paid order of the same product may be reviewed too; the average follows
    const again = await placeOrder(app, customer.id, [product]);
    const second = await http.post(
      `/products/${product}/reviews`,
      { order_id: again, rating: 5 },
      customer.token,
    );
    expect(second.status).toBe(201);
    expect(second.body.data.review).toMatchObject({ title: null, comment: null, images: [] });
    const after = await http.get('/products/coffee-table-teak', customer.token);
    expect(after.body.data.product).toMatchObject({ rating: 4.5, total_reviews: 2 });
    const [row] = await sql(app, 'select review_count, rating_sum from product where id = ?', [product]);
    expect(row).toEqual({ review_count: 2, rating_sum: 9 });
  });

  it('takes a blank title or comment as none (null), as it takes an absent one', async () => {
    const customer = await registerCustomer(app, 'Dewi Lestari');
    const product = ids.get('coffee-table-teak')!;
    const orderId = await placeOrder(app, customer.id, [product]);
    const res = await http.post(
      `/products/${product}/reviews`,
      { order_id: orderId, rating: 5, title: '', comment: '   ' },
      customer.token,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.review).toMatchObject({ title: null, comment: null });
  });

  it('refuses a second review of the same product for the same order with 409 CONFLICT', async () => {
    const customer = await registerCustomer(app);
    const product = ids.get('bookshelf-ladder')!;
    const orderId = await placeOrder(app, customer.id, [product]);
    const first = await http.post(
      `/products/${product}/reviews`,
      { order_id: orderId, rating: 5 },
      customer.token,
    );
    expect(first.status).toBe(201);
    const dup = await http.post(
      `/products/${product}/reviews`,
      { order_id: orderId, rating: 1 },
      customer.token,
    );
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ success: false, code: 'CONFLICT' });
    // the refused review changed nothing
    const [row] = await sql(app, 'select review_count, rating_sum from product where id = ?', [product]);
    expect(row).toEqual({ review_count: 1, rating_sum: 5 });
  });

  it('lets only one of two concurrent reviews for the same order through', async () => {
    const customer = await registerCustomer(app);
    const product = ids.get('standing-desk-walnut')!;
    const orderId = await placeOrder(app, customer.id, [product]);
    const both = await Promise.all(
      [4, 2].map((rating) =>
        http.post(`/products/${product}/reviews`, { order_id: orderId, rating }, customer.token),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const [row] = await sql(app, 'select review_count, rating_sum from product where id = ?', [product]);
    const kept = both.find((r) => r.status === 201)!.body.data.review.rating;
    expect(row).toEqual({ review_count: 1, rating_sum: kept });
  });

  it('refuses anything but a paid order of the reviewer containing the product (403)', async () => {
    const customer = await registerCustomer(app);
    const other = await registerCustomer(app);
    const product = ids.get('wardrobe-sliding-2-door')!;
    const pending = await placeOrder(app, customer.id, [product], 'pending_payment');
    const failed = await placeOrder(app, customer.id, [product], 'payment_failed');
    const otherProduct = await placeOrder(app, customer.id, [ids.get('dining-table-oak')!]);
    const someoneElses = await placeOrder(app, other.id, [product]);
    for (const orderId of [pending, failed, otherProduct, someoneElses, 999_999]) {
      const res = await http.post(
        `/products/${product}/reviews`,
        { order_id: orderId, rating: 5 },
        customer.token,
      );
      expect(res.status, `order ${orderId}`).toBe(403);
      expect(res.body).toMatchObject({
        success: false,
        code: 'FORBIDDEN',
        error: 'Only verified purchases can be reviewed',
        details: { order_id: expect.any(Array) },
      });
    }
    const [row] = await sql(app, 'select review_count from product where id = ?', [product]);
    expect(row.review_count).toBe(0);
  });

  it('validates the review, naming each field', async () => {
    const product = ids.get('dining-table-oak')!;
    const bad = await http.post(
      `/products/${product}/reviews`,
      { rating: 6, title: 'x'.repeat(201) },
      john.token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(bad.body.details).sort()).toEqual(['order_id', 'rating', 'title']);
    const zero = await http.post(`/products/${product}/reviews`, { order_id: 1, rating: 0 }, john.token);
    expect(Object.keys(zero.body.details)).toEqual(['rating']);
    const half = await http.post(`/products/${product}/reviews`, { order_id: 1, rating: 4.5 }, john.token);
    expect(Object.keys(half.body.details)).toEqual(['rating']);
  });

  it('says what order_id expects when it has the wrong type or form, and "is required" only when absent', async () => {
    const product = ids.get('dining-table-oak')!;
    const expects = ['must be an order id or order number'];
    for (const order_id of [
      true,
      {},
      [1],
      null,
      1.5,
      0,
      -3,
      '',
      '  ',
      '1.5',
      'ORD 2026',
      2 ** 31,
      '2147483648',
    ]) {
      const res = await http.post(`/products/${product}/reviews`, { order_id, rating: 5 }, john.token);
      expect(res.status, JSON.stringify(order_id)).toBe(400);
      expect(res.body.details, JSON.stringify(order_id)).toEqual({ order_id: expects });
    }
    const missing = await http.post(`/products/${product}/reviews`, { rating: 5 }, john.token);
    expect(missing.body.details).toEqual({ order_id: ['is required'] });
    // well-formed but not the reviewer's paid order: 403 as before
    for (const order_id of ['42', 'ORD-19990101-001', 2 ** 31 - 1]) {
      const res = await http.post(`/products/${product}/reviews`, { order_id, rating: 5 }, john.token);
      expect(res.status, String(order_id)).toBe(403);
    }
  });

  it('accepts up to 5 http(s) image URLs and refuses base64 uploads clearly', async () => {
    const product = ids.get('dining-table-oak')!;
    const base64 = await http.post(
      `/products/${product}/reviews`,
      {
        order_id: 1,
        rating: 5,
        images: [
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        ],
      },
      john.token,
    );
    expect(base64.status).toBe(400);
    expect(base64.body.details['images.0'][0]).toMatch(/uploads \(base64\) are not supported yet/);
    const dataUrl = await http.post(
      `/products/${product}/reviews`,
      { order_id: 1, rating: 5, images: ['data:image/png;base64,iVBORw0KGgo='] },
      john.token,
    );
    expect(Object.keys(dataUrl.body.details)).toEqual(['images.0']);
    const tooMany = await http.post(
      `/products/${product}/reviews`,
      {
        order_id: 1,
        rating: 5,
        images: Array.from({ length: 6 }, (_, i) => `https://cdn.example.com/${i}.jpg`),
      },
      john.token,
    );
    expect(tooMany.status).toBe(400);
    expect(Object.keys(tooMany.body.details)).toEqual(['images']);
  });

  it('answers 404 for an unknown product and 400 for a non-numeric id', async () => {
    const unknown = await http.post('/products/999999/reviews', { order_id: 1, rating: 5 }, john.token);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const word = await http.post(
      '/products/dining-table-oak/reviews',
      { order_id: 1, rating: 5 },
      john.token,
    );
    expect(word.status).toBe(400);
    expect(Object.keys(word.body.details)).toEqual(['id']);
  });
});

describe('GET /products/{id}/reviews', () => {
  // five reviews of the sofa, oldest first: ratings 5, 3, 4, 5, 1 (helpful counts set below)
  let sofa: number;
  const reviewIds: number[] = [];
  beforeAll(async () => {
    sofa = ids.get('sofa-linen-3-seater')!;
    const ratings = [5, 3, 4, 5, 1];
    for (const [i, rating] of ratings.entries()) {
      const orderId = await placeOrder(app, john.id, [sofa]);
      const res = await http.post(
        `/products/${sofa}/reviews`,
        { order_id: orderId, rating, title: `Review ${i + 1}`, comment: 'Comfortable.' },
        john.token,
      );
      expect(res.status).toBe(201);
      reviewIds.push(res.body.data.review.id);
      // distinct, increasing creation times
      await sql(app, "update product_review set created_at = now() - (? * interval '1 hour') where id = ?", [
        10 - i,
        res.body.data.review.id,
      ]);
    }
    await sql(app, 'update product_review set helpful_count = ? where id = ?', [15, reviewIds[1]]);
    await sql(app, 'update product_review set helpful_count = ? where id = ?', [7, reviewIds[3]]);
  });

  it('answers the documented shape with the summary and pagination (10 per page by default)', async () => {
    const res = await reviewsOf(sofa, '', ''); // anonymous: authentication is optional
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      data: {
        reviews: expect.any(Array),
        summary: {
          average_rating: 3.6,
          total_reviews: 5,
          rating_distribution: { 5: 2, 4: 1, 3: 1, 2: 0, 1: 1 },
        },
        pagination: { page: 1, limit: 10, total: 5, totalPages: 1 },
      },
      meta: { timestamp: expect.any(String) },
    });
    expect(res.body.data.reviews[0]).toEqual({
      id: reviewIds[4],
      user: { name: 'John D.', avatar: null },
      rating: 1,
      title: 'Review 5',
      comment: 'Comfortable.',
      images: [],
      is_verified_purchase: true,
      helpful_count: 0,
      created_at: expect.any(String),
    });
    // the card agrees with the summary
    const detail = await http.get('/products/sofa-linen-3-seater', john.token);
    expect(detail.body.data.product).toMatchObject({ rating: 3.6, total_reviews: 5 });
  });

  it('sorts by recent, highest, lowest and helpful', async () => {
    const order = async (sort: string) =>
      (await reviewsOf(sofa, `?sort=${sort}`)).body.data.reviews.map(
        (r: { id: number }) => reviewIds.indexOf(r.id) + 1,
      );
    expect(await order('recent')).toEqual([5, 4, 3, 2, 1]);
    expect(await order('highest')).toEqual([4, 1, 3, 2, 5]);
    expect(await order('lowest')).toEqual([5, 2, 3, 4, 1]);
    expect(await order('helpful')).toEqual([2, 4, 5, 3, 1]);
  });

  it('pages with page and limit', async () => {
    const second = await reviewsOf(sofa, '?limit=2&page=2');
    expect(second.body.data.pagination).toEqual({ page: 2, limit: 2, total: 5, totalPages: 3 });
    expect(second.body.data.reviews.map((r: { id: number }) => r.id)).toEqual([reviewIds[2], reviewIds[1]]);
    const past = await reviewsOf(sofa, '?limit=2&page=4');
    expect(past.body.data.reviews).toEqual([]);
    expect(past.body.data.summary.total_reviews).toBe(5);
  });

  it('answers an empty summary for a product without reviews', async () => {
    const res = await reviewsOf(ids.get('dresser-6-drawer')!);
    expect(res.body.data).toEqual({
      reviews: [],
      summary: { average_rating: 0, total_reviews: 0, rating_distribution: { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 } },
      pagination: { page: 1, limit: 10, total: 0, totalPages: 1 },
    });
  });

  it('refuses bad parameters (400 naming them) and unknown products (404)', async () => {
    const word = await reviewsOf(Number.NaN, '');
    expect(word.status).toBe(400);
    const slug = await http.get('/products/dining-table-oak/reviews', john.token);
    expect(slug.status).toBe(400);
    expect(Object.keys(slug.body.details)).toEqual(['id']);
    const bad = await reviewsOf(sofa, '?sort=oldest&limit=101&page=-1');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(['limit', 'page', 'sort']);
    const unknown = await reviewsOf(999_999);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
  });
});
