import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  at,
  errorOf,
  type ProgrammeFixture,
  programmeFixture,
  progressPhoto,
  registrationFor,
} from '../../testing/programmes/programme-fixtures.ts';
import { FileObject } from '../files/file-object.entity.ts';
import type { CheckInInput } from './programme-progress.service.ts';

let f: ProgrammeFixture;
let batch: string;

beforeAll(async () => {
  f = await programmeFixture();
  batch = await f.batch();
});

afterAll(async () => {
  await f.close();
});

/** A member registered on 2024-09-29 for Batch 3, paid unless told otherwise; their participant id. */
async function participant(paid = true): Promise<{ member: number; id: string }> {
  const member = await f.member();
  const { participant, payment } = await f.services.programmeRegistrations.register(
    f.scope(at('2024-09-29')),
    member,
    registrationFor(batch),
  );
  if (paid) await f.settle(payment!.id, 'success', at('2024-09-30'));
  return { member, id: participant.publicId };
}

const week = (participantId: string, weekNumber: number, more: Partial<CheckInInput> = {}): CheckInInput => ({
  participantId,
  weekNumber,
  weight: 7320,
  bodyFat: 1850,
  chest: 9500,
  waist: 8500,
  hip: 9800,
  workoutsCompleted: 8,
  workoutsPlanned: 9,
  nutritionScore: 8,
  notes: 'Feeling stronger and more energetic',
  photoFront: null,
  photoSide: null,
  ...more,
});

const submit = (member: number, input: CheckInInput, now: Date) =>
  f.services.programmeProgress.submit(f.scope(now), member, input);

describe('submitting weekly progress', () => {
  it('takes a paid, active participant’s week once it has begun, once', async () => {
    const p = await participant();
    const { checkIn, completionRate } = await submit(p.member, week(p.id, 1), at('2024-10-22'));
    expect(completionRate).toBe(88.9);
    expect(checkIn).toMatchObject({ weekNumber: 1, checkInDate: '2024-10-22', weight: 7320, bodyFat: 1850 });
    const again = await errorOf(submit(p.member, week(p.id, 1), at('2024-10-23')));
    expect(again).toMatchObject({ code: 'CONFLICT', details: { code: 'PROGRESS_ALREADY_SUBMITTED' } });
    const early = await errorOf(submit(p.member, week(p.id, 3), at('2024-10-28')));
    expect(early.fields).toEqual({ week_number: ['that week has not begun yet'] });
    const outside = await errorOf(submit(p.member, week(p.id, 9), at('2024-12-20')));
    expect(outside.fields).toEqual({ week_number: ['must be a week of the programme, from 1 to 8'] });
  });

  it('refuses a participant who has not paid', async () => {
    const p = await participant(false);
    const refused = await errorOf(submit(p.member, week(p.id, 1), at('2024-10-22')));
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', details: { code: 'PARTICIPANT_NOT_ACTIVE' } });
  });

  it('stores the photos privately, refusing one under 800×600 and keeping nothing then', async () => {
    const p = await participant();
    const before = await f.scope(new Date()).em.count(FileObject, { owner: p.member });
    const small = await errorOf(
      submit(
        p.member,
        week(p.id, 1, {
          photoFront: { bytes: await progressPhoto() },
          photoSide: { bytes: await progressPhoto(640, 480) },
        }),
        at('2024-10-22'),
      ),
    );
    expect(small.fields).toEqual({ progress_photo_side: ['must be at least 800×600 pixels'] });
    expect(await f.scope(new Date()).em.count(FileObject, { owner: p.member })).toBe(before);

    const now = at('2024-10-22');
    const { checkIn } = await submit(
      p.member,
      week(p.id, 1, {
        photoFront: { bytes: await progressPhoto() },
        photoSide: { bytes: await progressPhoto(600, 800) },
      }),
      now,
    );
    const files = await f.scope(now).em.find(FileObject, { owner: p.member });
    expect(files.map((file) => file.purpose)).toEqual(['progress_photo', 'progress_photo']);
    const options = { baseUrl: 'http://komisi.test/t/koperasi' };
    const links = await f.services.programmeProgress.photoLinks(
      f.scope(now),
      checkIn,
      { accountId: p.member, isAdmin: false },
      options,
    );
    expect(links.front).toMatch(/^http:\/\/komisi\.test\/t\/koperasi\/files\/\d+\?v=\d+&exp=\d+&sig=/);
    expect(links.side).toMatch(/\/files\/\d+\?/);
    const stranger = await errorOf(
      f.services.programmeProgress.photoLinks(
        f.scope(now),
        checkIn,
        { accountId: 999_999, isAdmin: false },
        options,
      ),
    );
    expect(stranger.code).toBe('NOT_FOUND');
  });
});

describe('the progress report', () => {
  it('adds up the document’s three weeks: BMI 26.1 → 25.3, 2.3 kg lost, 41.8% to goal', async () => {
    const p = await participant();
    const weeks = [
      { weight: 7480, bodyFat: 2000, workoutsCompleted: 9, nutritionScore: 7 },
      { weight: 7400, bodyFat: 1920, workoutsCompleted: 8, nutritionScore: 8 },
      { weight: 7320, bodyFat: 1850, workoutsCompleted: 8, nutritionScore: 8 },
    ];
    for (const [i, w] of weeks.entries()) {
      await submit(p.member, week(p.id, i + 1, w), at(['2024-10-22', '2024-10-29', '2024-11-05'][i]!));
    }
    const report = await f.services.programmeProgress.report(f.scope(at('2024-11-05')), p.member, p.id);
    expect(report.standing).toMatchObject({ currentWeek: 3, completionPercentage: 37.5 });
    expect(report.initial).toEqual({ weight: 7550, height: 17000, target: 7000, bmi: 26.1 });
    expect(report.current).toEqual({ weight: 7320, weightLoss: 230, bmi: 25.3, progressToGoal: 41.8 });
    expect(report.checkIns.map((c) => [c.weekNumber, c.checkInDate, c.weight])).toEqual([
      [1, '2024-10-22', 7480],
      [2, '2024-10-29', 7400],
      [3, '2024-11-05', 7320],
    ]);
    expect(report.achievements).toEqual([
      'First week completed',
      '5% body fat reduction',
      'Consistent workout attendance',
    ]);
  });

  it('is another member’s participation: 404 for the report and for check-ins', async () => {
    const owner = await participant();
    const other = await f.member();
    expect(
      (await errorOf(f.services.programmeProgress.report(f.scope(new Date()), other, owner.id))).code,
    ).toBe('NOT_FOUND');
    expect((await errorOf(submit(other, week(owner.id, 1), at('2024-10-22')))).code).toBe('NOT_FOUND');
  });
});

describe('analytics', () => {
  it('counts paying participants, completions once the batch is over, weight lost and fees by month', async () => {
    const scope = f.scope(at('2024-12-20'));
    const { overview, batches, months } = await f.services.programmeAnalytics.fitChallenge(scope);
    const figures = batches[0]!;
    expect(figures.status).toBe('completed');
    expect(overview).toMatchObject({ totalBatches: 1, activeBatches: 0 });
    expect(figures.participants).toBeGreaterThan(0);
    expect(figures.completed).toBe(figures.participants);
    expect(figures.completionRate).toBe(100);
    expect(overview.totalRevenue).toBe(figures.participants * 500_000);
    expect(months).toEqual([
      { month: '2024-09', registrations: figures.participants + 1, revenue: overview.totalRevenue },
    ]);
    expect(figures.averageWeightLoss).not.toBeNull();
  });
});
