import type { TRPCRouterRecord } from '@trpc/server';
import { credentialProcedure } from '../../kernel/trpc.ts';
import * as s from './otp.schemas.ts';

const tags = ['Authentication'];

/** `2024-09-29T10:05:00Z`, as the document writes instants. */
const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Phone verification and password reset by a code sent over WhatsApp (§2.2.3, §2.2.4). */
export const otpRouter = {
  request: credentialProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/otp/request',
        tags,
        protect: false,
        summary: 'OTP Request',
        description:
          'Sends a 6-digit code to the number by WhatsApp; it works once, for 5 minutes, and for at ' +
          'most 5 wrong tries. A number gets at most one code a minute and 5 an hour per type: 429 ' +
          'with `retry_after_seconds` otherwise. For `reset_password` the answer is the same whether ' +
          'or not an account has the number (nothing is sent when none has).',
      },
      message: 'OTP sent successfully',
      errors: [429],
    })
    .input(s.otpRequestInput)
    .output(s.otpRequestOutput)
    .mutation(async ({ ctx, input }) => {
      const issued = await ctx.services.otp.request(ctx.scope(), { phone: input.phone, purpose: input.type });
      return { otp_id: issued.otpId, expires_at: isoSeconds(issued.expiresAt), phone: issued.phone };
    }),

  verify: credentialProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/auth/otp/verify',
        tags,
        protect: false,
        summary: 'OTP Verification',
        description:
          'Checks the code. A `verification` code marks the number verified on the accounts that ' +
          'have it. A `reset_password` code needs `new_password` (not in the document), which ' +
          'becomes the account’s password and ends all its sessions. A wrong code: 400 ' +
          '`OTP_INVALID` (field `otp_code`); expired: 400 `OTP_EXPIRED`; after 5 wrong codes: 400 ' +
          '`OTP_ATTEMPTS_EXCEEDED`; used before: 400 `OTP_ALREADY_USED`; an unknown `otp_id`: 404 ' +
          '`OTP_NOT_FOUND`.',
      },
      message: 'OTP verified successfully',
      errors: [400, 404],
    })
    .input(s.otpVerifyInput)
    .output(s.otpVerifyOutput)
    .mutation(async ({ ctx, input }) => {
      const verified = await ctx.services.otp.verify(ctx.scope(), {
        otpId: input.otp_id,
        code: input.otp_code,
        newPassword: input.new_password,
      });
      return { verified: true as const, phone_verified_at: isoSeconds(verified.phoneVerifiedAt) };
    }),
} satisfies TRPCRouterRecord;
