import { referralLink } from '../affiliate.presenters.ts';
import { approvedAffiliateProcedure } from '../affiliate.procedures.ts';
import { referralLinkInput, referralLinkMeta, referralLinkOutput } from './referral-link.types.ts';

/** The affiliate's link, where it leads, and a snippet to embed it. */
export const referralLinkProcedure = approvedAffiliateProcedure
  .meta(referralLinkMeta)
  .input(referralLinkInput)
  .output(referralLinkOutput)
  .query(({ ctx }) =>
    referralLink(
      ctx.affiliate,
      ctx.services.referralLinks.referralUrl(ctx.tenant, ctx.baseUrl, ctx.affiliate.code ?? ''),
      ctx.services.referralLinks.targetUrl(ctx.tenant, ctx.baseUrl),
    ),
  );
