// The Fit Challenge's records in the document's shapes: measurements from hundredths to numbers with
// two decimals, instants as ISO 8601 without milliseconds (§10.2).
import { fromHundredths } from '@komisi/domain';
import type { MemberCard } from '../../contexts/cooperative/cooperative-members.service.ts';
import type { Payment } from '../../contexts/payments/payment.entity.ts';
import type { PaymentInstructions } from '../../contexts/payments/payment-provider.ts';
import type { ParticipantStanding } from '../../contexts/programmes/participant-progress.ts';
import type { ProgrammeAnalytics } from '../../contexts/programmes/programme-analytics.service.ts';
import type { ProgrammeBatch } from '../../contexts/programmes/programme-batch.entity.ts';
import type { BatchView } from '../../contexts/programmes/programme-batches.service.ts';
import type { ProgrammeParticipant } from '../../contexts/programmes/programme-participant.entity.ts';
import type {
  ProgressReport,
  SubmittedCheckIn,
} from '../../contexts/programmes/programme-progress.service.ts';

/** How the fee may be paid (the document's list; the gateway's page offers them). */
export const FIT_CHALLENGE_PAYMENT_METHODS = ['bank_transfer', 'gopay', 'ovo', 'dana'];

/** `2024-09-29T16:00:00Z`: ISO 8601 in UTC, whole seconds. */
export const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const measured = (h: number | null | undefined) => (h == null ? null : fromHundredths(h));

export function presentBatchSummary({ batch, status, occupancy }: BatchView) {
  return {
    id: batch.publicId,
    name: batch.name,
    batch_number: batch.batchNumber,
    start_date: batch.startDate,
    end_date: batch.endDate,
    max_participants: batch.maxParticipants,
    current_participants: occupancy.holdingPlaces,
    status,
    created_at: isoSeconds(batch.createdAt),
  };
}

export function presentBatch(view: BatchView) {
  const { batch } = view;
  return {
    ...presentBatchSummary(view),
    description: batch.description ?? null,
    registration_start_date: batch.registrationStartDate,
    registration_end_date: batch.registrationEndDate,
    available_slots: view.availableSlots,
    program_fee: batch.programFee,
    early_bird_fee: batch.earlyBirdFee ?? null,
    early_bird_deadline: batch.earlyBirdDeadline ?? null,
    venue_name: batch.venueName ?? null,
    venue_address: batch.venueAddress ?? null,
    trainer_names: batch.trainerNames,
  };
}

export function presentBatchDetail(view: BatchView) {
  return {
    ...presentBatch(view),
    waitlist_count: view.occupancy.waitlisted,
    program_details: view.batch.programDetails,
  };
}

export function presentRegistration(
  registration: { participant: ProgrammeParticipant; batch: ProgrammeBatch; payment: Payment | null },
  card: MemberCard,
) {
  const { participant: p, batch, payment } = registration;
  const deadline = p.paymentDueAt ? isoSeconds(p.paymentDueAt) : null;
  // a bank-transfer gateway (Midtrans) hands out the virtual account to pay into; a payment page does not
  const instructions = payment?.details.instructions as PaymentInstructions | undefined;
  return {
    id: p.publicId,
    participant_number: p.participantNumber,
    member: { member_number: card.memberNumber, full_name: card.fullName },
    batch: { id: batch.publicId, name: batch.name, start_date: batch.startDate },
    registration_date: isoSeconds(p.registeredAt),
    payment_status: p.paymentStatus,
    amount_due: p.amountDue,
    payment_deadline: deadline,
    participation_status: p.participationStatus,
    initial_assessment: {
      weight: fromHundredths(p.initialWeight),
      height: fromHundredths(p.initialHeight),
      target_weight: fromHundredths(p.targetWeight),
      personal_goals: p.personalGoals ?? null,
    },
    emergency_contact: { name: p.emergencyContactName, phone: p.emergencyContactPhone },
    payment_instructions:
      payment && deadline
        ? {
            amount: payment.amount,
            virtual_account: instructions?.vaNumber ?? null,
            payment_methods: FIT_CHALLENGE_PAYMENT_METHODS,
            deadline,
            payment_url: payment.paymentUrl,
          }
        : null,
  };
}

export function presentRegistrationSummary(entry: {
  participant: ProgrammeParticipant;
  batch: ProgrammeBatch;
  standing: ParticipantStanding;
}) {
  const { participant: p, batch, standing } = entry;
  return {
    id: p.publicId,
    participant_number: p.participantNumber,
    batch: {
      id: batch.publicId,
      name: batch.name,
      start_date: batch.startDate,
      end_date: batch.endDate,
      status: standing.batchStatus,
    },
    registration_date: isoSeconds(p.registeredAt),
    payment_status: p.paymentStatus,
    amount_paid: p.amountPaid,
    participation_status: standing.participationStatus,
    completion_percentage: standing.completionPercentage,
    current_week: standing.currentWeek,
    next_checkin_date: standing.nextCheckInDate,
  };
}

export function presentProgress(
  { checkIn: c, completionRate }: SubmittedCheckIn,
  participantId: string,
  photos: { front: string | null; side: string | null },
) {
  return {
    id: c.publicId,
    participant_id: participantId,
    week_number: c.weekNumber,
    check_in_date: c.checkInDate,
    measurements: {
      weight: fromHundredths(c.weight),
      body_fat_percentage: measured(c.bodyFat),
      chest_circumference: measured(c.chest),
      waist_circumference: measured(c.waist),
      hip_circumference: measured(c.hip),
    },
    workout_progress: {
      workouts_completed: c.workoutsCompleted,
      total_workouts_planned: c.workoutsPlanned,
      completion_rate: completionRate,
    },
    nutrition_adherence_score: c.nutritionScore,
    participant_notes: c.notes ?? null,
    progress_photos: photos,
    created_at: isoSeconds(c.createdAt),
  };
}

export function presentProgressHistory(r: ProgressReport) {
  return {
    participant: {
      id: r.participant.publicId,
      participant_number: r.participant.participantNumber,
      batch_name: r.batch.name,
      start_date: r.batch.startDate,
      current_week: r.standing.currentWeek,
      completion_percentage: r.standing.completionPercentage,
    },
    initial_assessment: {
      weight: fromHundredths(r.initial.weight),
      height: fromHundredths(r.initial.height),
      target_weight: fromHundredths(r.initial.target),
      bmi: r.initial.bmi,
    },
    current_status: {
      weight: fromHundredths(r.current.weight),
      weight_loss: fromHundredths(r.current.weightLoss),
      bmi: r.current.bmi,
      progress_to_goal: r.current.progressToGoal,
    },
    progress_history: r.checkIns.map((c) => ({
      week_number: c.weekNumber,
      check_in_date: c.checkInDate,
      weight: fromHundredths(c.weight),
      body_fat_percentage: measured(c.bodyFat),
      workouts_completed: c.workoutsCompleted,
      total_workouts_planned: c.workoutsPlanned,
      nutrition_adherence_score: c.nutritionScore,
    })),
    achievements: r.achievements,
  };
}

export function presentAnalytics({ overview, batches, months }: ProgrammeAnalytics) {
  return {
    overview: {
      total_batches: overview.totalBatches,
      active_batches: overview.activeBatches,
      total_participants: overview.participants,
      completion_rate: overview.completionRate,
      average_weight_loss: overview.averageWeightLoss,
      total_revenue: overview.totalRevenue,
    },
    batch_performance: batches.map((b) => ({
      batch_number: b.batch.batchNumber,
      participants: b.participants,
      completed: b.completed,
      completion_rate: b.completionRate,
      average_weight_loss: b.averageWeightLoss,
      // the document shows a score but nothing collects ratings yet
      satisfaction_score: null,
    })),
    monthly_registrations: months,
  };
}
