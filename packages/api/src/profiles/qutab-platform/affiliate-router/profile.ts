import { affiliateProcedure } from '../affiliate.procedures.ts';
import { profileOf } from './affiliate-profile.ts';
import { profileInput, profileMeta, profileOutput } from './profile.types.ts';

/** The affiliate's own profile. */
export const profileProcedure = affiliateProcedure
  .meta(profileMeta)
  .input(profileInput)
  .output(profileOutput)
  .query(({ ctx }) => profileOf(ctx, ctx.affiliate));
