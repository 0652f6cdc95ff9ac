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

/**
 * The logger of the one line every request writes (its id, method, path, status and time). Those
 * fields are fixed and none is sensitive (redaction matches field names, and the path carries no
 * query string), so the line skips the redaction every other line goes through: with the wildcard
 * paths above it costs some 9 µs of CPU a line, three times the rest of the line.
 */
export function accessLogger(log: Logger): Logger {
  return log.child({}, { redact: [] });
}
