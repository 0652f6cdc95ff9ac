import type { TRPCRouterRecord } from '@trpc/server';
import { activityProcedure } from './activity.ts';
import { balanceProcedure } from './balance.ts';
import { changePasswordProcedure } from './change-password.ts';
import { couponsProcedure } from './coupons.ts';
import { faqProcedure } from './faq.ts';
import { materialsProcedure } from './materials.ts';
import { profileProcedure } from './profile.ts';
import { referralLinkProcedure } from './referral-link.ts';
import { referralsProcedure } from './referrals.ts';
import { statisticsProcedure } from './statistics.ts';
import { statusProcedure } from './status.ts';
import { summaryProcedure } from './summary.ts';
import { supportContactProcedure } from './support-contact.ts';
import { updateProfileProcedure } from './update-profile.ts';
import { uploadPhotoProcedure } from './upload-photo.ts';

/** The affiliate dashboard, one procedure per file (its shapes beside it in `<procedure>.types.ts`). */
export const affiliateRouter = {
  status: statusProcedure,
  summary: summaryProcedure,
  activity: activityProcedure,
  statistics: statisticsProcedure,
  referralLink: referralLinkProcedure,
  materials: materialsProcedure,
  balance: balanceProcedure,
  referrals: referralsProcedure,
  coupons: couponsProcedure,
  faq: faqProcedure,
  supportContact: supportContactProcedure,
  profile: profileProcedure,
  updateProfile: updateProfileProcedure,
  uploadPhoto: uploadPhotoProcedure,
  changePassword: changePasswordProcedure,
} satisfies TRPCRouterRecord;
