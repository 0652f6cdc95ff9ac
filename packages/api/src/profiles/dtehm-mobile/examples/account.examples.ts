import type { OperationExamples } from '../../shared/operation-examples.ts';

const ORDER_LINE = {
  order_id: '789',
  reference_type: 'order',
  reference_id: 890,
  status: 'completed',
} as const;

export const accountExamples: OperationExamples = {
  'GET /user/commissions': {
    request: {
      page: 1,
      per_page: 20,
      commission_type: 'all',
      start_date: '2025-01-01',
      end_date: '2025-01-31',
    },
    response: {
      commissions: [
        {
          id: 123,
          amount: 68000,
          level: 'Stockist',
          description: 'Stockist Commission from Order #789',
          date: '2025-01-30 14:05:00',
          ...ORDER_LINE,
        },
        {
          id: 124,
          amount: 25500,
          level: 'GN1',
          description: 'GN1 Commission from Order #789',
          date: '2025-01-30 14:05:00',
          ...ORDER_LINE,
        },
        {
          id: 125,
          amount: 10000,
          level: 'Membership Referral',
          description: 'DTEHM Membership Referral Commission for John Doe',
          order_id: null,
          reference_type: 'membership',
          reference_id: 456,
          date: '2025-01-30 10:05:00',
          status: 'completed',
        },
      ],
      summary: { total_commissions: 103500, current_balance: 103500, currency: 'UGX' },
      pagination: { total: 3, per_page: 20, current_page: 1, last_page: 1 },
    },
  },
  'GET /user/balance': {
    response: { balance: 103500, currency: 'UGX' },
  },
  'GET /user/network': {
    request: { page: 1, per_page: 20, level: 'all' },
    response: {
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
          joined_at: '2025-01-25 10:00:00',
          status: 'Active',
        },
        {
          id: 51,
          name: 'Bob Member',
          email: 'bob@example.com',
          phone: '+256700222222',
          dtehm_member_id: 'DTEHM20250051',
          dip_member_id: null,
          is_dtehm_member: 'Yes',
          is_dip_member: 'No',
          level: 2,
          joined_at: '2025-01-26 15:30:00',
          status: 'Active',
        },
      ],
      statistics: {
        total_members: 25,
        direct_referrals: 5,
        dtehm_members: 20,
        dip_members: 15,
        levels_deep: 6,
        by_level: { level_1: 5, level_2: 8, level_3: 6, level_4: 3, level_5: 2, level_6: 1 },
      },
      pagination: { total: 25, per_page: 20, current_page: 1, last_page: 2, from: 1, to: 20 },
    },
  },
};
