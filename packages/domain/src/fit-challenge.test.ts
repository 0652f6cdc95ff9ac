import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar-days.ts';
import {
  batchStatus,
  checkCheckInWeek,
  checkInDateOf,
  checkNewBatch,
  completionPercentage,
  currentWeek,
  defaultWaitlistLimit,
  feeDue,
  formatBatchNumber,
  formatParticipantNumber,
  nextCheckInDate,
  participationStatusOn,
  paymentDueDate,
  placement,
  programmeWeeks,
  registrationWindow,
} from './fit-challenge.ts';

const invalid = (fields: Record<string, string[]>) =>
  expect.objectContaining({ code: 'VALIDATION_ERROR', fields });

// the spec's Batch 3
const BATCH = {
  startDate: '2024-10-15',
  endDate: '2024-12-10',
  registrationStartDate: '2024-09-20',
  registrationEndDate: '2024-10-10',
  programFee: 600_000,
  earlyBirdFee: 500_000 as number | null,
  earlyBirdDeadline: '2024-10-01' as string | null,
};

const day = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('numbers', () => {
  it('are FC-{year}-{3 digits} and FCP-{year}-{6 digits}', () => {
    expect(formatBatchNumber(2024, 3)).toBe('FC-2024-003');
    expect(formatParticipantNumber(2024, 46)).toBe('FCP-2024-000046');
  });
});

describe('registrationWindow', () => {
  it('is open from the first to the last registration day, both inclusive', () => {
    expect(registrationWindow(BATCH, '2024-09-19')).toBe('not_yet_open');
    expect(registrationWindow(BATCH, '2024-09-20')).toBe('open');
    expect(registrationWindow(BATCH, '2024-10-10')).toBe('open');
    expect(registrationWindow(BATCH, '2024-10-11')).toBe('closed');
  });
});

describe('feeDue', () => {
  it('is the early-bird fee up to and including its deadline, then the programme fee', () => {
    expect(feeDue(BATCH, '2024-09-29')).toEqual({ amount: 500_000, earlyBird: true });
    expect(feeDue(BATCH, '2024-10-01')).toEqual({ amount: 500_000, earlyBird: true });
    expect(feeDue(BATCH, '2024-10-02')).toEqual({ amount: 600_000, earlyBird: false });
  });

  it('is the programme fee when the batch has no early bird', () => {
    expect(feeDue({ ...BATCH, earlyBirdFee: null, earlyBirdDeadline: null }, '2024-09-20').amount).toBe(
      600_000,
    );
    expect(feeDue({ ...BATCH, earlyBirdDeadline: null }, '2024-09-20').amount).toBe(600_000);
  });

  it('never charges more than the programme fee when the early bird is cheaper', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        day,
        (a, b, d) => {
          const fees = {
            programFee: Math.max(a, b),
            earlyBirdFee: Math.min(a, b),
            earlyBirdDeadline: '2025-06-01',
          };
          const { amount, earlyBird } = feeDue(fees, d);
          expect(amount).toBeLessThanOrEqual(fees.programFee);
          expect(earlyBird).toBe(d <= '2025-06-01');
        },
      ),
    );
  });
});

describe('paymentDueDate', () => {
  it('is a week after registering', () => {
    expect(paymentDueDate('2024-09-29', BATCH.startDate)).toBe('2024-10-06');
  });

  it('is the day before the start when that comes first, never before registering', () => {
    expect(paymentDueDate('2024-10-10', BATCH.startDate)).toBe('2024-10-14');
    expect(paymentDueDate('2024-10-15', BATCH.startDate)).toBe('2024-10-15');
  });

  it('falls between the day of registering and a week later', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -10, max: 60 }), (registered, lead) => {
        const due = paymentDueDate(registered, addDays(registered, lead));
        expect(due >= registered).toBe(true);
        expect(due <= addDays(registered, 7)).toBe(true);
      }),
    );
  });
});

describe('placement', () => {
  it('fills the places, then the waitlist, then refuses', () => {
    const o = { maxParticipants: 2, waitlistLimit: 1, holdingPlaces: 0, waitlisted: 0 };
    expect(placement(o)).toBe('active');
    expect(placement({ ...o, holdingPlaces: 2 })).toBe('waitlist');
    expect(placement({ ...o, holdingPlaces: 2, waitlisted: 1 })).toBe('full');
    expect(placement({ ...o, holdingPlaces: 2, waitlistLimit: 0 })).toBe('full');
  });

  it('never places more than the places and the waitlist hold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 100 }),
        (max, limit, arrivals) => {
          const o = { maxParticipants: max, waitlistLimit: limit, holdingPlaces: 0, waitlisted: 0 };
          let refused = 0;
          for (let i = 0; i < arrivals; i++) {
            const where = placement(o);
            if (where === 'active') o.holdingPlaces++;
            else if (where === 'waitlist') o.waitlisted++;
            else refused++;
          }
          expect(o.holdingPlaces).toBe(Math.min(arrivals, max));
          expect(o.waitlisted).toBe(Math.min(Math.max(0, arrivals - max), limit));
          expect(o.holdingPlaces + o.waitlisted + refused).toBe(arrivals);
        },
      ),
    );
  });

  it('has a default waitlist of a tenth of the places, rounded up', () => {
    expect(defaultWaitlistLimit(100)).toBe(10);
    expect(defaultWaitlistLimit(5)).toBe(1);
  });
});

describe('weeks', () => {
  it('counts the programme in whole weeks', () => {
    expect(programmeWeeks(BATCH)).toBe(8);
    expect(programmeWeeks({ startDate: '2024-12-01', endDate: '2025-01-26' })).toBe(8);
    expect(programmeWeeks({ startDate: '2024-12-01', endDate: '2024-12-03' })).toBe(1);
    expect(programmeWeeks({ startDate: '2024-12-01', endDate: '2024-12-01' })).toBe(1);
  });

  it('follows the spec: week 3 done on 2024-11-05, 37.5%, next check-in a week later', () => {
    expect(currentWeek(BATCH, '2024-10-01')).toBe(0);
    expect(completionPercentage(BATCH, '2024-10-01')).toBe(0);
    expect(nextCheckInDate(BATCH, '2024-10-01')).toBe('2024-10-22');
    expect(currentWeek(BATCH, '2024-11-05')).toBe(3);
    expect(completionPercentage(BATCH, '2024-11-05')).toBe(37.5);
    expect(nextCheckInDate(BATCH, '2024-11-05')).toBe('2024-11-12');
    expect(checkInDateOf(BATCH.startDate, 1)).toBe('2024-10-22');
  });

  it('stops at the last week', () => {
    expect(currentWeek(BATCH, '2025-03-01')).toBe(8);
    expect(completionPercentage(BATCH, '2025-03-01')).toBe(100);
    expect(nextCheckInDate(BATCH, '2025-03-01')).toBeNull();
  });

  it('never goes back nor past the programme', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (today, later) => {
        const week = currentWeek(BATCH, today);
        expect(week).toBeGreaterThanOrEqual(0);
        expect(week).toBeLessThanOrEqual(programmeWeeks(BATCH));
        expect(currentWeek(BATCH, addDays(today, later))).toBeGreaterThanOrEqual(week);
      }),
    );
  });
});

describe('checkCheckInWeek', () => {
  it('takes a week of the programme once it has begun', () => {
    expect(() => checkCheckInWeek(BATCH, 1, '2024-10-15')).not.toThrow();
    expect(() => checkCheckInWeek(BATCH, 3, '2024-10-29')).not.toThrow();
    expect(() => checkCheckInWeek(BATCH, 8, '2025-01-01')).not.toThrow();
  });

  it.each([0, 9, 2.5])('refuses week %s', (week) => {
    expect(() => checkCheckInWeek(BATCH, week, '2024-11-05')).toThrow(
      invalid({ week_number: ['must be a week of the programme, from 1 to 8'] }),
    );
  });

  it('refuses a week that has not begun', () => {
    expect(() => checkCheckInWeek(BATCH, 1, '2024-10-14')).toThrow(
      invalid({ week_number: ['that week has not begun yet'] }),
    );
    expect(() => checkCheckInWeek(BATCH, 4, '2024-11-04')).toThrow(
      invalid({ week_number: ['that week has not begun yet'] }),
    );
  });
});

describe('batchStatus', () => {
  it('keeps draft and cancelled, and reads the rest from the dates', () => {
    expect(batchStatus('draft', BATCH, '2024-11-01')).toBe('draft');
    expect(batchStatus('cancelled', BATCH, '2024-11-01')).toBe('cancelled');
    expect(batchStatus('open', BATCH, '2024-10-14')).toBe('open');
    expect(batchStatus('open', BATCH, '2024-10-15')).toBe('active');
    expect(batchStatus('active', BATCH, '2024-12-10')).toBe('active');
    expect(batchStatus('open', BATCH, '2024-12-11')).toBe('completed');
  });
});

describe('checkNewBatch', () => {
  const batch4 = {
    startDate: '2024-12-01',
    endDate: '2025-01-26',
    registrationStartDate: '2024-11-01',
    registrationEndDate: '2024-11-25',
    programFee: 600_000,
    earlyBirdFee: 500_000 as number | null,
    earlyBirdDeadline: '2024-11-15' as string | null,
  };

  it('takes the spec example', () => {
    expect(() => checkNewBatch(batch4, '2024-09-29')).not.toThrow();
    expect(() =>
      checkNewBatch({ ...batch4, earlyBirdFee: null, earlyBirdDeadline: null }, '2024-09-29'),
    ).not.toThrow();
  });

  it('names every field out of order', () => {
    expect(() =>
      checkNewBatch(
        {
          ...batch4,
          registrationStartDate: '2024-11-30',
          registrationEndDate: '2024-11-20',
          startDate: '2024-11-10',
          endDate: '2024-11-10',
          earlyBirdFee: 700_000,
          earlyBirdDeadline: '2024-12-01',
        },
        '2024-11-21',
      ),
    ).toThrow(
      invalid({
        registration_end_date: ['must be on or after registration_start_date', 'must not be in the past'],
        start_date: ['must be on or after registration_end_date'],
        end_date: ['must be after start_date'],
        early_bird_fee: ['must not exceed program_fee'],
        early_bird_deadline: ['must fall within the registration period'],
      }),
    );
  });

  it('wants the early-bird fee and deadline together', () => {
    expect(() => checkNewBatch({ ...batch4, earlyBirdDeadline: null }, '2024-09-29')).toThrow(
      invalid({ early_bird_deadline: ['is required with the other early-bird field'] }),
    );
    expect(() => checkNewBatch({ ...batch4, earlyBirdFee: null }, '2024-09-29')).toThrow(
      invalid({ early_bird_fee: ['is required with the other early-bird field'] }),
    );
    expect(() => checkNewBatch({ ...batch4, earlyBirdDeadline: '2024-10-01' }, '2024-09-29')).toThrow(
      invalid({ early_bird_deadline: ['must fall within the registration period'] }),
    );
  });
});

describe('participationStatusOn', () => {
  it('shows an active participant of an ended batch as completed, anything else as stored', () => {
    expect(participationStatusOn('active', 'completed')).toBe('completed');
    expect(participationStatusOn('active', 'active')).toBe('active');
    expect(participationStatusOn('dropped_out', 'completed')).toBe('dropped_out');
  });
});
