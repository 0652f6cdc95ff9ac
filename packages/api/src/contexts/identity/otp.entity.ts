import { OTP_PURPOSES } from '@komisi/domain';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';
import { Account } from './account.entity.ts';

/**
 * A one-time code sent to a phone. Only the code's HMAC is stored (keyed with a server secret and
 * bound to the OTP's id), so the table alone does not give the codes away.
 */
export const PhoneOtp = defineEntity({
  name: 'PhoneOtp',
  tableName: 'phone_otp',
  properties: {
    /** shown as `otp_<uuid>` */
    id: p.uuid().primary(),
    tenant: tenantColumn(),
    /** the number the code went to, international form (`6281234567890`) */
    phone: p.string().length(32),
    purpose: p.enum(OTP_PURPOSES),
    /** reset_password: the account whose password the code may reset; null when none (nothing was sent) */
    account: () => p.manyToOne(Account).mapToPk().fieldName('account_id').nullable(),
    codeHash: p.string().length(64),
    /** wrong codes tried */
    attempts: p.integer().default(0),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  // the resend limits count a phone's recent codes for a purpose
  indexes: [{ name: 'phone_otp_recent_idx', properties: ['tenant', 'phone', 'purpose', 'createdAt'] }],
});
export type PhoneOtp = InferEntity<typeof PhoneOtp>;
