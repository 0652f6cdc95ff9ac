// Request and response shapes of koperasi-sinoman's Fit Challenge (§5, §6.3), in the document's
// field names. Measurements have at most two decimals (§10.2); amounts are whole rupiah.
import { BATCH_STATUSES, PARTICIPATION_STATUSES } from '@komisi/domain';
import { z } from 'zod';
import {
  boundedInt,
  coercedNumber,
  INT64,
  isoDate,
  MONEY_MAX,
  pageNumber,
  queryBoolean,
  trimmed,
} from '../shared/request-fields.schemas.ts';
import { amountOutput, countOutput } from '../shared/response-fields.schemas.ts';
import { paginationOutput } from './pagination.schemas.ts';

const text = (min: number, max: number) => trimmed(z.string().min(min).max(max));
const optionalText = (max: number) => trimmed(z.string().max(max)).nullable().optional();
const publicId = z
  .uuid({ message: 'must be an id' })
  .meta({ example: 'dd0e8400-e29b-41d4-a716-446655440000' });
const money = amountOutput.meta({ description: 'Rupiah (whole)' });
const amount = coercedNumber({ message: 'must be a number' }).int().min(0).max(MONEY_MAX).meta(INT64);
const dateTime = z.string().meta({ example: '2024-09-29T16:00:00Z' });
const day = z.string().meta({ example: '2024-10-15', description: 'YYYY-MM-DD' });
const percent = z.number().min(0).max(100).meta({ description: 'Percent, one decimal' });
const oneDecimal = z.number().meta({ description: 'One decimal' });

/** A measurement (kg, cm, %) with at most two decimals, within `min`–`max`. */
const measurement = (min: number, max: number) =>
  coercedNumber({ message: 'must be a number' })
    .min(min)
    .max(max)
    .refine((v) => Math.round(v * 100) / 100 === v, 'must have at most 2 decimals');
const measured = z.number().meta({ description: 'Two decimals at most' });
const phone = trimmed(
  z.string().regex(/^\+?[0-9][0-9 -]{6,18}[0-9]$/, 'must be a phone number like 081234567891'),
);
/** A photo: multipart on REST (passed on as base64), a base64 string on tRPC. */
const photo = z
  .string({ message: 'must be a JPEG or PNG file' })
  .min(1, 'must be a JPEG or PNG file')
  .max(7_000_000, 'must be at most 5 MB');

export const batchStatus = z.enum(BATCH_STATUSES);

// --- batches (§5.1)

export const batchListInput = z.object({
  status: z.enum(['open', 'active', 'completed']).optional(),
  upcoming: queryBoolean.optional().meta({ description: 'Only batches that have not started yet' }),
});
export const batchIdInput = z.object({ batch_id: publicId });

const batchSummaryFields = {
  id: z.string(),
  name: z.string(),
  batch_number: z.string().meta({ example: 'FC-2024-003' }),
  start_date: day,
  end_date: day,
  max_participants: countOutput,
  current_participants: countOutput.meta({ description: 'Registrations holding a place' }),
  status: batchStatus,
  created_at: dateTime,
};
const batchFields = {
  ...batchSummaryFields,
  description: z.string().nullable(),
  registration_start_date: day,
  registration_end_date: day,
  available_slots: countOutput,
  program_fee: money,
  early_bird_fee: money.nullable(),
  early_bird_deadline: day.nullable(),
  venue_name: z.string().nullable(),
  venue_address: z.string().nullable(),
  trainer_names: z.array(z.string()),
};
export const programDetails = z.object({
  duration_weeks: z.number().int().min(1).max(520),
  sessions_per_week: z.number().int().min(0).max(50),
  session_duration_minutes: z.number().int().min(0).max(1440),
  includes: z.array(z.string().max(200)).max(30),
});
export const batchListOutput = z.object({ batches: z.array(z.object(batchFields)) });
export const batchDetailOutput = z.object({
  batch: z.object({ ...batchFields, waitlist_count: countOutput, program_details: programDetails }),
});

// --- registration (§5.2)

export const registerInput = z.object({
  batch_id: publicId,
  initial_weight: measurement(20, 400).meta({ description: 'kg', example: 75.5 }),
  initial_height: measurement(50, 300).meta({ description: 'cm', example: 170.0 }),
  target_weight: measurement(20, 400).meta({ description: 'kg', example: 70.0 }),
  personal_goals: optionalText(1000),
  medical_conditions: optionalText(1000),
  emergency_contact_name: text(1, 200),
  emergency_contact_phone: phone,
});

export const registerOutput = z.object({
  registration: z.object({
    id: z.string(),
    participant_number: z.string().meta({ example: 'FCP-2024-000046' }),
    member: z.object({ member_number: z.string(), full_name: z.string() }),
    batch: z.object({ id: z.string(), name: z.string(), start_date: day }),
    registration_date: dateTime,
    payment_status: z.enum(['pending', 'completed', 'failed']),
    amount_due: money,
    payment_deadline: dateTime
      .nullable()
      .meta({ description: 'End of the last day to pay; null on the waitlist' }),
    participation_status: z.enum(PARTICIPATION_STATUSES),
    initial_assessment: z.object({
      weight: measured,
      height: measured,
      target_weight: measured,
      personal_goals: z.string().nullable(),
    }),
    emergency_contact: z.object({ name: z.string(), phone: z.string() }),
    payment_instructions: z
      .object({
        amount: money,
        virtual_account: z.string().nullable().meta({ description: 'When the gateway gives one' }),
        payment_methods: z.array(z.string()),
        deadline: dateTime,
        payment_url: z.string().meta({ description: 'The gateway’s payment page' }),
      })
      .nullable()
      .meta({ description: 'Null on the waitlist: a place must come free first' }),
  }),
});

export const registrationListOutput = z.object({
  registrations: z.array(
    z.object({
      id: z.string(),
      participant_number: z.string(),
      batch: z.object({
        id: z.string(),
        name: z.string(),
        start_date: day,
        end_date: day,
        status: batchStatus,
      }),
      registration_date: dateTime,
      payment_status: z.enum(['pending', 'completed', 'failed']),
      amount_paid: money,
      participation_status: z.enum(PARTICIPATION_STATUSES),
      completion_percentage: percent,
      current_week: countOutput,
      next_checkin_date: day.nullable(),
    }),
  ),
});

// --- progress (§5.3)

export const progressInput = z.object({
  participant_id: publicId,
  week_number: boundedInt(1, 520, { message: 'must be a number' }),
  weight: measurement(20, 400).meta({ description: 'kg' }),
  body_fat_percentage: measurement(1, 80).optional(),
  chest_circumference: measurement(20, 300).optional().meta({ description: 'cm' }),
  waist_circumference: measurement(20, 300).optional().meta({ description: 'cm' }),
  hip_circumference: measurement(20, 300).optional().meta({ description: 'cm' }),
  workouts_completed: boundedInt(0, 100, { message: 'must be a number' }),
  total_workouts_planned: boundedInt(1, 100, { message: 'must be a number' }),
  nutrition_adherence_score: boundedInt(1, 10, { message: 'must be a number' }),
  participant_notes: optionalText(1000),
  progress_photo_front: photo.optional(),
  progress_photo_side: photo.optional(),
});

const measurements = z.object({
  weight: measured,
  body_fat_percentage: measured.nullable(),
  chest_circumference: measured.nullable(),
  waist_circumference: measured.nullable(),
  hip_circumference: measured.nullable(),
});
export const progressOutput = z.object({
  progress: z.object({
    id: z.string(),
    participant_id: z.string(),
    week_number: countOutput,
    check_in_date: day,
    measurements,
    workout_progress: z.object({
      workouts_completed: countOutput,
      total_workouts_planned: countOutput,
      completion_rate: percent,
    }),
    nutrition_adherence_score: countOutput,
    participant_notes: z.string().nullable(),
    progress_photos: z
      .object({ front: z.string().nullable(), side: z.string().nullable() })
      .meta({ description: 'Signed links that expire in minutes' }),
    created_at: dateTime,
  }),
});

export const participantIdInput = z.object({ participant_id: publicId });
export const progressHistoryOutput = z.object({
  participant: z.object({
    id: z.string(),
    participant_number: z.string(),
    batch_name: z.string(),
    start_date: day,
    current_week: countOutput,
    completion_percentage: percent,
  }),
  initial_assessment: z.object({
    weight: measured,
    height: measured,
    target_weight: measured,
    bmi: oneDecimal,
  }),
  current_status: z.object({
    weight: measured,
    weight_loss: measured.meta({ description: 'kg; negative when gained' }),
    bmi: oneDecimal,
    progress_to_goal: percent,
  }),
  progress_history: z.array(
    z.object({
      week_number: countOutput,
      check_in_date: day,
      weight: measured,
      body_fat_percentage: measured.nullable(),
      workouts_completed: countOutput,
      total_workouts_planned: countOutput,
      nutrition_adherence_score: countOutput,
    }),
  ),
  achievements: z.array(z.string()),
});

// --- administration (§6.3)

export const createBatchInput = z.object({
  name: text(1, 200),
  description: optionalText(2000),
  start_date: isoDate,
  end_date: isoDate,
  registration_start_date: isoDate,
  registration_end_date: isoDate,
  max_participants: boundedInt(1, 100_000, { message: 'must be a number' }),
  program_fee: amount,
  early_bird_fee: amount.nullable().optional(),
  early_bird_deadline: isoDate.nullable().optional(),
  venue_name: optionalText(200),
  venue_address: optionalText(500),
  trainer_names: z.array(text(1, 100)).max(20).optional(),
  waitlist_limit: boundedInt(0, 100_000, { message: 'must be a number' }).optional().meta({
    description: 'Places on the waitlist once full (default: a tenth of max_participants, rounded up)',
  }),
  program_details: programDetails.partial().optional(),
  status: z
    .enum(['draft', 'open'])
    .optional()
    .meta({ description: 'draft (default) or open for registration at once' }),
});
export const createdBatchOutput = z.object({ batch: z.object(batchSummaryFields) });

export const adminBatchListInput = z.object({
  status: batchStatus
    .optional()
    .meta({ description: 'As members would see it; `draft` for the unpublished' }),
  page: pageNumber().default(1),
  limit: boundedInt(1, 100).default(20),
});
export const adminBatchListOutput = z.object({
  batches: z.array(z.object({ ...batchFields, waitlist_count: countOutput })),
  pagination: paginationOutput,
});

const cohort = {
  completion_rate: percent,
  average_weight_loss: oneDecimal.nullable().meta({ description: 'kg; null before any check-in' }),
};
export const analyticsOutput = z.object({
  overview: z.object({
    total_batches: countOutput,
    active_batches: countOutput,
    total_participants: countOutput.meta({ description: 'Registrations whose fee is paid' }),
    ...cohort,
    total_revenue: money,
  }),
  batch_performance: z.array(
    z.object({
      batch_number: z.string(),
      participants: countOutput,
      completed: countOutput,
      ...cohort,
      satisfaction_score: oneDecimal.nullable().meta({ description: 'Not collected yet: null' }),
    }),
  ),
  monthly_registrations: z.array(
    z.object({ month: z.string().meta({ example: '2024-09' }), registrations: countOutput, revenue: money }),
  ),
});

export const emptyInput = z.object({}).optional();
