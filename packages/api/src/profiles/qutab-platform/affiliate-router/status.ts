import { affiliateProcedure } from '../affiliate.procedures.ts';
import { statusInput, statusMeta, statusOutput } from './status.types.ts';

/** The application's status, the reason of a rejection, the referral code once approved. */
export const statusProcedure = affiliateProcedure
  .meta(statusMeta)
  .input(statusInput)
  .output(statusOutput)
  .query(({ ctx }) => ({
    status: ctx.affiliate.status,
    rejection_reason: ctx.affiliate.status === 'rejected' ? (ctx.affiliate.rejectionReason ?? null) : null,
    approved_at: ctx.affiliate.approvedAt?.toISOString() ?? null,
    affiliate_code: ctx.affiliate.code ?? null,
  }));
