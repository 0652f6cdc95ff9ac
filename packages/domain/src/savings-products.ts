/**
 * The savings a cooperative member holds (koperasi-sinoman §4.1): Simpanan Pokok once at joining,
 * Simpanan Wajib every month, Simpanan Sukarela whenever the member likes (the only one withdrawable,
 * and the one earning interest).
 */
export const SAVINGS_CODES = ['SP', 'SW', 'SS'] as const;
export type SavingsCode = (typeof SAVINGS_CODES)[number];

export type DepositSchedule = 'once' | 'monthly' | 'any';

export interface SavingsProductTerms {
  code: SavingsCode;
  name: string;
  description: string;
  /** smallest deposit, in rupiah */
  minimumAmount: number;
  isWithdrawable: boolean;
  isMandatory: boolean;
  /** yearly interest in basis points (600 = 6%) */
  interestRateBp: number;
  depositSchedule: DepositSchedule;
}

/** A new cooperative's products, as the document describes them; a tenant may change the figures. */
export const DEFAULT_SAVINGS_PRODUCTS: readonly SavingsProductTerms[] = [
  {
    code: 'SP',
    name: 'Simpanan Pokok',
    description: 'Simpanan wajib sekali seumur hidup saat pendaftaran',
    minimumAmount: 80_000,
    isWithdrawable: false,
    isMandatory: true,
    interestRateBp: 0,
    depositSchedule: 'once',
  },
  {
    code: 'SW',
    name: 'Simpanan Wajib',
    description: 'Simpanan wajib bulanan untuk anggota aktif',
    minimumAmount: 10_000,
    isWithdrawable: false,
    isMandatory: true,
    interestRateBp: 0,
    depositSchedule: 'monthly',
  },
  {
    code: 'SS',
    name: 'Simpanan Sukarela',
    description: 'Simpanan sukarela yang dapat ditarik sewaktu-waktu',
    minimumAmount: 10_000,
    isWithdrawable: true,
    isMandatory: false,
    interestRateBp: 600,
    depositSchedule: 'any',
  },
];
