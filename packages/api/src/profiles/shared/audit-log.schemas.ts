// The audit log's read API, the same in every profile (each wraps it in its own envelope).
import { z } from 'zod';
import { boundedInt, isoDate, rowId, trimmed } from './request-fields.schemas.ts';
import { idOutput } from './response-fields.schemas.ts';

/** Who acted: a tenant's administrator, a platform administrator, or the platform CLI. */
const actorRole = z.enum(['admin', 'platform-admin', 'platform-cli']);

const text = (max: number) => trimmed(z.string().min(1).max(max));

export const auditLogListInput = z.object({
  action: text(200)
    .optional()
    .describe('only this action: the procedure’s name, e.g. `adminSavings.decideWithdrawal`'),
  actorId: rowId().optional().describe('only the actions of this account (or platform administrator)'),
  actorRole: actorRole.optional(),
  subjectType: text(100).optional().describe('only actions on this kind of record, e.g. `payout`'),
  subjectId: text(200).optional().describe('only actions on the record with this id'),
  from: isoDate.optional().describe('from this day (YYYY-MM-DD, the tenant’s time zone)'),
  to: isoDate.optional().describe('up to and including this day'),
  cursor: z.string().max(100).optional().describe('`nextCursor` of the page before'),
  limit: boundedInt(1, 100).default(20),
});

export const auditLogGetInput = z.object({ id: rowId() });

const auditEntry = z.object({
  id: idOutput,
  occurredAt: z.string().meta({ example: '2026-03-14T09:30:12.000Z' }),
  action: z.string().describe('the procedure’s name; the REST operation calls the same procedure'),
  actor: z.object({
    role: actorRole,
    id: idOutput.nullable(),
    email: z.string().nullable().describe('as it was when they acted'),
    name: z.string().nullable(),
  }),
  subject: z
    .object({ type: z.string(), id: z.string() })
    .nullable()
    .describe('the record the action changed, when the action names it'),
  input: z.unknown().describe('the request as sent; secrets and personal data redacted'),
  before: z.unknown().describe('the record before the action (null when not recorded)'),
  after: z.unknown().describe('the record after the action, or else the action’s answer'),
  requestId: z.string().describe('the X-Request-ID of the call, as in the server log'),
  ip: z.string(),
});

export const auditLogListOutput = z.object({
  entries: z.array(auditEntry),
  nextCursor: z.string().nullable().describe('where the next page starts; null on the last page'),
});

export const auditLogGetOutput = z.object({ entry: auditEntry });
