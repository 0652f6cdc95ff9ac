import type { OperationExamples } from '../../shared/operation-examples.ts';

// The document's examples (§6.2). Its dashboard shows `total_savings` 50,000,000 beside a breakdown
// totalling 500,000,000; both are one sum here, so the example shows 500,000,000 twice.
export const adminFinancialExamples: OperationExamples = {
  'GET /admin/financial/dashboard': {
    request: { period: 'quarter' },
    response: {
      overview: {
        total_savings: 500000000,
        total_deposits_today: 2500000,
        total_withdrawals_today: 500000,
        net_flow_today: 2000000,
        active_members: 950,
        pending_transactions: 25,
      },
      savings_breakdown: {
        simpanan_pokok: 76000000,
        simpanan_wajib: 114000000,
        simpanan_sukarela: 310000000,
        total: 500000000,
      },
      monthly_trends: [
        {
          month: '2024-09',
          deposits: 15000000,
          withdrawals: 3000000,
          net_savings: 12000000,
          new_members: 150,
        },
        {
          month: '2024-08',
          deposits: 12000000,
          withdrawals: 2500000,
          net_savings: 9500000,
          new_members: 120,
        },
        { month: '2024-07', deposits: 10500000, withdrawals: 2000000, net_savings: 8500000, new_members: 95 },
      ],
      top_savers: [{ member_number: 'SIN-2024-000001', full_name: 'John Doe', total_savings: 2500000 }],
    },
  },
  'GET /admin/financial/transactions': {
    request: { start_date: '2024-09-01', end_date: '2024-09-30', export_format: 'csv', page: 1, limit: 100 },
    response: {
      transactions: [
        {
          transaction_number: 'TXN-2024-000001',
          member_number: 'SIN-2024-000001',
          member_name: 'John Doe',
          transaction_type: 'SS_DEPOSIT',
          amount: 100000,
          status: 'completed',
          created_at: '2024-09-29T15:00:00.000Z',
          processed_at: '2024-09-29T15:30:00.000Z',
        },
      ],
      summary: {
        total_transactions: 1250,
        total_amount: 125000000,
        successful_transactions: 1200,
        failed_transactions: 25,
        pending_transactions: 25,
        success_rate: 96,
      },
      export_url:
        'https://api.sinoman.id/files/4821?v=7&exp=1727623800&sig=Vx3f0W1hJ2m4QeZl9pK8sT5uY7aB6cD0eF1gH2iJ3kL',
      pagination: {
        current_page: 1,
        total_pages: 13,
        total_items: 1250,
        items_per_page: 100,
        has_next: true,
        has_prev: false,
      },
    },
  },
};
