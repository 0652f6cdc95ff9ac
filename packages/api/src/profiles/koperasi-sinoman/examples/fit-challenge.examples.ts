import type { OperationExamples } from '../../shared/operation-examples.ts';

// §5 and §6.3 of the koperasi-sinoman document, example for example.

const BATCH_ID = 'dd0e8400-e29b-41d4-a716-446655440000';
const PARTICIPANT_ID = 'ee0e8400-e29b-41d4-a716-446655440000';

const BATCH_3 = {
  id: BATCH_ID,
  name: 'Fit Challenge Batch 3',
  description: '8-week fitness transformation program',
  batch_number: 'FC-2024-003',
  start_date: '2024-10-15',
  end_date: '2024-12-10',
  registration_start_date: '2024-09-20',
  registration_end_date: '2024-10-10',
  max_participants: 100,
  current_participants: 45,
  available_slots: 55,
  program_fee: 600000,
  early_bird_fee: 500000,
  early_bird_deadline: '2024-10-01',
  venue_name: 'Sinoman Fitness Center',
  venue_address: 'Jl. Sudirman No. 123, Ponorogo',
  trainer_names: ['Budi Santoso', 'Sari Wijaya'],
  status: 'open',
  created_at: '2024-09-15T10:00:00Z',
};

const PROGRAM_DETAILS = {
  duration_weeks: 8,
  sessions_per_week: 3,
  session_duration_minutes: 90,
  includes: [
    'Initial fitness assessment',
    'Personalized workout plan',
    'Nutrition guidance',
    'Weekly progress tracking',
    'Group fitness classes',
    'Final assessment',
    'Completion certificate',
  ],
};

const WEEKS = [
  {
    week_number: 1,
    check_in_date: '2024-10-22',
    weight: 74.8,
    body_fat_percentage: 20.0,
    workouts_completed: 9,
  },
  {
    week_number: 2,
    check_in_date: '2024-10-29',
    weight: 74.0,
    body_fat_percentage: 19.2,
    workouts_completed: 8,
  },
  {
    week_number: 3,
    check_in_date: '2024-11-05',
    weight: 73.2,
    body_fat_percentage: 18.5,
    workouts_completed: 8,
  },
].map((w, i) => ({ ...w, total_workouts_planned: 9, nutrition_adherence_score: i === 0 ? 7 : 8 }));

export const fitChallengeExamples: OperationExamples = {
  'GET /fit-challenge/batches': {
    request: { status: 'open', upcoming: 'true' },
    response: { batches: [BATCH_3] },
  },
  'GET /fit-challenge/batches/{batch_id}': {
    request: { batch_id: BATCH_ID },
    response: {
      batch: {
        ...BATCH_3,
        description: '8-week fitness transformation program with professional trainers',
        waitlist_count: 5,
        program_details: PROGRAM_DETAILS,
      },
    },
  },
  'POST /fit-challenge/register': {
    request: {
      batch_id: BATCH_ID,
      initial_weight: 75.5,
      initial_height: 170.0,
      target_weight: 70.0,
      personal_goals: 'Lose weight and build muscle',
      medical_conditions: 'None',
      emergency_contact_name: 'Jane Doe',
      emergency_contact_phone: '081234567891',
    },
    response: {
      registration: {
        id: PARTICIPANT_ID,
        participant_number: 'FCP-2024-000046',
        member: { member_number: 'SIN-2024-000001', full_name: 'John Doe' },
        batch: { id: BATCH_ID, name: 'Fit Challenge Batch 3', start_date: '2024-10-15' },
        registration_date: '2024-09-29T16:00:00Z',
        payment_status: 'pending',
        amount_due: 500000,
        payment_deadline: '2024-10-06T16:59:59Z',
        participation_status: 'active',
        initial_assessment: {
          weight: 75.5,
          height: 170.0,
          target_weight: 70.0,
          personal_goals: 'Lose weight and build muscle',
        },
        emergency_contact: { name: 'Jane Doe', phone: '081234567891' },
        payment_instructions: {
          amount: 500000,
          virtual_account: '8801234567890046',
          payment_methods: ['bank_transfer', 'gopay', 'ovo', 'dana'],
          deadline: '2024-10-06T16:59:59Z',
          payment_url: 'https://api.sinoman.id/sandbox/pay/SBX-4fQ2b8kLmN0pRsTu',
        },
      },
    },
  },
  'GET /fit-challenge/registration': {
    response: {
      registrations: [
        {
          id: PARTICIPANT_ID,
          participant_number: 'FCP-2024-000046',
          batch: {
            id: BATCH_ID,
            name: 'Fit Challenge Batch 3',
            start_date: '2024-10-15',
            end_date: '2024-12-10',
            status: 'open',
          },
          registration_date: '2024-09-29T16:00:00Z',
          payment_status: 'completed',
          amount_paid: 500000,
          participation_status: 'active',
          completion_percentage: 0,
          current_week: 0,
          next_checkin_date: '2024-10-22',
        },
      ],
    },
  },
  'POST /fit-challenge/progress': {
    request: {
      participant_id: PARTICIPANT_ID,
      week_number: 3,
      weight: 73.2,
      body_fat_percentage: 18.5,
      chest_circumference: 95.0,
      waist_circumference: 85.0,
      hip_circumference: 98.0,
      workouts_completed: 8,
      total_workouts_planned: 9,
      nutrition_adherence_score: 8,
      participant_notes: 'Feeling stronger and more energetic',
    },
    response: {
      progress: {
        id: 'ff0e8400-e29b-41d4-a716-446655440000',
        participant_id: PARTICIPANT_ID,
        week_number: 3,
        check_in_date: '2024-11-05',
        measurements: {
          weight: 73.2,
          body_fat_percentage: 18.5,
          chest_circumference: 95.0,
          waist_circumference: 85.0,
          hip_circumference: 98.0,
        },
        workout_progress: { workouts_completed: 8, total_workouts_planned: 9, completion_rate: 88.9 },
        nutrition_adherence_score: 8,
        participant_notes: 'Feeling stronger and more energetic',
        progress_photos: {
          front: 'https://api.sinoman.id/files/812?v=46&exp=1730800300&sig=Xk2bq9w4Yv7m1Lr0aTe5JcHs8uPdN3fZ',
          side: 'https://api.sinoman.id/files/813?v=46&exp=1730800300&sig=Qm7cT1hWz4sK9eR2yBv6NfLx0aUjD5gP',
        },
        created_at: '2024-11-05T10:00:00Z',
      },
    },
  },
  'GET /fit-challenge/progress/{participant_id}': {
    request: { participant_id: PARTICIPANT_ID },
    response: {
      participant: {
        id: PARTICIPANT_ID,
        participant_number: 'FCP-2024-000046',
        batch_name: 'Fit Challenge Batch 3',
        start_date: '2024-10-15',
        current_week: 3,
        completion_percentage: 37.5,
      },
      initial_assessment: { weight: 75.5, height: 170.0, target_weight: 70.0, bmi: 26.1 },
      current_status: { weight: 73.2, weight_loss: 2.3, bmi: 25.3, progress_to_goal: 41.8 },
      progress_history: WEEKS,
      achievements: ['First week completed', '5% body fat reduction', 'Consistent workout attendance'],
    },
  },
  'GET /admin/fit-challenge/batches': {
    request: { status: 'open', page: 1, limit: 20 },
    response: {
      batches: [{ ...BATCH_3, waitlist_count: 5 }],
      pagination: {
        current_page: 1,
        total_pages: 1,
        total_items: 1,
        items_per_page: 20,
        has_next: false,
        has_prev: false,
      },
    },
  },
  'POST /admin/fit-challenge/batches': {
    request: {
      name: 'Fit Challenge Batch 4',
      description: '8-week fitness transformation program',
      start_date: '2024-12-01',
      end_date: '2025-01-26',
      registration_start_date: '2024-11-01',
      registration_end_date: '2024-11-25',
      max_participants: 100,
      program_fee: 600000,
      early_bird_fee: 500000,
      early_bird_deadline: '2024-11-15',
      venue_name: 'Sinoman Fitness Center',
      venue_address: 'Jl. Sudirman No. 123, Ponorogo',
      trainer_names: ['Budi Santoso', 'Sari Wijaya', 'Ahmad Rahman'],
    },
    response: {
      batch: {
        id: 'dd0e8400-e29b-41d4-a716-446655440001',
        name: 'Fit Challenge Batch 4',
        batch_number: 'FC-2024-004',
        start_date: '2024-12-01',
        end_date: '2025-01-26',
        max_participants: 100,
        current_participants: 0,
        status: 'draft',
        created_at: '2024-09-29T17:00:00Z',
      },
    },
  },
  'POST /admin/fit-challenge/batches/{batch_id}/open': {
    request: { batch_id: 'dd0e8400-e29b-41d4-a716-446655440001' },
    response: {
      batch: {
        ...BATCH_3,
        id: 'dd0e8400-e29b-41d4-a716-446655440001',
        name: 'Fit Challenge Batch 4',
        batch_number: 'FC-2024-004',
        start_date: '2024-12-01',
        end_date: '2025-01-26',
        registration_start_date: '2024-11-01',
        registration_end_date: '2024-11-25',
        current_participants: 0,
        available_slots: 100,
        early_bird_deadline: '2024-11-15',
        trainer_names: ['Budi Santoso', 'Sari Wijaya', 'Ahmad Rahman'],
        created_at: '2024-09-29T17:00:00Z',
        waitlist_count: 0,
        program_details: PROGRAM_DETAILS,
      },
    },
  },
  'GET /admin/fit-challenge/analytics': {
    response: {
      overview: {
        total_batches: 3,
        active_batches: 1,
        total_participants: 245,
        completion_rate: 85.5,
        average_weight_loss: 3.2,
        total_revenue: 147000000,
      },
      batch_performance: [
        {
          batch_number: 'FC-2024-001',
          participants: 95,
          completed: 85,
          completion_rate: 89.5,
          average_weight_loss: 3.8,
          satisfaction_score: null,
        },
        {
          batch_number: 'FC-2024-002',
          participants: 100,
          completed: 81,
          completion_rate: 81.0,
          average_weight_loss: 2.9,
          satisfaction_score: null,
        },
      ],
      monthly_registrations: [{ month: '2024-09', registrations: 50, revenue: 25000000 }],
    },
  },
};
