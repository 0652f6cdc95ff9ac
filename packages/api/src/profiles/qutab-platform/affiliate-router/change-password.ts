import { affiliateProcedure } from '../affiliate.procedures.ts';
import { changePassword } from '../profile.router.ts';
import { changePasswordInput, changePasswordMeta, changePasswordOutput } from './change-password.types.ts';

/** The affiliate's password, as customers change theirs. */
export const changePasswordProcedure = affiliateProcedure
  .meta(changePasswordMeta)
  .input(changePasswordInput)
  .output(changePasswordOutput)
  .mutation(({ ctx, input }) => changePassword(ctx, input));
