import type { TRPCRouterRecord } from '@trpc/server';
import { adminProcedure } from '../../kernel/trpc.ts';
import {
  presentAnalytics,
  presentBatch,
  presentBatchDetail,
  presentBatchSummary,
} from './fit-challenge.presenters.ts';
import * as s from './fit-challenge.schemas.ts';
import { pagination } from './pagination.schemas.ts';

const tags = ['Admin: Fit Challenge'];

/** koperasi-sinoman §6.3: creating batches (and opening them) and the programme's figures. */
export const adminFitChallengeRouter = {
  batches: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/fit-challenge/batches',
        tags,
        summary: 'List every Fit Challenge batch, drafts included (not in the document)',
        description:
          'What the administrators manage: every batch, the latest start first, with its places and ' +
          'waitlist. `status` as members would see it (`open`, `active`, `completed`, `cancelled`), or ' +
          '`draft` for the batches not yet opened.',
      },
      errors: [403, 422],
    })
    .input(s.adminBatchListInput)
    .output(s.adminBatchListOutput)
    .query(async ({ ctx, input }) => {
      const page = await ctx.services.programmeBatches.adminList(ctx.scope(), input);
      return {
        batches: page.batches.map((view) => ({
          ...presentBatch(view),
          waitlist_count: view.occupancy.waitlisted,
        })),
        pagination: pagination(page.window),
      };
    }),

  createBatch: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/fit-challenge/batches',
        tags,
        summary: 'Create Fit Challenge batch (Admin)',
        description:
          'A draft batch numbered FC-{year of its start}-{nnn} (or open at once with `status: "open"`). ' +
          'Registration opens on or before it closes, closes no later than the start and not in the past; ' +
          'the end follows the start; an early-bird fee needs its deadline within the registration period ' +
          'and is at most `program_fee` (422 naming each field).',
      },
      successStatus: 201,
      message: 'Fit Challenge batch created successfully',
      errors: [422],
    })
    .input(s.createBatchInput)
    .output(s.createdBatchOutput)
    .mutation(async ({ ctx, input }) => {
      const view = await ctx.services.programmeBatches.create(
        ctx.scope(),
        {
          name: input.name,
          description: input.description ?? null,
          startDate: input.start_date,
          endDate: input.end_date,
          registrationStartDate: input.registration_start_date,
          registrationEndDate: input.registration_end_date,
          maxParticipants: input.max_participants,
          waitlistLimit: input.waitlist_limit ?? null,
          programFee: input.program_fee,
          earlyBirdFee: input.early_bird_fee ?? null,
          earlyBirdDeadline: input.early_bird_deadline ?? null,
          venueName: input.venue_name ?? null,
          venueAddress: input.venue_address ?? null,
          trainerNames: input.trainer_names ?? [],
          programDetails: input.program_details,
          status: input.status,
        },
        ctx.auth.accountId,
      );
      return { batch: presentBatchSummary(view) };
    }),

  openBatch: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/fit-challenge/batches/{batch_id}/open',
        tags,
        summary: 'Open a draft batch for registration (not in the document)',
        description:
          'Publishes a draft: members see it and may register within its registration period. Any ' +
          'other batch: 409.',
      },
      message: 'Fit Challenge batch opened',
      errors: [404, 409],
    })
    .input(s.batchIdInput)
    .output(s.batchDetailOutput)
    .mutation(async ({ ctx, input }) => ({
      batch: presentBatchDetail(await ctx.services.programmeBatches.open(ctx.scope(), input.batch_id)),
    })),

  analytics: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/fit-challenge/analytics',
        tags,
        summary: 'Get Fit Challenge analytics (Admin)',
        description:
          'Over the batches members can see: participants who paid, completions (an active participant ' +
          'of a batch that is over has completed it), average weight lost (start to the latest ' +
          'check-in), fees paid, and registrations by month. `satisfaction_score` is null: no ratings ' +
          'are collected yet.',
      },
    })
    .input(s.emptyInput)
    .output(s.analyticsOutput)
    .query(async ({ ctx }) =>
      presentAnalytics(await ctx.services.programmeAnalytics.fitChallenge(ctx.scope())),
    ),
} satisfies TRPCRouterRecord;
