import type { AutocannonRequest } from 'autocannon';
import { SEARCH_TERMS } from './generate-products.ts';
import type { Fixture } from './prepare.ts';
import { settings } from './settings.ts';

const API = `/t/${settings.tenantSlug}/api`;

/** One request as plain data, so the same one can be sent by fetch (probe) and by autocannon. */
export interface Call {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Scenario {
  name: string;
  title: string;
  /** the i-th request of a run (i counts across the run's connections) */
  call(i: number): Call;
  /** inputs a request uses up (orders to confirm): how many were handed out, and whether they ran out */
  consumption?: () => { used: number; exhausted: boolean };
  /** bodies of ours and bare must be equal (read-only scenarios) */
  sameBody: boolean;
}

const json = (token?: string) => ({
  'content-type': 'application/json',
  ...(token && { authorization: `Bearer ${token}` }),
});

export function scenarios(f: Fixture): Scenario[] {
  let nextOrder = 0;
  let exhausted = false;
  const networkPages = Math.min(50, Math.ceil(f.networkRoot.descendants / 20));
  return [
    {
      name: 'products',
      title: `GET /products/list (search, sort by price; ${settings.products.toLocaleString('en')} products)`,
      sameBody: true,
      call: (i) => ({
        method: 'GET',
        path: `${API}/products/list?per_page=20&search=${encodeURIComponent(SEARCH_TERMS[i % SEARCH_TERMS.length]!)}&sort_by=price`,
        headers: {},
      }),
    },
    {
      name: 'preview',
      title: 'POST /orders/calculate-commission (10-level chain + stockist)',
      sameBody: true,
      call: (i) => ({
        method: 'POST',
        path: `${API}/orders/calculate-commission`,
        headers: json(f.buyers[i % f.buyers.length]!.token),
        body: JSON.stringify({
          product_id: f.productIds[i % f.productIds.length],
          quantity: 1 + (i % 3),
          sponsor_id: f.sponsorMemberId,
          stockist_id: f.stockistMemberId,
        }),
      }),
    },
    {
      name: 'confirm',
      title: `POST /orders/confirm-payment (full settlement, 11 commissions; orders of ${f.buyers.length} buyers)`,
      sameBody: false,
      consumption: () => ({ used: Math.min(nextOrder, f.pendingOrders.length), exhausted }),
      call: () => {
        // every request confirms an order nobody confirmed before; 0 (a 400) once they run out
        const order = f.pendingOrders[nextOrder++] ?? { id: 0, token: f.buyers[0]!.token };
        if (order.id === 0) exhausted = true;
        return {
          method: 'POST',
          path: `${API}/orders/confirm-payment`,
          headers: json(order.token),
          body: JSON.stringify({ order_id: order.id }),
        };
      },
    },
    {
      name: 'network',
      title: `GET /user/network (level=all; ${f.networkRoot.descendants.toLocaleString('en')} descendants, ${f.networkRoot.levels} levels)`,
      sameBody: true,
      call: (i) => ({
        method: 'GET',
        path: `${API}/user/network?page=${1 + (i % networkPages)}&level=all`,
        headers: json(f.networkRoot.token),
      }),
    },
  ];
}

/** autocannon's request list: one entry whose setup draws the next call from a shared counter. */
export function autocannonRequests(s: Scenario): () => AutocannonRequest[] {
  let i = 0;
  return () => [
    {
      setupRequest: (req) => {
        const c = s.call(i++);
        req.method = c.method;
        req.path = c.path;
        req.headers = c.headers;
        req.body = c.body ?? '';
        return req;
      },
    },
  ];
}
