import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { originOf } from './tenant-routes.ts';

describe('originOf', () => {
  it('is the URL parser’s origin for every request URL, plain or not', () => {
    for (const url of [
      'http://127.0.0.1:3000/t/shop/api/cart',
      'https://api.example.com/api/products?x=1',
      'http://Example.COM:80/x',
      'https://shop.example.com:443/',
      'http://[::1]:3000/t/a',
      'http://localhost',
    ])
      expect(originOf(url)).toBe(new URL(url).origin);
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        expect(originOf(url)).toBe(new URL(url).origin);
      }),
    );
  });
});
