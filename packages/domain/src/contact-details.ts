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
