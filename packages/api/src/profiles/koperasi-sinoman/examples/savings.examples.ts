import type { OperationExamples } from '../../shared/operation-examples.ts';

// The document's own examples (§4), with the fields Komisi adds filled in the same spirit.

const SP_TYPE = {
  id: '990e8400-e29b-41d4-a716-446655440001',
  name: 'Simpanan Pokok',
  code: 'SP',
  description: 'Simpanan wajib sekali seumur hidup saat pendaftaran',
  minimum_amount: 80000,
  is_withdrawable: false,
  is_mandatory: true,
} as const;
const SW_TYPE = {
  id: '990e8400-e29b-41d4-a716-446655440002',
  name: 'Simpanan Wajib',
  code: 'SW',
  description: 'Simpanan wajib bulanan untuk anggota aktif',
  minimum_amount: 10000,
  is_withdrawable: false,
  is_mandatory: true,
} as const;
const SS_TYPE = {
  id: '990e8400-e29b-41d4-a716-446655440003',
  name: 'Simpanan Sukarela',
  code: 'SS',
  description: 'Simpanan sukarela yang dapat ditarik sewaktu-waktu',
  minimum_amount: 10000,
  is_withdrawable: true,
  is_mandatory: false,
} as const;

const SS_ACCOUNT_ID = '660e8400-e29b-41d4-a716-446655440003';
const account = (n: number, type: object, balance: number, last: string) => ({
  id: `660e8400-e29b-41d4-a716-44665544000${n}`,
  account_number: `SA-2024-00000${n}`,
  savings_type: type,
  balance,
  virtual_account_number: `880123456789000${n}`,
  status: 'active',
  opened_date: '2024-09-29T10:00:00.000Z',
  last_transaction_date: last,
});

const DEPOSIT_TYPE = {
  id: '48b24c20-2db6-5179-a91c-b1a4b5eddbf6',
  name: 'Setoran Simpanan Sukarela',
  code: 'SS_DEPOSIT',
  category: 'deposit',
} as const;

const DETAIL = {
  id: 'aa0e8400-e29b-41d4-a716-446655440000',
  transaction_number: 'TXN-2024-000001',
  member: {
    id: '550e8400-e29b-41d4-a716-446655440000',
    member_number: 'SIN-2024-000001',
    full_name: 'John Doe',
  },
  savings_account: {
    id: SS_ACCOUNT_ID,
    account_number: 'SA-2024-000003',
    savings_type: { name: 'Simpanan Sukarela', code: 'SS' },
  },
  transaction_type: DEPOSIT_TYPE,
  amount: 100000,
  description: 'Setoran simpanan sukarela',
  balance_before: 500000,
  balance_after: 600000,
  payment_method: 'bank_transfer',
  payment_reference: 'PAY-2024-000001',
  payment_gateway_response: {
    transaction_id: 'midtrans_12345',
    payment_type: 'bank_transfer',
    transaction_time: '2024-09-29T15:30:00Z',
    transaction_status: 'settlement',
    settlement_time: '2024-09-29T15:30:00Z',
  },
  bank_account: null,
  status: 'completed',
  processed_at: '2024-09-29T15:30:00.000Z',
  processed_by: { id: 'e1402219-e32d-5cb0-809d-c60ce2723838', name: 'System Auto-Process' },
  notes: 'Transaction completed automatically via payment gateway',
  created_at: '2024-09-29T15:00:00.000Z',
  updated_at: '2024-09-29T15:30:00.000Z',
} as const;

const WITHDRAWAL_ID = 'aa0e8400-e29b-41d4-a716-446655440001';
const BANK = { bank_name: 'Bank BCA', account_number: '1234567890', account_name: 'John Doe' } as const;

export const savingsExamples: OperationExamples = {
  'GET /savings/accounts': {
    response: {
      accounts: [
        account(1, SP_TYPE, 80000, '2024-09-29T10:00:00.000Z'),
        account(2, SW_TYPE, 120000, '2024-09-29T10:00:00.000Z'),
        account(3, SS_TYPE, 500000, '2024-09-29T15:00:00.000Z'),
      ],
      total_balance: 700000,
      summary: { mandatory_savings: 200000, voluntary_savings: 500000, withdrawable_balance: 500000 },
    },
  },
  'GET /savings/accounts/{account_id}': {
    request: { account_id: SS_ACCOUNT_ID },
    response: {
      account: {
        id: SS_ACCOUNT_ID,
        account_number: 'SA-2024-000003',
        savings_type: { ...SS_TYPE, interest_rate: 0.06 },
        balance: 500000,
        virtual_account_number: '8801234567890003',
        status: 'active',
        opened_date: '2024-09-29T10:00:00.000Z',
        last_interest_calculated_at: '2024-09-01T00:00:00.000Z',
        total_interest_earned: 25000,
        created_at: '2024-09-29T10:00:00.000Z',
        updated_at: '2024-09-29T15:00:00.000Z',
      },
    },
  },
  'POST /savings/transactions': {
    request: {
      savings_account_id: SS_ACCOUNT_ID,
      transaction_type: 'SS_DEPOSIT',
      amount: 100000,
      description: 'Setoran simpanan sukarela',
      payment_method: 'bank_transfer',
    },
    response: {
      transaction: {
        id: 'aa0e8400-e29b-41d4-a716-446655440000',
        transaction_number: 'TXN-2024-000001',
        savings_account_id: SS_ACCOUNT_ID,
        transaction_type: DEPOSIT_TYPE,
        amount: 100000,
        description: 'Setoran simpanan sukarela',
        balance_before: 500000,
        balance_after: 600000,
        payment_method: 'bank_transfer',
        payment_reference: 'PAY-2024-000001',
        status: 'pending',
        created_at: '2024-09-29T15:00:00.000Z',
        payment_instructions: {
          bank_name: 'Bank BCA',
          account_number: '8801234567890003',
          account_name: 'Koperasi Sinoman',
          amount: 100000,
          unique_code: '001',
          total_amount: 100001,
          payment_deadline: '2024-09-30T15:00:00.000Z',
          payment_url: null,
        },
      },
    },
  },
  'POST /savings/withdrawals': {
    request: {
      savings_account_id: SS_ACCOUNT_ID,
      amount: 50000,
      description: 'Penarikan untuk keperluan darurat',
      bank_account: BANK,
    },
    response: {
      transaction: {
        id: WITHDRAWAL_ID,
        transaction_number: 'TXN-2024-000002',
        savings_account_id: SS_ACCOUNT_ID,
        amount: 50000,
        description: 'Penarikan untuk keperluan darurat',
        balance_before: 600000,
        balance_after: 550000,
        status: 'pending',
        created_at: '2024-09-29T16:00:00.000Z',
        processing_time: '24 hours',
        withdrawal_info: { ...BANK, estimated_completion: '2024-09-30T16:00:00.000Z' },
      },
    },
  },
  'GET /savings/transactions': {
    request: { account_id: SS_ACCOUNT_ID, page: 1, limit: 10 },
    response: {
      transactions: [
        {
          id: 'aa0e8400-e29b-41d4-a716-446655440000',
          transaction_number: 'TXN-2024-000001',
          savings_account: {
            id: SS_ACCOUNT_ID,
            account_number: 'SA-2024-000003',
            savings_type: 'Simpanan Sukarela',
          },
          transaction_type: { name: 'Setoran Simpanan Sukarela', code: 'SS_DEPOSIT', category: 'deposit' },
          amount: 100000,
          description: 'Setoran simpanan sukarela',
          balance_before: 500000,
          balance_after: 600000,
          payment_method: 'bank_transfer',
          payment_reference: 'PAY-2024-000001',
          status: 'completed',
          processed_at: '2024-09-29T15:30:00.000Z',
          created_at: '2024-09-29T15:00:00.000Z',
        },
      ],
      pagination: {
        current_page: 1,
        total_pages: 5,
        total_items: 45,
        items_per_page: 10,
        has_next: true,
        has_prev: false,
      },
    },
  },
  'GET /savings/transactions/{transaction_id}': {
    request: { transaction_id: DETAIL.id },
    response: { transaction: DETAIL },
  },
  'GET /savings/summary': {
    request: { period: 'month' },
    response: {
      summary: {
        total_balance: 700000,
        mandatory_savings: 200000,
        voluntary_savings: 500000,
        monthly_deposit: 120000,
        total_deposits: 820000,
        total_withdrawals: 120000,
        net_savings: 700000,
        interest_earned: 25000,
        shu_projection: 35000,
        growth_rate: 15.5,
        savings_goal: { target_amount: 1000000, current_progress: 70, months_to_target: 3 },
      },
      monthly_breakdown: [
        { month: '2024-09', deposits: 200000, withdrawals: 0, interest: 8500, ending_balance: 700000 },
        { month: '2024-08', deposits: 120000, withdrawals: 50000, interest: 8200, ending_balance: 500000 },
      ],
      account_breakdown: [
        { savings_type: 'Simpanan Pokok', balance: 80000, percentage: 11.4 },
        { savings_type: 'Simpanan Wajib', balance: 120000, percentage: 17.1 },
        { savings_type: 'Simpanan Sukarela', balance: 500000, percentage: 71.5 },
      ],
    },
  },
  'GET /admin/savings/withdrawals': {
    request: { status: 'pending', search: 'john', page: 1, limit: 20 },
    response: {
      withdrawals: [
        {
          id: WITHDRAWAL_ID,
          transaction_number: 'TXN-2024-000002',
          member: DETAIL.member,
          savings_account: DETAIL.savings_account,
          amount: 50000,
          description: 'Penarikan untuk keperluan darurat',
          bank_account: BANK,
          status: 'pending',
          payment_reference: null,
          notes: null,
          requested_at: '2024-09-29T16:00:00.000Z',
          processed_at: null,
        },
      ],
      summary: { waiting_withdrawals: 3, waiting_amount: 450000 },
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
  'PUT /admin/savings/withdrawals/{transaction_id}': {
    request: {
      transaction_id: WITHDRAWAL_ID,
      status: 'completed',
      notes: 'Ditransfer ke BCA 1234567890',
      transfer_reference: 'BCA-20240930-0001',
    },
    response: {
      transaction: {
        ...DETAIL,
        id: WITHDRAWAL_ID,
        transaction_number: 'TXN-2024-000002',
        transaction_type: {
          id: 'e35f2238-621d-5128-af7c-7e59556db4f0',
          name: 'Penarikan Simpanan Sukarela',
          code: 'SS_WITHDRAWAL',
          category: 'withdrawal',
        },
        amount: 50000,
        description: 'Penarikan untuk keperluan darurat',
        balance_before: 600000,
        balance_after: 550000,
        payment_reference: 'BCA-20240930-0001',
        payment_gateway_response: null,
        bank_account: BANK,
        processed_at: '2024-09-30T09:00:00.000Z',
        processed_by: { id: '1', name: 'Sinoman Admin' },
        notes: 'Ditransfer ke BCA 1234567890',
        created_at: '2024-09-29T16:00:00.000Z',
        updated_at: '2024-09-30T09:00:00.000Z',
      },
    },
  },
};
