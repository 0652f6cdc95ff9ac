/** Emails are stored and compared trimmed and in lower case. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();
export const EMAIL_TAKEN = 'The email has already been taken.';
