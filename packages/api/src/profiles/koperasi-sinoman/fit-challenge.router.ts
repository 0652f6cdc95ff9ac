import { DomainError, toHundredths } from '@komisi/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { authedProcedure, publicProcedure } from '../../kernel/trpc.ts';
import {
  presentBatch,
  presentBatchDetail,
  presentProgress,
  presentProgressHistory,
  presentRegistration,
  presentRegistrationSummary,
} from './fit-challenge.presenters.ts';
import * as s from './fit-challenge.schemas.ts';

const tags = ['Fit Challenge'];

/** An uploaded photo as the files context takes it (the REST handler passed it on as base64). */
const photo = (base64: string | undefined) => (base64 ? { bytes: Buffer.from(base64, 'base64') } : null);
const hundredths = (value: number | undefined, field: string) =>
  value === undefined ? null : toHundredths(value, field);

/** koperasi-sinoman §5: batches, registration and weekly progress of the Fit Challenge. */
export const fitChallengeRouter = {
  batches: publicProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/fit-challenge/batches',
        tags,
        protect: false,
        summary: 'Get available batches',
        description:
          'Batches open for registration, running or completed (status as of today in the cooperative’s ' +
          'time zone), by start date; `upcoming=true` keeps those not started yet.',
      },
    })
    .input(s.batchListInput)
    .output(s.batchListOutput)
    .query(async ({ ctx, input }) => ({
      batches: (await ctx.services.programmeBatches.list(ctx.scope(), input)).map(presentBatch),
    })),

  batch: publicProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/fit-challenge/batches/{batch_id}',
        tags,
        protect: false,
        summary: 'Get batch details',
        description: 'One batch with its places left, its waitlist and what the programme includes.',
      },
    })
    .input(s.batchIdInput)
    .output(s.batchDetailOutput)
    .query(async ({ ctx, input }) => ({
      batch: presentBatchDetail(await ctx.services.programmeBatches.detail(ctx.scope(), input.batch_id)),
    })),

  register: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/fit-challenge/register',
        tags,
        summary: 'Register for Fit Challenge',
        description:
          'A place and a pending payment of the fee (the early-bird fee up to its deadline), due a week ' +
          'later or the day before the start if sooner, by 23:59:59 local time. A full batch puts the ' +
          'member on its waitlist (no payment yet) while that has room, else 400 BATCH_FULL. Outside the ' +
          'registration period 400 REGISTRATION_CLOSED; registered already 400 DUPLICATE_REGISTRATION.',
      },
      successStatus: 201,
      message: 'Registration successful',
      errors: [400, 404, 422],
    })
    .input(s.registerInput)
    .output(s.registerOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const accountId = ctx.auth.accountId;
      const card = (await ctx.services.cooperativeMembers.cardsOf(scope, [accountId])).get(accountId);
      if (!card)
        throw new DomainError('NOT_FOUND', 'Member not found', { details: { code: 'MEMBER_NOT_FOUND' } });
      const registration = await ctx.services.programmeRegistrations.register(scope, accountId, {
        batchId: input.batch_id,
        initialWeight: toHundredths(input.initial_weight, 'initial_weight'),
        initialHeight: toHundredths(input.initial_height, 'initial_height'),
        targetWeight: toHundredths(input.target_weight, 'target_weight'),
        personalGoals: input.personal_goals ?? null,
        medicalConditions: input.medical_conditions ?? null,
        emergencyContactName: input.emergency_contact_name,
        emergencyContactPhone: input.emergency_contact_phone,
      });
      return { registration: presentRegistration(registration, card) };
    }),

  registrations: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/fit-challenge/registration',
        tags,
        summary: 'Get registration status',
        description: 'The member’s registrations, newest first, with where each stands this week.',
      },
    })
    .input(s.emptyInput)
    .output(s.registrationListOutput)
    .query(async ({ ctx }) => ({
      registrations: (await ctx.services.programmeRegistrations.mine(ctx.scope(), ctx.auth.accountId)).map(
        presentRegistrationSummary,
      ),
    })),

  submitProgress: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/fit-challenge/progress',
        tags,
        summary: 'Submit weekly progress',
        description:
          'A paid, active participant’s check-in for a week of the programme that has begun, once per ' +
          'week (again: 409). Photos: JPEG or PNG, at most 5 MB, at least 800×600; stored privately and ' +
          'shown as links that expire in minutes.',
      },
      successStatus: 201,
      message: 'Progress submitted successfully',
      uploads: ['progress_photo_front', 'progress_photo_side'],
      errors: [400, 404, 409, 422],
    })
    .input(s.progressInput)
    .output(s.progressOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const submitted = await ctx.services.programmeProgress.submit(scope, ctx.auth.accountId, {
        participantId: input.participant_id,
        weekNumber: input.week_number,
        weight: toHundredths(input.weight, 'weight'),
        bodyFat: hundredths(input.body_fat_percentage, 'body_fat_percentage'),
        chest: hundredths(input.chest_circumference, 'chest_circumference'),
        waist: hundredths(input.waist_circumference, 'waist_circumference'),
        hip: hundredths(input.hip_circumference, 'hip_circumference'),
        workoutsCompleted: input.workouts_completed,
        workoutsPlanned: input.total_workouts_planned,
        nutritionScore: input.nutrition_adherence_score,
        notes: input.participant_notes ?? null,
        photoFront: photo(input.progress_photo_front),
        photoSide: photo(input.progress_photo_side),
      });
      const photos = await ctx.services.programmeProgress.photoLinks(
        scope,
        submitted.checkIn,
        { accountId: ctx.auth.accountId, isAdmin: false },
        { baseUrl: ctx.baseUrl },
      );
      return { progress: presentProgress(submitted, input.participant_id, photos) };
    }),

  progress: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/fit-challenge/progress/{participant_id}',
        tags,
        summary: 'Get progress history',
        description:
          'The member’s own participation: the start, the latest figures (BMI, weight lost, progress to ' +
          'the target), each week’s check-in and the achievements earned. Another member’s: 404.',
      },
      errors: [404],
    })
    .input(s.participantIdInput)
    .output(s.progressHistoryOutput)
    .query(async ({ ctx, input }) =>
      presentProgressHistory(
        await ctx.services.programmeProgress.report(ctx.scope(), ctx.auth.accountId, input.participant_id),
      ),
    ),
} satisfies TRPCRouterRecord;
