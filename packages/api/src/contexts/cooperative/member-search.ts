import { searchableText } from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';

/** The words the administrators' search finds a member by: name, email and member number. */
export const memberSearchText = (m: { name: string; email: string; memberNumber: string }) =>
  searchableText([m.name, m.email, m.memberNumber]);

/** Writes the member's search words again (their name changed: it lives on the account, not the row). */
export async function reindexMember(tx: Scope, memberId: number, text: string): Promise<void> {
  await tx.em.execute(
    `update cooperative_member set search_vector = to_tsvector('simple', ?) where tenant_id = ? and id = ?`,
    [text, tx.tenant.id, memberId],
  );
}
