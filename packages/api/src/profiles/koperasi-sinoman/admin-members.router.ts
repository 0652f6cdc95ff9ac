import type { TRPCRouterRecord } from '@trpc/server';
import { adminProcedure } from '../../kernel/trpc.ts';
import * as s from './admin-members.schemas.ts';
import { iso, isoOrNull, presentKycFile } from './members.presenters.ts';
import { documentListOutput } from './members.schemas.ts';
import { pagination } from './pagination.schemas.ts';

const tags = ['Admin: members'];

const ADMIN_ROLE =
  'Administrators only: the role comes from the access token (the document’s `X-Admin-Role` header is ' +
  'not needed and not trusted); anyone else gets 403 `AUTH_INSUFFICIENT_PERMISSIONS`.';

/** The cooperative's administrators and its members (koperasi-sinoman §6.1). */
export const adminMembersRouter = {
  listMembers: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/members',
        tags,
        summary: 'Get all members (admin)',
        description:
          `${ADMIN_ROLE} Filters: \`status\` (membership), \`kyc_status\`, \`search\` (words of the name, ` +
          'email or member number, each matching the start of a word: `sin 000123`, `siti`). Sorted by ' +
          '`sort_by` (`created_at` default, `full_name`, `member_number`) and `sort_order` (`desc` ' +
          'default). `total_savings` is the member’s balance on all their savings accounts; ' +
          '`last_activity` the latest of a savings transaction, a sign-in and a change of the member. ' +
          '`summary` counts the whole cooperative whatever the filters; `pending_verification` counts ' +
          'the members whose membership is pending.',
      },
      errors: [403],
    })
    .input(s.memberListInput)
    .output(s.memberListOutput)
    .query(async ({ ctx, input }) => {
      const page = await ctx.services.memberDirectory.list(ctx.scope(), {
        status: input.status,
        kycStatus: input.kyc_status,
        search: input.search ?? undefined,
        page: input.page,
        limit: input.limit,
        sortBy: input.sort_by,
        sortOrder: input.sort_order,
      });
      return {
        members: page.members.map((m) => ({
          id: m.publicId,
          member_number: m.memberNumber,
          full_name: m.fullName,
          email: m.email,
          phone: m.phone,
          membership_status: m.membershipStatus,
          kyc_status: m.kycStatus,
          join_date: iso(m.joinDate),
          total_savings: m.totalSavings,
          last_activity: iso(m.lastActivity),
        })),
        pagination: pagination(page.window),
        summary: {
          total_members: page.summary.total,
          active_members: page.summary.active,
          pending_verification: page.summary.pending,
          suspended_members: page.summary.suspended,
        },
      };
    }),

  updateMemberStatus: adminProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/admin/members/{member_id}/status',
        tags,
        summary: 'Update member status (admin)',
        description:
          `${ADMIN_ROLE} Sets \`membership_status\` and/or \`kyc_status\` (one at least), with optional ` +
          '`notes`. KYC `verified` sets `kyc_verified_at` and approves the member’s pending KYC ' +
          'documents; `rejected` rejects them and clears `kyc_verified_at`. When a member who joined ' +
          'with a referral code first becomes `active`, the referrer’s Simpanan Sukarela is credited ' +
          'the cooperative’s referral bonus, once (sending the change again credits nothing more). A ' +
          'suspended or inactive member is signed out everywhere and cannot sign in. `member_id` that ' +
          'is not a UUID: 422; no such member: 404 `MEMBER_NOT_FOUND`.',
      },
      message: 'Member status updated successfully',
      errors: [403, 404, 422],
    })
    .input(s.statusInput)
    .output(s.statusOutput)
    .mutation(async ({ ctx, input }) => {
      const member = await ctx.services.memberStatus.update(
        ctx.scope(),
        input.member_id,
        { membershipStatus: input.membership_status, kycStatus: input.kyc_status, notes: input.notes },
        ctx.auth.accountId,
      );
      return {
        member: {
          id: member.publicId,
          member_number: member.memberNumber,
          membership_status: member.membershipStatus,
          kyc_status: member.kycStatus,
          kyc_verified_at: isoOrNull(member.kycVerifiedAt),
          updated_at: iso(member.updatedAt),
        },
      };
    }),

  memberDocuments: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/members/{member_id}/kyc/documents',
        tags,
        summary: 'Get a member’s KYC documents (admin; not in the document)',
        description:
          `${ADMIN_ROLE} What an administrator reviews before setting the member’s KYC status: the ` +
          'member’s documents, oldest first, each `document_url` a signed link valid for 5 minutes.',
      },
      errors: [403, 404, 422],
    })
    .input(s.memberDocumentsInput)
    .output(documentListOutput)
    .query(async ({ ctx, input }) =>
      presentKycFile(
        await ctx.services.memberKyc.documentsForReview(
          ctx.scope(),
          input.member_id,
          { accountId: ctx.auth.accountId, isAdmin: true },
          { baseUrl: ctx.baseUrl },
        ),
      ),
    ),
} satisfies TRPCRouterRecord;
