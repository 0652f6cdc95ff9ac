import type { Language } from './dictionary.ts';

/**
 * Minor digits of the currencies tenants use. Intl follows ISO 4217, which gives the rupiah 2; in
 * practice (and in the API, where IDR amounts are whole rupiah) it has none, like the Ugandan shilling.
 */
const MINOR_DIGITS: Record<string, number> = { IDR: 0, UGX: 0, KES: 2, USD: 2, EUR: 2 };

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

/** The digits the API gives for a tenant's currency (`console.me`) win over the table above. */
export function rememberCurrencyDigits(currency: string, digits: number): void {
  MINOR_DIGITS[currency] = digits;
}

const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

export function localeOf(language: Language): string {
  return LOCALES[language];
}

/**
 * An amount of the API (integer minor units; a decimal string where a profile's document writes
 * money so) in the currency's format: `Rp 1.500.000`, `UGX 25,000`.
 */
export function formatMoney(
  amount: number | string | null | undefined,
  currency: string,
  language: Language,
) {
  if (amount === null || amount === undefined || amount === '') return '—';
  const digits = minorDigits(currency);
  const value = typeof amount === 'string' ? Number(amount) : amount / 10 ** digits;
  if (!Number.isFinite(value)) return String(amount);
  return new Intl.NumberFormat(localeOf(language), {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

/** A moment of the API (ISO string) in the reader's language, in the tenant's time zone when known. */
export function formatDateTime(iso: string | null | undefined, language: Language, timeZone?: string) {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone && { timeZone }),
  }).format(date);
}

export function formatDate(iso: string | null | undefined, language: Language, timeZone?: string) {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    ...(timeZone && { timeZone }),
  }).format(date);
}

/** YYYY-MM-DD of the day `daysAgo` before today in a time zone (the API's local days). */
export function localDay(timeZone: string, daysAgo = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(Date.now() - daysAgo * 86_400_000));
}

/**
 * An amount typed in the currency's major unit, as the reader's language writes numbers
 * (`1.850.000` or `1.850,50` in Indonesian, `1,850,000` or `1,850.50` in English), to the API's
 * integer minor units; null when it is not such an amount (more decimals than the currency has).
 */
export function parseMajorAmount(text: string, currency: string, language: Language): number | null {
  const [group, decimal] = language === 'id' ? ['.', ','] : [',', '.'];
  const plain = text.replace(/\s/g, '').split(group).join('').replace(decimal, '.');
  const digits = minorDigits(currency);
  const shape = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`);
  if (!shape.test(plain)) return null;
  const [whole, fraction = ''] = plain.split('.');
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0);
  return Number.isSafeInteger(minor) ? minor : null;
}
