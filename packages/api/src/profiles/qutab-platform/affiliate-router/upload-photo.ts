import { uploaded } from '../../shared/uploads.ts';
import { affiliateProcedure } from '../affiliate.procedures.ts';
import { profileOf } from './affiliate-profile.ts';
import { uploadPhotoInput, uploadPhotoMeta, uploadPhotoOutput } from './upload-photo.types.ts';

/** Stores a new profile photo and answers the profile with it. */
export const uploadPhotoProcedure = affiliateProcedure
  .meta(uploadPhotoMeta)
  .input(uploadPhotoInput)
  .output(uploadPhotoOutput)
  .mutation(async ({ ctx, input }) => {
    const scope = ctx.scope();
    await ctx.services.affiliatePhotos.uploadProfilePhoto(
      scope,
      ctx.auth.accountId,
      uploaded(input.photo, 'photo'),
    );
    return profileOf(ctx, await ctx.services.affiliateApplications.byAccount(scope, ctx.auth.accountId));
  });
