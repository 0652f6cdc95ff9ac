import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEPOSIT_TYPE_CODES,
  depositTypeOf,
  SAVINGS_TRANSACTION_TYPES,
  SYSTEM_PROCESSOR,
  transactionTypeOf,
  withdrawalTypeOf,
} from './savings-transaction-types.ts';

/** RFC 4122 version 5 (SHA-1) UUID of `name` in `namespace`. */
function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
const TYPES_NAMESPACE = uuidV5(
  URL_NAMESPACE,
  'https://komisi.dev/koperasi-sinoman/savings-transaction-types',
);

describe('savings transaction types', () => {
  it('each id is the UUID v5 of its code, so it never changes', () => {
    for (const [code, type] of SAVINGS_TRANSACTION_TYPES) {
      expect(type.code).toBe(code);
      expect(type.id).toBe(uuidV5(TYPES_NAMESPACE, code));
    }
    expect(SYSTEM_PROCESSOR).toEqual({ id: uuidV5(TYPES_NAMESPACE, 'SYSTEM'), name: 'System Auto-Process' });
  });

  it('names them as the document does', () => {
    expect(transactionTypeOf('SS_DEPOSIT', 'deposit')).toEqual({
      id: '48b24c20-2db6-5179-a91c-b1a4b5eddbf6',
      name: 'Setoran Simpanan Sukarela',
      code: 'SS_DEPOSIT',
      category: 'deposit',
    });
    expect(transactionTypeOf('SS_WITHDRAWAL', 'withdrawal').name).toBe('Penarikan Simpanan Sukarela');
    expect(transactionTypeOf('SS_INTEREST', 'interest').name).toBe('Bunga Simpanan Sukarela');
    expect(transactionTypeOf('REFERRAL_BONUS', 'bonus').name).toBe('Bonus Referral');
  });

  it('shows a code it does not know by its code, in the category its row records', () => {
    expect(transactionTypeOf('LOYALTY_BONUS', 'bonus')).toEqual({
      id: null,
      name: 'LOYALTY_BONUS',
      code: 'LOYALTY_BONUS',
      category: 'bonus',
    });
  });

  it('derives the deposit and withdrawal type of a product', () => {
    expect(DEPOSIT_TYPE_CODES.map((c) => SAVINGS_TRANSACTION_TYPES.get(c)?.productCode)).toEqual([
      'SP',
      'SW',
      'SS',
    ]);
    expect(depositTypeOf('SW')).toBe('SW_DEPOSIT');
    expect(withdrawalTypeOf('SS')).toBe('SS_WITHDRAWAL');
  });
});
