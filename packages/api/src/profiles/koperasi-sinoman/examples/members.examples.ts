import type { OperationExamples } from '../../shared/operation-examples.ts';
import { MEMBER_ID } from './auth.examples.ts';

/** A signed link as the server gives it (valid for 5 minutes). */
export const fileLink = (id: number) =>
  `https://api.sinoman.id/files/${id}?v=42&exp=1727604300&sig=3q2-7wEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
// a file part on multipart; JSON and tRPC callers send the file as base64
const JPEG_BASE64 = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U';

const EDITED = {
  id: MEMBER_ID,
  full_name: 'John Smith Doe',
  phone: '081234567891',
  address: 'Jl. Baru No. 456, Ponorogo',
  village: 'Desa Baru',
  district: 'Kecamatan Ponorogo',
  city: 'Ponorogo',
  province: 'Jawa Timur',
  postal_code: '63412',
  occupation: 'Senior Software Engineer',
  bio: 'Passionate developer and cooperative member',
  updated_at: '2024-09-29T12:00:00.000Z',
};

const KTP = {
  id: '770e8400-e29b-41d4-a716-446655440000',
  document_type: 'ktp',
  document_url: fileLink(301),
  verification_status: 'approved',
  verified_at: '2024-09-29T11:00:00.000Z',
  mime_type: 'image/jpeg',
  created_at: '2024-09-29T10:30:00.000Z',
} as const;

export const membersExamples: OperationExamples = {
  'GET /members/profile': {
    request: {},
    response: {
      member: {
        id: MEMBER_ID,
        member_number: 'SIN-2024-000001',
        email: 'john.doe@example.com',
        phone: '081234567890',
        full_name: 'John Doe',
        nik: '1234567890123456',
        date_of_birth: '1990-01-01',
        gender: 'male',
        address: 'Jl. Contoh No. 123, Ponorogo',
        village: 'Desa Contoh',
        district: 'Kecamatan Ponorogo',
        city: 'Ponorogo',
        province: 'Jawa Timur',
        postal_code: '63411',
        occupation: 'Software Engineer',
        bio: null,
        membership_type: 'regular',
        membership_status: 'active',
        join_date: '2024-09-29T10:00:00.000Z',
        kyc_status: 'verified',
        kyc_verified_at: '2024-09-29T11:00:00.000Z',
        profile_picture_url: fileLink(300),
        referral_code: 'ABC12345',
        created_at: '2024-09-29T10:00:00.000Z',
        updated_at: '2024-09-29T11:00:00.000Z',
      },
    },
  },
  'PUT /members/profile': {
    request: {
      full_name: 'John Smith Doe',
      phone: '081234567891',
      address: 'Jl. Baru No. 456, Ponorogo',
      village: 'Desa Baru',
      district: 'Kecamatan Ponorogo',
      postal_code: '63412',
      occupation: 'Senior Software Engineer',
      bio: 'Passionate developer and cooperative member',
    },
    response: { member: EDITED },
  },
  'POST /members/profile/picture': {
    request: { file: JPEG_BASE64 },
    response: { profile_picture_url: fileLink(302), uploaded_at: '2024-09-29T12:00:00.000Z' },
  },
  'POST /members/kyc/documents': {
    request: { document_type: 'ktp', file: JPEG_BASE64 },
    response: {
      document: {
        id: '770e8400-e29b-41d4-a716-446655440000',
        document_type: 'ktp',
        document_url: fileLink(301),
        verification_status: 'pending',
        file_size_bytes: 2048000,
        mime_type: 'image/jpeg',
        created_at: '2024-09-29T12:00:00.000Z',
      },
    },
  },
  'GET /members/kyc/documents': {
    request: {},
    response: {
      documents: [
        KTP,
        {
          ...KTP,
          id: '770e8400-e29b-41d4-a716-446655440001',
          document_type: 'selfie',
          document_url: fileLink(303),
          created_at: '2024-09-29T10:35:00.000Z',
        },
      ],
      kyc_status: 'verified',
      kyc_verified_at: '2024-09-29T11:00:00.000Z',
    },
  },
  'GET /members/referrals': {
    request: { page: 1, limit: 50 },
    response: {
      referral_code: 'ABC12345',
      total_referrals: 5,
      successful_referrals: 3,
      pending_referrals: 2,
      total_bonus_earned: 150000,
      pending_bonus: 100000,
      referrals: [
        {
          id: '880e8400-e29b-41d4-a716-446655440000',
          referred_member: {
            member_number: 'SIN-2024-000005',
            full_name: 'Jane Doe',
            join_date: '2024-09-28T10:00:00.000Z',
          },
          referral_bonus: 50000,
          status: 'paid',
          created_at: '2024-09-28T10:00:00.000Z',
          paid_at: '2024-09-29T10:00:00.000Z',
        },
      ],
    },
  },
};
