// The cooperative's financial reports (koperasi-sinoman §6.2): dashboard periods, months and the
// report summary's arithmetic. Pure: days arrive as local `YYYY-MM-DD`, counts as integers.
import { addDays, type DayRange } from './calendar-days.ts';

export const DASHBOARD_PERIODS = ['today', 'week', 'month', 'quarter', 'year'] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];
/** What the dashboard shows when no period is asked for. */
export const DEFAULT_DASHBOARD_PERIOD: DashboardPeriod = 'month';

/**
 * The local days a dashboard period covers, ending `today`: `today`; `week` (today and the 6 days
 * before it); `month`, `quarter` and `year` (the calendar month, quarter or year so far).
 */
export function dashboardDays(period: DashboardPeriod, today: string): DayRange {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  switch (period) {
    case 'today':
      return { start: today, end: today };
    case 'week':
      return { start: addDays(today, -6), end: today };
    case 'month':
      return { start: `${today.slice(0, 8)}01`, end: today };
    case 'quarter': {
      const first = month - ((month - 1) % 3);
      return { start: `${year}-${String(first).padStart(2, '0')}-01`, end: today };
    }
    case 'year':
      return { start: `${year}-01-01`, end: today };
  }
}

/** `YYYY-MM` of a local day. */
export const monthOf = (isoDate: string): string => isoDate.slice(0, 7);

/** The months a range of days touches, newest first (as the document lists monthly trends). */
export function monthsOf(range: DayRange): string[] {
  const months: string[] = [];
  let y = Number(range.end.slice(0, 4));
  let m = Number(range.end.slice(5, 7));
  const first = monthOf(range.start);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month < first) return months;
    months.push(month);
    m -= 1;
    if (m === 0) [y, m] = [y - 1, 12];
  }
}

/** The five states of a savings transaction (§10.1). */
export const SAVINGS_TRANSACTION_STATES = [
  'pending',
  'processing',
  'completed',
  'failed',
  'cancelled',
] as const;
export type SavingsTransactionState = (typeof SAVINGS_TRANSACTION_STATES)[number];

/**
 * How the report's summary counts a state: completed succeeded; failed and cancelled did not;
 * pending and processing are still open. The three add up to every transaction.
 */
export function outcomeOf(state: SavingsTransactionState): 'successful' | 'failed' | 'pending' {
  if (state === 'completed') return 'successful';
  if (state === 'failed' || state === 'cancelled') return 'failed';
  return 'pending';
}

/** Completed transactions as a percentage of all, to one decimal (half up); 0 for none at all. */
export function successRate(successful: number, total: number): number {
  if (total <= 0) return 0;
  return Math.floor((successful * 2000 + total) / (2 * total)) / 10;
}

export interface StateTotals {
  state: SavingsTransactionState;
  transactions: number;
  amount: number;
}

export interface TransactionSummary {
  totalTransactions: number;
  /** the amounts of every transaction counted, whatever its state */
  totalAmount: number;
  successful: number;
  failed: number;
  pending: number;
  successRate: number;
}

/** The report's summary from the counts and amounts per state. */
export function summarize(totals: readonly StateTotals[]): TransactionSummary {
  const out = { totalTransactions: 0, totalAmount: 0, successful: 0, failed: 0, pending: 0 };
  for (const t of totals) {
    out.totalTransactions += t.transactions;
    out.totalAmount += t.amount;
    out[outcomeOf(t.state)] += t.transactions;
  }
  return { ...out, successRate: successRate(out.successful, out.totalTransactions) };
}
