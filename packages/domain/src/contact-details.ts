// How a person's contact details compare: emails and Indonesian phone numbers in one canonical form.

/** Emails compare trimmed and in lower case. */
export function normalizeEmailAddress(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * An Indonesian phone number in its national significant form: spaces, dashes, dots and brackets
 * ignored, then the `+62`, `62` or trunk `0` prefix dropped (`+62 812-3456-789`, `628123456789` and
 * `0812 3456 789` are all `8123456789`).
 */
export function normalizeIndonesianPhone(phone: string): string {
  const compact = phone.replace(/[\s\-.()]/g, '');
  const match = /^(?:\+62|62|0)(.*)$/.exec(compact);
  return match ? match[1]! : compact;
}

/**
 * A mobile number of an Indonesian operator in any written form: its national form is 8 followed by
 * 8 to 11 digits (`0812-3456-7890`, `+62 812 3456 7890`).
 */
export function isIndonesianMobile(phone: string): boolean {
  return /^8\d{8,11}$/.test(normalizeIndonesianPhone(phone));
}

/** The international form without `+` that WhatsApp gateways address: `6281234567890`. */
export function indonesianPhoneInternational(phone: string): string {
  return `62${normalizeIndonesianPhone(phone)}`;
}
