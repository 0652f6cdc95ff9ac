import type { TRPCRouterRecord } from '@trpc/server';
import type { ApiContext } from '../../kernel/api-context.ts';
import { authedProcedure } from '../../kernel/trpc.ts';
import { presentProfile } from './qutab.presenters.ts';
import * as s from './qutab.schemas.ts';

const tags = ['Customer profile'];

/** Customers and affiliates alike: the current password, then every other session ends. */
export async function changePassword(
  ctx: Pick<ApiContext, 'services' | 'scope'> & { auth: { accountId: number; sessionId: string } },
  input: { current_password: string; new_password: string },
) {
  await ctx.services.identity.changePassword(
    ctx.scope(),
    ctx.auth.accountId,
    ctx.auth.sessionId,
    input.current_password,
    input.new_password,
  );
  return { message: 'Password changed' };
}

export const profileRouter = {
  get: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/profile',
        tags,
        summary: 'Get customer profile',
        description: 'The signed-in customer’s name, email, phone and address.',
      },
    })
    .input(s.emptyInput)
    .output(s.profileOutput)
    .query(async ({ ctx }) =>
      presentProfile(await ctx.services.identity.account(ctx.scope(), ctx.auth.accountId)),
    ),

  update: authedProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/profile',
        tags,
        summary: 'Update profile',
        description: 'name, phone and address are editable; email and any other field sent are ignored.',
      },
      message: 'Profile updated',
      errors: [422],
    })
    .input(s.updateProfileInput)
    .output(s.profileOutput)
    .mutation(async ({ ctx, input }) =>
      presentProfile(
        await ctx.services.identity.updateProfile(ctx.scope(), ctx.auth.accountId, {
          name: input.name,
          phone: input.phone,
          address: input.address,
        }),
      ),
    ),

  changePassword: authedProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/profile/password',
        tags,
        summary: 'Change password',
        description: 'Needs the current password; every other session of the account ends.',
      },
      errors: [422],
    })
    .input(s.changePasswordInput)
    .output(s.messageOutput)
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
} satisfies TRPCRouterRecord;
