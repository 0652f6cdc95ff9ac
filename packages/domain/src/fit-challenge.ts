import { addDays, daysBetween } from './calendar-days.ts';
import { type FieldErrors, validationError } from './errors.ts';
import { ratioPercent } from './money.ts';
import { formatYearNumber } from './year-numbers.ts';

// The Fit Challenge programme (koperasi-sinoman): a batch's calendar, fees, places and weeks. Pure:
// every day is a local calendar day `YYYY-MM-DD` of the tenant, `today` passed in.
//
//   registration window   registration_start_date ≤ today ≤ registration_end_date   registrationWindow
//   fee                   early_bird_fee up to early_bird_deadline (inclusive)     feeDue
//   payment deadline      7 days after registering, at the latest the day before   paymentDueDate
//                         the start (never before the day of registering)
//   places                max_participants active; then a waitlist of            placement
//                         waitlist_limit (default: a tenth of the places, rounded up)
//   weeks                 week n runs from start + 7(n−1); its check-in is start + 7n  programmeWeeks, weekOf…
//   batch status          draft and cancelled as stored; otherwise from the dates   batchStatus

export const FIT_CHALLENGE_PAYMENT_DAYS = 7;
export const CHECK_IN_INTERVAL_DAYS = 7;

export const BATCH_STATUSES = ['draft', 'open', 'active', 'completed', 'cancelled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** §10.1's participation statuses. */
export const PARTICIPATION_STATUSES = [
  'waitlist',
  'active',
  'completed',
  'dropped_out',
  'disqualified',
] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

/** A batch's days, each a local `YYYY-MM-DD`. */
export interface BatchCalendar {
  startDate: string;
  endDate: string;
  registrationStartDate: string;
  registrationEndDate: string;
}

export interface BatchFees {
  programFee: number;
  /** absent or null: no early bird */
  earlyBirdFee?: number | null | undefined;
  earlyBirdDeadline?: string | null | undefined;
}

export const formatBatchNumber = (year: number, sequence: number) =>
  formatYearNumber('FC', year, sequence, 3);
export const formatParticipantNumber = (year: number, sequence: number) =>
  formatYearNumber('FCP', year, sequence, 6);

export type RegistrationWindow = 'not_yet_open' | 'open' | 'closed';

/** Where `today` falls against the registration period (both ends inclusive). */
export function registrationWindow(calendar: BatchCalendar, today: string): RegistrationWindow {
  if (today < calendar.registrationStartDate) return 'not_yet_open';
  return today <= calendar.registrationEndDate ? 'open' : 'closed';
}

/** What registering today costs: the early-bird fee up to and including its deadline, else the programme fee. */
export function feeDue(fees: BatchFees, today: string): { amount: number; earlyBird: boolean } {
  const earlyBird =
    fees.earlyBirdFee != null && fees.earlyBirdDeadline != null && today <= fees.earlyBirdDeadline;
  return earlyBird
    ? { amount: fees.earlyBirdFee as number, earlyBird }
    : { amount: fees.programFee, earlyBird };
}

/**
 * The last day to pay (the payment is due by its end, local time): a week after registering, or the
 * day before the programme starts when that comes first, but never before the day of registering.
 */
export function paymentDueDate(registeredOn: string, startDate: string): string {
  const eve = addDays(startDate, -1);
  let due = addDays(registeredOn, FIT_CHALLENGE_PAYMENT_DAYS);
  if (eve < due) due = eve;
  return due < registeredOn ? registeredOn : due;
}

/** A batch's waitlist when it does not set one: a tenth of its places, rounded up. */
export const defaultWaitlistLimit = (maxParticipants: number) => Math.ceil(maxParticipants / 10);

export interface Occupancy {
  maxParticipants: number;
  waitlistLimit: number;
  /** registrations holding a place (active or completed) */
  holdingPlaces: number;
  waitlisted: number;
}

/** Where a new registration goes: a place while one is free, else the waitlist while it has room, else none. */
export function placement(o: Occupancy): 'active' | 'waitlist' | 'full' {
  if (o.holdingPlaces < o.maxParticipants) return 'active';
  return o.waitlisted < o.waitlistLimit ? 'waitlist' : 'full';
}

/** Weeks in the programme: the days from start to end in whole weeks, rounded up, at least one. */
export function programmeWeeks(calendar: Pick<BatchCalendar, 'startDate' | 'endDate'>): number {
  return Math.max(1, Math.ceil(daysBetween(calendar.startDate, calendar.endDate) / CHECK_IN_INTERVAL_DAYS));
}

/** The weeks completed by `today` (0 before the start, at most the programme's weeks). */
export function currentWeek(calendar: Pick<BatchCalendar, 'startDate' | 'endDate'>, today: string): number {
  const days = daysBetween(calendar.startDate, today);
  if (days < 0) return 0;
  return Math.min(programmeWeeks(calendar), Math.floor(days / CHECK_IN_INTERVAL_DAYS));
}

/** The share of the programme's weeks completed, percent with 1 decimal. */
export function completionPercentage(calendar: Pick<BatchCalendar, 'startDate' | 'endDate'>, today: string) {
  return ratioPercent(currentWeek(calendar, today), programmeWeeks(calendar), 1);
}

/** The day week `week`'s check-in falls on: a week after that week began. */
export const checkInDateOf = (startDate: string, week: number) =>
  addDays(startDate, week * CHECK_IN_INTERVAL_DAYS);

/** The next check-in day after the weeks completed; null once the last week is done. */
export function nextCheckInDate(calendar: Pick<BatchCalendar, 'startDate' | 'endDate'>, today: string) {
  const done = currentWeek(calendar, today);
  return done >= programmeWeeks(calendar) ? null : checkInDateOf(calendar.startDate, done + 1);
}

/**
 * Refuses a check-in for a week outside the programme or one that has not begun yet (week n begins
 * 7(n−1) days after the start): a 422 naming `week_number`.
 */
export function checkCheckInWeek(
  calendar: Pick<BatchCalendar, 'startDate' | 'endDate'>,
  week: number,
  today: string,
) {
  const weeks = programmeWeeks(calendar);
  if (!Number.isInteger(week) || week < 1 || week > weeks) {
    throw validationError({ week_number: [`must be a week of the programme, from 1 to ${weeks}`] });
  }
  if (today < addDays(calendar.startDate, (week - 1) * CHECK_IN_INTERVAL_DAYS)) {
    throw validationError({ week_number: ['that week has not begun yet'] });
  }
}

/**
 * A batch's status as members see it: draft and cancelled are the administrator's word; an open
 * (or later) batch is open until its start, active until its end, then completed.
 */
export function batchStatus(
  stored: BatchStatus,
  calendar: Pick<BatchCalendar, 'startDate' | 'endDate'>,
  today: string,
): BatchStatus {
  if (stored === 'draft' || stored === 'cancelled') return stored;
  if (today < calendar.startDate) return 'open';
  return today <= calendar.endDate ? 'active' : 'completed';
}

/** A participant's status as shown: one still active when the batch is over has completed it. */
export function participationStatusOn(stored: ParticipationStatus, batch: BatchStatus): ParticipationStatus {
  return stored === 'active' && batch === 'completed' ? 'completed' : stored;
}

/**
 * A new batch's dates and fees in order (422, each problem under the spec's field name): registration
 * opens before it closes, closes no later than the start and not in the past; the programme ends after
 * it starts; the early-bird fee comes with a deadline inside the registration period and costs no more
 * than the programme fee.
 */
export function checkNewBatch(batch: BatchCalendar & BatchFees, today: string): void {
  const fields: FieldErrors = {};
  const add = (field: string, message: string) => {
    fields[field] = [...(fields[field] ?? []), message];
  };
  if (batch.registrationEndDate < batch.registrationStartDate)
    add('registration_end_date', 'must be on or after registration_start_date');
  if (batch.registrationEndDate < today) add('registration_end_date', 'must not be in the past');
  if (batch.startDate < batch.registrationEndDate)
    add('start_date', 'must be on or after registration_end_date');
  if (batch.endDate <= batch.startDate) add('end_date', 'must be after start_date');
  if ((batch.earlyBirdFee == null) !== (batch.earlyBirdDeadline == null)) {
    add(
      batch.earlyBirdFee == null ? 'early_bird_fee' : 'early_bird_deadline',
      'is required with the other early-bird field',
    );
  }
  if (batch.earlyBirdFee != null && batch.earlyBirdFee > batch.programFee)
    add('early_bird_fee', 'must not exceed program_fee');
  const deadline = batch.earlyBirdDeadline;
  if (deadline != null && (deadline < batch.registrationStartDate || deadline > batch.registrationEndDate))
    add('early_bird_deadline', 'must fall within the registration period');
  if (Object.keys(fields).length > 0) throw validationError(fields);
}
