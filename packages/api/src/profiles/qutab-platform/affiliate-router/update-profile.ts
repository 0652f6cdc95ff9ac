import { affiliateProcedure } from '../affiliate.procedures.ts';
import { profileOf } from './affiliate-profile.ts';
import { updateProfileInput, updateProfileMeta, updateProfileOutput } from './update-profile.types.ts';

/** Changes the affiliate's editable profile fields. */
export const updateProfileProcedure = affiliateProcedure
  .meta(updateProfileMeta)
  .input(updateProfileInput)
  .output(updateProfileOutput)
  .mutation(async ({ ctx, input }) => {
    const scope = ctx.scope();
    const affiliate = await ctx.services.affiliateDirectory.update(scope, ctx.affiliate.id, {
      firstName: input.first_name,
      lastName: input.last_name,
      whatsapp: input.whatsapp,
      city: input.city,
      instagram: input.instagram,
      tiktok: input.tiktok,
    });
    return profileOf(ctx, affiliate);
  });
