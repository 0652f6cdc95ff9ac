import type { OperationExamples } from '../../shared/operation-examples.ts';
import { MEMBER_ID } from './auth.examples.ts';
import { fileLink } from './members.examples.ts';

export const adminMembersExamples: OperationExamples = {
  'GET /admin/members': {
    request: { status: 'active', page: 1, limit: 20, sort_by: 'created_at', sort_order: 'desc' },
    response: {
      members: [
        {
          id: MEMBER_ID,
          member_number: 'SIN-2024-000001',
          full_name: 'John Doe',
          email: 'john.doe@example.com',
          phone: '081234567890',
          membership_status: 'active',
          kyc_status: 'verified',
          join_date: '2024-09-29T10:00:00.000Z',
          total_savings: 700000,
          last_activity: '2024-09-29T16:00:00.000Z',
        },
      ],
      pagination: {
        current_page: 1,
        total_pages: 50,
        total_items: 1000,
        items_per_page: 20,
        has_next: true,
        has_prev: false,
      },
      summary: { total_members: 1000, active_members: 950, pending_verification: 30, suspended_members: 20 },
    },
  },
  'PUT /admin/members/{member_id}/status': {
    request: {
      member_id: MEMBER_ID,
      membership_status: 'active',
      kyc_status: 'verified',
      notes: 'All documents verified successfully',
    },
    response: {
      member: {
        id: MEMBER_ID,
        member_number: 'SIN-2024-000001',
        membership_status: 'active',
        kyc_status: 'verified',
        kyc_verified_at: '2024-09-29T17:00:00.000Z',
        updated_at: '2024-09-29T17:00:00.000Z',
      },
    },
  },
  'GET /admin/members/{member_id}/kyc/documents': {
    request: { member_id: MEMBER_ID },
    response: {
      documents: [
        {
          id: '770e8400-e29b-41d4-a716-446655440000',
          document_type: 'ktp',
          document_url: fileLink(301),
          verification_status: 'pending',
          verified_at: null,
          mime_type: 'image/jpeg',
          created_at: '2024-09-29T10:30:00.000Z',
        },
      ],
      kyc_status: 'pending',
      kyc_verified_at: null,
    },
  },
};
