import { DomainError } from '@komisi/domain';

// What every gateway's API client shares: its errors, reading optional text, and reading its answers.

/** A gateway refused, failed or answered what we cannot use; `details` hold only what helps support (no secrets). */
export function providerError(message: string, details?: unknown, cause?: unknown): DomainError {
  return new DomainError('PAYMENT_PROVIDER_ERROR', message, { details, cause });
}

/** A string with something besides white space: how the gateways' optional fields are read. */
export function hasText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

export interface AnswerReading<T> {
  /** how errors name the call, e.g. `DOKU checkout` */
  call: string;
  /** what every error about it carries (the operation) */
  details: Record<string, unknown>;
  /** whether a JSON body is an answer we can read */
  isAnswer: (body: unknown) => body is T;
  /** the gateway's own words about a failure; they hold no secrets and help support trace it */
  errorOf: (body: T | null) => { code: string | null; message: string | null };
}

/**
 * A gateway's JSON answer. Not JSON, an HTTP error (with the gateway's code or message when it
 * sent one) or a body of another shape is a provider error.
 */
export async function readJsonAnswer<T>(response: Response, reading: AnswerReading<T>): Promise<T> {
  const { call, details } = reading;
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    const what = response.ok ? 'invalid JSON' : `HTTP ${response.status}`;
    throw providerError(`${call} answered with ${what}`, { ...details, httpStatus: response.status }, cause);
  }
  const answer = reading.isAnswer(body) ? body : null;
  if (!response.ok) {
    const { code, message } = reading.errorOf(answer);
    throw providerError(`${call} answered HTTP ${response.status}: ${code ?? message ?? 'no details'}`, {
      ...details,
      httpStatus: response.status,
      code,
      message,
    });
  }
  if (!answer) throw providerError(`${call} answered with an unexpected body`, details);
  return answer;
}
