import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paySandbox, startTestApp, type TestApp } from '../testing/test-app.ts';
import { fitChallengeFixtures, REGISTRATION } from './fit-challenge.fixtures.ts';

// koperasi-sinoman §5 and §6.3 over REST, with the document's examples, on the demo tenant `sinoman`.
const localDate = (d: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(d);
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
let app: TestApp;
const api = (path: string) => `/t/sinoman/api${path}`;
const get = (path: string, token?: string) => app.request('GET', api(path), token ? { token } : {});
const post = (path: string, body: unknown, token?: string) =>
  app.request('POST', api(path), { body, ...(token && { token }) });

async function multipart(path: string, fields: Record<string, string | Blob>, token: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await app.app.request(api(path), {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, body: await res.json() };
}

const photo = async (width: number, height: number, format: 'jpeg' | 'png') =>
  new Blob([
    new Uint8Array(
      await sharp({ create: { width, height, channels: 3, background: '#5a8' } })
        [format]()
        .toBuffer(),
    ),
  ]);

let seeded: string;

let scopeAt: ReturnType<typeof fitChallengeFixtures>['scopeAt'];
let member: ReturnType<typeof fitChallengeFixtures>['member'];
let adminToken: ReturnType<typeof fitChallengeFixtures>['adminToken'];

beforeAll(async () => {
  app = await startTestApp();
  ({ scopeAt, member, adminToken } = fitChallengeFixtures(app));
  const list = await get('/fit-challenge/batches');
  seeded = list.body.data.batches[0].id;
});

afterAll(async () => {
  await app?.close();
});

describe('batches (public)', () => {
  it('lists the demo batch open for registration, with its places', async () => {
    const res = await get('/fit-challenge/batches?status=open&upcoming=true');
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.data.batches[0]).toMatchObject({
      id: seeded,
      batch_number: expect.stringMatching(/^FC-\d{4}-\d{3}$/),
      status: 'open',
      program_fee: 600000,
      early_bird_fee: 500000,
      max_participants: 100,
      trainer_names: ['Budi Santoso', 'Sari Wijaya'],
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
    });
  });

  it('shows one batch with its waitlist and programme; an unknown one is 404, a bad id 422', async () => {
    const res = await get(`/fit-challenge/batches/${seeded}`);
    expect(res.status).toBe(200);
    expect(res.body.data.batch).toMatchObject({
      id: seeded,
      waitlist_count: 0,
      program_details: { duration_weeks: 8, sessions_per_week: 3, session_duration_minutes: 90 },
    });
    const unknown = await get(`/fit-challenge/batches/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('BATCH_NOT_FOUND');
    expect((await get('/fit-challenge/batches/42')).status).toBe(422);
  });
});

describe('registering', () => {
  it('takes the document’s request: 201 with the member, the early-bird fee and how to pay', async () => {
    const anonymous = await post('/fit-challenge/register', { batch_id: seeded, ...REGISTRATION });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('AUTH_TOKEN_MISSING');

    const m = await member();
    const res = await post('/fit-challenge/register', { batch_id: seeded, ...REGISTRATION }, m.token);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.message).toBe('Registration successful');
    const r = res.body.data.registration;
    expect(r).toMatchObject({
      participant_number: expect.stringMatching(/^FCP-\d{4}-\d{6}$/),
      member: { member_number: expect.stringMatching(/^SIN-2024-\d{6}$/), full_name: 'John Doe' },
      batch: { id: seeded, name: 'Fit Challenge Batch 1' },
      payment_status: 'pending',
      amount_due: 500000,
      participation_status: 'active',
      initial_assessment: {
        weight: 75.5,
        height: 170,
        target_weight: 70,
        personal_goals: 'Lose weight and build muscle',
      },
      emergency_contact: { name: 'Jane Doe', phone: '081234567891' },
      payment_instructions: {
        amount: 500000,
        virtual_account: null,
        payment_methods: ['bank_transfer', 'gopay', 'ovo', 'dana'],
        deadline: r.payment_deadline,
      },
    });
    expect(r.payment_deadline).toMatch(/T16:59:59Z$/);

    const again = await post('/fit-challenge/register', { batch_id: seeded, ...REGISTRATION }, m.token);
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ code: 'DUPLICATE_REGISTRATION', field: 'batch_id' });

    await paySandbox(app, r.payment_instructions.payment_url);
    const mine = await get('/fit-challenge/registration', m.token);
    expect(mine.status).toBe(200);
    expect(mine.body.data.registrations).toEqual([
      expect.objectContaining({
        id: r.id,
        payment_status: 'completed',
        amount_paid: 500000,
        participation_status: 'active',
        current_week: 0,
        completion_percentage: 0,
      }),
    ]);
  });

  it('refuses an account that is no cooperative member, and invalid measurements (422)', async () => {
    const outsider = await member('Outsider', false);
    const res = await post('/fit-challenge/register', { batch_id: seeded, ...REGISTRATION }, outsider.token);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('MEMBER_NOT_FOUND');
    const m = await member();
    const bad = await post(
      '/fit-challenge/register',
      { ...REGISTRATION, batch_id: seeded, initial_weight: 75.555 },
      m.token,
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'initial_weight' });
  });
});

describe('weekly progress', () => {
  let runner: { accountId: number; token: string };
  let participantId: string;

  beforeAll(async () => {
    // a batch that started 16 days ago (Jakarta), its participant registered and paid back then
    const today = localDate(new Date(), 'Asia/Jakarta');
    const past = await scopeAt(new Date(Date.now() - 30 * 86_400_000));
    const batch = await app.services.programmeBatches.create(
      past,
      {
        name: 'Fit Challenge Batch 0',
        description: null,
        startDate: addDays(today, -16),
        endDate: addDays(today, 40),
        registrationStartDate: addDays(today, -30),
        registrationEndDate: addDays(today, -17),
        maxParticipants: 10,
        waitlistLimit: null,
        programFee: 600000,
        earlyBirdFee: null,
        earlyBirdDeadline: null,
        venueName: null,
        venueAddress: null,
        trainerNames: [],
        status: 'open',
      },
      null,
    );
    runner = await member('Runner');
    const registered = await app.services.programmeRegistrations.register(
      await scopeAt(new Date(Date.now() - 20 * 86_400_000)),
      runner.accountId,
      {
        batchId: batch.batch.publicId,
        initialWeight: 7550,
        initialHeight: 17000,
        targetWeight: 7000,
        personalGoals: null,
        medicalConditions: null,
        emergencyContactName: 'Jane Doe',
        emergencyContactPhone: '081234567891',
      },
    );
    await paySandbox(app, registered.payment!.paymentUrl);
    participantId = registered.participant.publicId;
  });

  const SPEC_PROGRESS = {
    week_number: '3',
    weight: '73.2',
    body_fat_percentage: '18.5',
    chest_circumference: '95.0',
    waist_circumference: '85.0',
    hip_circumference: '98.0',
    workouts_completed: '8',
    total_workouts_planned: '9',
    nutrition_adherence_score: '8',
    participant_notes: 'Feeling stronger and more energetic',
  };

  it('takes the document’s multipart check-in with two photos, once per week', async () => {
    const res = await multipart(
      '/fit-challenge/progress',
      {
        participant_id: participantId,
        ...SPEC_PROGRESS,
        progress_photo_front: await photo(800, 600, 'jpeg'),
        progress_photo_side: await photo(600, 800, 'png'),
      },
      runner.token,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.message).toBe('Progress submitted successfully');
    const p = res.body.data.progress;
    expect(p).toMatchObject({
      participant_id: participantId,
      week_number: 3,
      check_in_date: localDate(new Date(), 'Asia/Jakarta'),
      measurements: {
        weight: 73.2,
        body_fat_percentage: 18.5,
        chest_circumference: 95,
        waist_circumference: 85,
        hip_circumference: 98,
      },
      workout_progress: { workouts_completed: 8, total_workouts_planned: 9, completion_rate: 88.9 },
      nutrition_adherence_score: 8,
      participant_notes: 'Feeling stronger and more energetic',
    });
    const image = await app.app.request(
      new URL(p.progress_photos.front).pathname + new URL(p.progress_photos.front).search,
    );
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');

    const again = await multipart(
      '/fit-challenge/progress',
      { participant_id: participantId, ...SPEC_PROGRESS },
      runner.token,
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PROGRESS_ALREADY_SUBMITTED');
  });

  it('refuses a photo under 800×600 and a week not begun, naming the field', async () => {
    const small = await multipart(
      '/fit-challenge/progress',
      {
        participant_id: participantId,
        ...SPEC_PROGRESS,
        week_number: '2',
        progress_photo_front: await photo(640, 480, 'jpeg'),
      },
      runner.token,
    );
    expect(small.status).toBe(422);
    expect(small.body.error).toMatchObject({ field: 'progress_photo_front' });
    const future = await multipart(
      '/fit-challenge/progress',
      { participant_id: participantId, ...SPEC_PROGRESS, week_number: '4' },
      runner.token,
    );
    expect(future.status).toBe(422);
    expect(future.body.error.details).toEqual({ week_number: ['that week has not begun yet'] });
  });

  it('reports the progress to its member only (another member: 404)', async () => {
    const res = await get(`/fit-challenge/progress/${participantId}`, runner.token);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      participant: {
        id: participantId,
        batch_name: 'Fit Challenge Batch 0',
        current_week: 2,
        completion_percentage: 25,
      },
      initial_assessment: { weight: 75.5, height: 170, target_weight: 70, bmi: 26.1 },
      current_status: { weight: 73.2, weight_loss: 2.3, bmi: 25.3, progress_to_goal: 41.8 },
      progress_history: [
        {
          week_number: 3,
          weight: 73.2,
          body_fat_percentage: 18.5,
          workouts_completed: 8,
          total_workouts_planned: 9,
          nutrition_adherence_score: 8,
        },
      ],
      achievements: ['First week completed'],
    });
    const other = await member('Curious');
    const denied = await get(`/fit-challenge/progress/${participantId}`, other.token);
    expect(denied.status).toBe(404);
    const forged = await multipart(
      '/fit-challenge/progress',
      { participant_id: participantId, ...SPEC_PROGRESS, week_number: '1' },
      other.token,
    );
    expect(forged.status).toBe(404);
  });
});

describe('administration', () => {
  const BATCH_4 = () => {
    const today = localDate(new Date(), 'Asia/Jakarta');
    return {
      name: 'Fit Challenge Batch 4',
      description: '8-week fitness transformation program',
      start_date: addDays(today, 63),
      end_date: addDays(today, 119),
      registration_start_date: addDays(today, 33),
      registration_end_date: addDays(today, 57),
      max_participants: 100,
      program_fee: 600000,
      early_bird_fee: 500000,
      early_bird_deadline: addDays(today, 47),
      venue_name: 'Sinoman Fitness Center',
      venue_address: 'Jl. Sudirman No. 123, Ponorogo',
      trainer_names: ['Budi Santoso', 'Sari Wijaya', 'Ahmad Rahman'],
    };
  };

  it('creates a draft batch, opens it, and refuses members and bad dates', async () => {
    const admin = await adminToken();
    const created = await post('/admin/fit-challenge/batches', BATCH_4(), admin);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.message).toBe('Fit Challenge batch created successfully');
    const batch = created.body.data.batch;
    expect(batch).toMatchObject({
      name: 'Fit Challenge Batch 4',
      batch_number: expect.stringMatching(/^FC-\d{4}-\d{3}$/),
      max_participants: 100,
      current_participants: 0,
      status: 'draft',
    });
    expect((await get(`/fit-challenge/batches/${batch.id}`)).status).toBe(404);
    const opened = await post(`/admin/fit-challenge/batches/${batch.id}/open`, {}, admin);
    expect(opened.status).toBe(200);
    expect(opened.body.data.batch.status).toBe('open');
    expect((await get(`/fit-challenge/batches/${batch.id}`)).status).toBe(200);

    const m = await member();
    expect((await post('/admin/fit-challenge/batches', BATCH_4(), m.token)).status).toBe(403);
    const bad = await post('/admin/fit-challenge/batches', { ...BATCH_4(), early_bird_fee: 700000 }, admin);
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { early_bird_fee: ['must not exceed program_fee'] },
    });
  });

  it('lists every batch for the administrators, drafts included, filtered and paged', async () => {
    const admin = await adminToken();
    const draft = (await post('/admin/fit-challenge/batches', BATCH_4(), admin)).body.data.batch;
    const all = await get('/admin/fit-challenge/batches', admin);
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    const ids = all.body.data.batches.map((b: { id: string }) => b.id);
    expect(ids).toContain(draft.id);
    expect(ids).toContain(seeded);
    expect(all.body.data.batches.find((b: { id: string }) => b.id === draft.id)).toMatchObject({
      status: 'draft',
      waitlist_count: 0,
      available_slots: 100,
      program_fee: 600000,
    });
    const drafts = await get('/admin/fit-challenge/batches?status=draft&limit=1', admin);
    expect(drafts.body.data.batches.every((b: { status: string }) => b.status === 'draft')).toBe(true);
    expect(drafts.body.data.pagination).toMatchObject({ items_per_page: 1, current_page: 1 });
    const bad = await get('/admin/fit-challenge/batches?status=paused', admin);
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toHaveProperty('status');
    expect((await get('/admin/fit-challenge/batches', (await member()).token)).status).toBe(403);
  });

  it('reads the analytics in the document’s shape', async () => {
    const res = await get('/admin/fit-challenge/analytics', await adminToken());
    expect(res.status).toBe(200);
    const { overview, batch_performance, monthly_registrations } = res.body.data;
    expect(overview).toMatchObject({ active_batches: 1, total_participants: 2, total_revenue: 1100000 });
    expect(
      batch_performance.every((b: { satisfaction_score: unknown }) => b.satisfaction_score === null),
    ).toBe(true);
    expect(monthly_registrations.length).toBeGreaterThan(0);
  });
});
