import type { TRPCRouterRecord } from '@trpc/server';
import { approveProcedure } from './approve.ts';
import { createContentProcedure } from './create-content.ts';
import { createCouponProcedure } from './create-coupon.ts';
import { deleteContentProcedure } from './delete-content.ts';
import { listAffiliatesProcedure } from './list-affiliates.ts';
import { listContentProcedure } from './list-content.ts';
import { rejectProcedure } from './reject.ts';
import { setRateProcedure } from './set-rate.ts';
import { setSupportContactProcedure } from './set-support-contact.ts';
import { updateContentProcedure } from './update-content.ts';

/**
 * The programme's admin actions (applications, rates, coupons, content, support contact), one
 * procedure per file (its shapes beside it in `<procedure>.types.ts`).
 */
export const adminAffiliatesRouter = {
  listAffiliates: listAffiliatesProcedure,
  approve: approveProcedure,
  reject: rejectProcedure,
  setRate: setRateProcedure,
  createCoupon: createCouponProcedure,
  listContent: listContentProcedure,
  createContent: createContentProcedure,
  updateContent: updateContentProcedure,
  deleteContent: deleteContentProcedure,
  setSupportContact: setSupportContactProcedure,
} satisfies TRPCRouterRecord;
