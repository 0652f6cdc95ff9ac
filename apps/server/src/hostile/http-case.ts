import fc from 'fast-check';
import { abbreviate } from './wire-text.ts';

// Turns an operation (or a tRPC procedure) into hostile HTTP requests: one arbitrary per kind of
// attack, each a mutation of a valid baseline, so every case differs from an acceptable request in
// one place and a failure names that place.

/** A request ready to send. `body` is built at send time (a FormData or stream is used once). */
export interface HttpCase {
  kind: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** `undefined`: the mode's own (none, or the role's token); otherwise this header value */
  authorization?: string;
  body?: () => BodyInit;
  /** the body as printed in a report */
  shownBody?: string;
}

/** Tokens a case may carry in its Authorization header. */
export interface AuthMaterial {
  /** a valid token of the operation's role (absent for anonymous-only setups) */
  valid: string | undefined;
  /** a valid token of another tenant */
  foreign: string;
}

/** A body built at send time, and how a report prints it. */
export interface CaseBody {
  make: () => BodyInit;
  shown: string;
  contentType?: string;
}

export const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);

export function multipart(fields: [string, string][], files: [string, Blob, string][]): CaseBody {
  const make = () => {
    const form = new FormData();
    for (const [k, v] of fields) form.append(k, v);
    for (const [k, blob, name] of files) form.append(k, blob, name);
    return form;
  };
  const shown = `multipart: ${[...fields.map(([k, v]) => `${k}=${abbreviate(v, 80)}`), ...files.map(([k, b, n]) => `${k}=<file ${n}, ${b.type}, ${b.size} B>`)].join(', ')}`;
  return { make, shown };
}
