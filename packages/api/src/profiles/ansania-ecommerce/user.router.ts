import type { TRPCRouterRecord } from '@trpc/server';
import { authedProcedure } from '../../kernel/trpc.ts';
import { presentAddress, presentProfile, toAddressInput } from './ansania.presenters.ts';
import * as s from './ansania.schemas.ts';

const tags = ['User'];

export const userRouter = {
  profile: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/user/profile',
        tags,
        summary: 'Get current user profile',
        description:
          'The signed-in customer’s account. `email_verified` is false until the email address is ' +
          'confirmed.',
      },
    })
    .input(s.emptyInput)
    .output(s.profileOutput)
    .query(async ({ ctx }) =>
      presentProfile(await ctx.services.identity.account(ctx.scope(), ctx.auth.accountId)),
    ),

  updateProfile: authedProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/user/profile',
        tags,
        summary: 'Update user profile',
        description:
          'Changes `full_name`, `phone` or both (send at least one); the email address never changes here.',
      },
    })
    .input(s.updateProfileInput)
    .output(s.profileOutput)
    .mutation(async ({ ctx, input }) => {
      const account = await ctx.services.identity.updateProfile(ctx.scope(), ctx.auth.accountId, {
        name: input.full_name,
        phone: input.phone,
      });
      return presentProfile(account);
    }),

  addresses: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/user/addresses',
        tags,
        summary: 'Get all user addresses',
        description: 'The signed-in customer’s address book, the default address first.',
      },
    })
    .input(s.emptyInput)
    .output(s.addressListOutput)
    .query(async ({ ctx }) => ({
      addresses: (await ctx.services.addresses.list(ctx.scope(), ctx.auth.accountId)).map(presentAddress),
    })),

  addAddress: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/user/addresses',
        tags,
        summary: 'Add new address',
        description:
          'The first address becomes the default; `is_default: true` makes a later one the default ' +
          'instead of the current one.',
      },
      successStatus: 201,
    })
    .input(s.addressInput)
    .output(s.singleAddressOutput)
    .mutation(async ({ ctx, input }) => ({
      address: presentAddress(
        await ctx.services.addresses.create(ctx.scope(), ctx.auth.accountId, toAddressInput(input)),
      ),
    })),

  updateAddress: authedProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/user/addresses/{id}',
        tags,
        summary: 'Update address',
        description: 'Replaces every field of one of your addresses (another customer’s address: 404).',
      },
    })
    .input(s.updateAddressInput)
    .output(s.singleAddressOutput)
    .mutation(async ({ ctx, input }) => {
      const { id, ...fields } = input;
      const address = await ctx.services.addresses.update(
        ctx.scope(),
        ctx.auth.accountId,
        id,
        toAddressInput(fields),
      );
      return { address: presentAddress(address) };
    }),

  deleteAddress: authedProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/user/addresses/{id}',
        tags,
        summary: 'Delete address',
        description:
          'Removes one of your addresses (another customer’s: 404). When it was the default, your ' +
          'oldest remaining address becomes the default. Answers 204 with no body.',
      },
      successStatus: 204,
    })
    .input(s.addressIdInput)
    .output(s.noContent)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.addresses.remove(ctx.scope(), ctx.auth.accountId, input.id);
    }),

  setDefaultAddress: authedProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/user/addresses/{id}/set-default',
        tags,
        summary: 'Set address as default',
        description: 'Makes one of your addresses the default; the previous default stays in the book.',
      },
    })
    .input(s.addressIdInput)
    .output(s.singleAddressOutput)
    .mutation(async ({ ctx, input }) => ({
      address: presentAddress(
        await ctx.services.addresses.setDefault(ctx.scope(), ctx.auth.accountId, input.id),
      ),
    })),
} satisfies TRPCRouterRecord;
