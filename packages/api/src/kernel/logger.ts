import pino, { type Logger } from 'pino';

export type { Logger };

// Secrets and personal data never reach the log, whatever an object carries.
const REDACTED_PATHS = [
  'password',
  '*.password',
  'new_password',
  '*.new_password',
  'token',
  '*.token',
  'refresh_token',
  '*.refresh_token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'headers.cookie',
  'email',
  '*.email',
  'phone',
  '*.phone',
  'phone_number',
  '*.phone_number',
  // an Indonesian identity number (koperasi-sinoman members)
  'nik',
  '*.nik',
  'consumer_secret',
  '*.consumer_secret',
  // database errors carry the statement's parameters and the offending values
  'err.params',
  'err.detail',
  'err.cause.params',
  'err.cause.detail',
];

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
