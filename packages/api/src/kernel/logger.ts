import pino, { type Logger } from 'pino';
import { REDACTED, SENSITIVE_FIELDS } from './redaction.ts';

export type { Logger };

// Secrets and personal data never reach the log, whatever an object carries.
const REDACTED_PATHS = [
  ...SENSITIVE_FIELDS.flatMap((field) => [field, `*.${field}`]),
  'headers.authorization',
  'headers.cookie',
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
    redact: { paths: REDACTED_PATHS, censor: REDACTED },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
