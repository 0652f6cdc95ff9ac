import { validationError } from '@komisi/domain';
import { findByMemberNumber, type MemberCard } from '../../contexts/network/member-directory.ts';
import type { Scope } from '../../platform/scope.ts';

/**
 * Resolves the sponsor and stockist member numbers of an order request. The sponsor defaults
 * to the buyer's own sponsor; a stockist must hold the stockist role.
 */
export async function resolveParties(
  scope: Scope,
  input: { sponsor_id?: string | undefined; stockist_id?: string | undefined },
  buyerSponsorAccountId: number | null,
): Promise<{ sponsor: MemberCard | null; stockist: MemberCard | null; sponsorAccountId: number | null }> {
  const fields: Record<string, string[]> = {};
  const sponsor = input.sponsor_id ? await findByMemberNumber(scope, input.sponsor_id) : null;
  if (input.sponsor_id && !sponsor) fields.sponsor_id = ['The selected sponsor id does not exist.'];
  const stockist = input.stockist_id ? await findByMemberNumber(scope, input.stockist_id) : null;
  if (input.stockist_id && !stockist) fields.stockist_id = ['The selected stockist id does not exist.'];
  else if (stockist && !stockist.roles.includes('stockist'))
    fields.stockist_id = ['The selected member is not a stockist.'];
  if (Object.keys(fields).length) throw validationError(fields);
  return { sponsor, stockist, sponsorAccountId: sponsor?.id ?? buyerSponsorAccountId };
}
