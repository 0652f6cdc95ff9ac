import type { OperationExamples } from '../../shared/operation-examples.ts';
import { JOHN, PAGE_INFO, SPONSOR } from './people.examples.ts';

const JOHN_ROW = {
  id: JOHN.id,
  name: JOHN.name,
  email: JOHN.email,
  phone_number: JOHN.phone_number,
  dtehm_member_id: JOHN.dtehm_member_id,
  dip_member_id: JOHN.dip_member_id,
  is_dtehm_member: 'Yes',
  is_dip_member: 'Yes',
  sponsor_id: SPONSOR.member_id,
  status: 'Active',
  is_stockist: 'No',
  direct_referrals: 5,
  total_downline: 25,
  joined_at: '2025-01-30 10:00:00',
  activated_at: '2025-01-30 10:05:00',
} as const;

const JOHN_DETAIL = {
  ...JOHN_ROW,
  address: JOHN.address,
  created_at: JOHN.created_at,
  suspended_at: null,
  suspension_reason: null,
  sponsor: { ...SPONSOR, status: 'Active' },
  upline: [
    { level: 1, ...SPONSOR, status: 'Active' },
    { level: 2, id: 1, name: 'DTEHM Root Member', member_id: 'DTEHM20250001', status: 'Active' },
  ],
  network: {
    total_members: 25,
    direct_referrals: 5,
    dtehm_members: 20,
    dip_members: 15,
    levels_deep: 3,
    by_level: { level_1: 5, level_2: 12, level_3: 8 },
  },
  commissions: { total_commissions: 103500, current_balance: 103500, currency: 'UGX' },
} as const;

export const adminMembersExamples: OperationExamples = {
  'GET /admin/members': {
    request: { page: 1, per_page: 20, search: 'DTEHM20250123', status: 'Active', stockist: 'No' },
    response: {
      members: [JOHN_ROW],
      pagination: { ...PAGE_INFO, from: 1, to: 1 },
    },
  },
  'GET /admin/members/{id}': {
    request: { id: JOHN.id },
    response: JOHN_DETAIL,
  },
  'GET /admin/members/{id}/network': {
    request: { id: JOHN.id, page: 1, per_page: 20, level: '1' },
    response: {
      member: { id: JOHN.id, name: JOHN.name, member_id: JOHN.dtehm_member_id },
      network: [
        {
          id: 50,
          name: 'Alice Member',
          email: 'alice@example.com',
          phone: '+256700111111',
          dtehm_member_id: 'DTEHM20250050',
          dip_member_id: 'DIP0050',
          is_dtehm_member: 'Yes',
          is_dip_member: 'Yes',
          level: 1,
          joined_at: '2025-01-31 09:00:00',
          status: 'Suspended',
        },
      ],
      statistics: JOHN_DETAIL.network,
      pagination: { total: 5, per_page: 20, current_page: 1, last_page: 1, from: 1, to: 5 },
    },
  },
  'PUT /admin/members/{id}/stockist': {
    request: { id: JOHN.id, is_stockist: 'Yes' },
    response: { ...JOHN_DETAIL, is_stockist: 'Yes' },
  },
  'POST /admin/members/{id}/suspend': {
    request: { id: JOHN.id, reason: 'Payment dispute under review' },
    response: {
      ...JOHN_DETAIL,
      status: 'Suspended',
      suspended_at: '2025-02-10 09:30:00',
      suspension_reason: 'Payment dispute under review',
    },
  },
  'POST /admin/members/{id}/reactivate': {
    request: { id: JOHN.id },
    response: JOHN_DETAIL,
  },
};
