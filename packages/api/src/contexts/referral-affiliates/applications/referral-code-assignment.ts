import { DomainError, REFERRAL_CODE_RANDOM_BYTES, referralCode } from '@komisi/domain';
import { TransactionPropagation, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Scope } from '../../../kernel/scope.ts';

/** Attempts at a fresh code when the drawn one is taken (62^7 codes: a second attempt is already rare). */
const CODE_ATTEMPTS = 5;

/**
 * Writes a fresh code on the (locked) affiliate row. Each attempt runs in a savepoint, so a unique
 * violation (a code another affiliate holds, or one a concurrent approval just took) rolls back only
 * the attempt, and a new code is drawn.
 */
export async function assignReferralCode(
  tx: Scope,
  affiliateId: number,
  random: (size: number) => Uint8Array,
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const code = drawCode(random);
    try {
      await tx.em.transactional(
        (sp) =>
          sp.execute('update affiliate set code = ? where tenant_id = ? and id = ?', [
            code,
            tx.tenant.id,
            affiliateId,
          ]),
        { propagation: TransactionPropagation.NESTED },
      );
      return code;
    } catch (e) {
      if (!(e instanceof UniqueConstraintViolationException) || attempt >= CODE_ATTEMPTS) throw e;
    }
  }
}

function drawCode(random: (size: number) => Uint8Array): string {
  for (let i = 0; i < 10; i++) {
    const code = referralCode(random(REFERRAL_CODE_RANDOM_BYTES));
    if (code) return code;
  }
  throw new DomainError('INTERNAL_ERROR', 'the random source gave no usable bytes');
}
