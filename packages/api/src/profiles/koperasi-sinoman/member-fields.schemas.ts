// Field kinds the koperasi-sinoman member areas share: text rules, contact details, dates, money, files.
import { GENDERS, KYC_STATUSES, MEMBERSHIP_STATUSES } from '@komisi/domain';
import { z } from 'zod';
import { trimmed } from '../shared/request-fields.schemas.ts';
import { amountOutput } from '../shared/response-fields.schemas.ts';

export const text = (min: number, max: number) => trimmed(z.string().min(min).max(max));
/** An optional text a member may also clear (null or empty: none). */
export const optionalText = (max: number) =>
  trimmed(z.string().max(max))
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
export const email = trimmed(z.email('must be a valid email address').max(254));
/** An Indonesian mobile number in any written form; the service checks it is one. */
export const phone = trimmed(
  z.string().regex(/^\+?[0-9][0-9 ().-]{6,20}[0-9]$/, 'must be a phone number like 081234567890'),
);
export const password = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(200)
  .regex(/[A-Za-z]/, 'must contain a letter')
  .regex(/[0-9]/, 'must contain a digit');
export const nik = trimmed(z.string().min(16).max(24)).meta({
  description: 'NIK: the 16 digits of the KTP (spaces, dots and dashes ignored)',
  example: '3502010101900001',
});
export const dateOfBirth = trimmed(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 1990-01-01'));
export const postalCode = trimmed(z.string().regex(/^\d{5}$/, 'must be 5 digits'))
  .nullable()
  .optional();
export const gender = z.enum(GENDERS);
export const membershipStatus = z.enum(MEMBERSHIP_STATUSES);
export const kycStatus = z.enum(KYC_STATUSES);

export const memberId = z.uuid('must be a member id (UUID)').meta({
  example: '550e8400-e29b-41d4-a716-446655440000',
});
export const isoDateTime = z.string().meta({ example: '2024-09-29T10:00:00.000Z' });
export const money = amountOutput.meta({ description: 'Rupiah (whole)' });

/**
 * A file: multipart on REST (the handler passes it on as base64), a base64 string on tRPC. Its size
 * is checked again on the decoded bytes.
 */
export function upload(maxBytes: number, kinds: string) {
  const megabytes = maxBytes / (1024 * 1024);
  return z
    .string({ message: `must be a ${kinds} file` })
    .min(1, `must be a ${kinds} file`)
    .max(Math.ceil(maxBytes / 3) * 4 + 4, `must be at most ${megabytes} MB`)
    .meta({ description: `${kinds}, at most ${megabytes} MB` });
}
