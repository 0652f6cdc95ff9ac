import { MEMBER_UPLOAD_RULES } from '@komisi/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import type { ApiContext } from '../../kernel/api-context.ts';
import type { AccessClaims } from '../../kernel/auth/access-token.ts';
import { authedProcedure } from '../../kernel/trpc.ts';
import { uploaded } from '../shared/uploads.ts';
import { emptyInput } from './auth.schemas.ts';
import {
  iso,
  isoOrNull,
  presentDocument,
  presentEditable,
  presentKycFile,
  presentProfile,
} from './members.presenters.ts';
import * as s from './members.schemas.ts';

const tags = ['Members'];

type MemberCtx = ApiContext & { auth: AccessClaims };

/** Who asks for file links: the signed-in member (administrators see every member's files). */
const viewerOf = (ctx: MemberCtx) => ({
  accountId: ctx.auth.accountId,
  isAdmin: ctx.auth.roles.includes('admin'),
});

/** A member's own profile, KYC documents and referrals (koperasi-sinoman §3). */
export const membersRouter = {
  profile: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/members/profile',
        tags,
        summary: 'Get member profile',
        description:
          'The signed-in member’s whole profile, the NIK in clear (to the member alone: lists never show ' +
          'it, and it is stored encrypted). `profile_picture_url` is a signed link valid for 5 minutes. ' +
          'An account that is no member (an administrator): 404 `MEMBER_NOT_FOUND`.',
      },
      errors: [404],
    })
    .input(emptyInput)
    .output(s.profileOutput)
    .query(async ({ ctx }) => {
      const scope = ctx.scope();
      const { account, member, nik } = await ctx.services.memberProfiles.profile(scope, ctx.auth.accountId);
      const picture = await ctx.services.memberProfiles.pictureUrl(scope, member, viewerOf(ctx), {
        baseUrl: ctx.baseUrl,
      });
      return { member: presentProfile(account, member, nik, picture) };
    }),

  updateProfile: authedProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/members/profile',
        tags,
        summary: 'Update member profile',
        description:
          'Changes only the fields sent; `null` (or an empty text) clears an optional one. A new phone ' +
          'must be an Indonesian mobile number no other account holds in any written form (422 naming ' +
          '`phone`). The email, NIK, birth date and gender do not change here.',
      },
      message: 'Profile updated successfully',
      errors: [404, 422],
    })
    .input(s.updateProfileInput)
    .output(s.updateProfileOutput)
    .mutation(async ({ ctx, input }) => {
      const { account, member } = await ctx.services.memberProfiles.update(ctx.scope(), ctx.auth.accountId, {
        fullName: input.full_name,
        phone: input.phone,
        address: input.address,
        village: input.village,
        district: input.district,
        city: input.city,
        province: input.province,
        postalCode: input.postal_code,
        occupation: input.occupation,
        bio: input.bio,
      });
      return { member: presentEditable(account, member) };
    }),

  uploadPicture: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/members/profile/picture',
        tags,
        summary: 'Upload profile picture',
        description:
          'Multipart `file`: JPEG or PNG, at most 5 MB, at least 400 × 400 pixels. It is cropped to a ' +
          'centred square (at most 800 × 800) and re-encoded without its metadata (location, camera); ' +
          'the previous picture is deleted. `profile_picture_url` is a signed link valid for 5 minutes.',
      },
      uploads: ['file'],
      maxFileBytes: MEMBER_UPLOAD_RULES.profilePicture.maxBytes,
      message: 'Profile picture uploaded successfully',
      errors: [404, 422],
    })
    .input(s.pictureInput)
    .output(s.pictureOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const file = await ctx.services.memberProfiles.uploadPicture(
        scope,
        ctx.auth.accountId,
        uploaded(input.file, 'file'),
      );
      const url = await ctx.services.memberProfiles.pictureUrl(
        scope,
        { profilePictureFileId: file.id },
        viewerOf(ctx),
        { baseUrl: ctx.baseUrl },
      );
      return { profile_picture_url: url!, uploaded_at: iso(file.createdAt) };
    }),

  uploadDocument: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/members/kyc/documents',
        tags,
        summary: 'Upload KYC document',
        description:
          'Multipart `document_type` (`ktp`, `selfie`, `kk`, `npwp`, `bank_statement`) and `file`: JPEG, ' +
          'PNG or PDF, at most 10 MB; an image at least 1024 × 768 pixels (either orientation), ' +
          're-encoded without its metadata. Documents are private: stored encrypted, readable only by ' +
          'the member and the administrators through `document_url`, a signed link valid for 5 minutes ' +
          '(a PDF downloads, it is never shown inline). A new document replaces the member’s earlier one ' +
          'of its type still pending or rejected. A member whose KYC was rejected is under review ' +
          '(`pending`) again. `file_size_bytes` is the size stored.',
      },
      uploads: ['file'],
      maxFileBytes: MEMBER_UPLOAD_RULES.kycDocument.maxBytes,
      successStatus: 201,
      message: 'Document uploaded successfully',
      errors: [404, 422],
    })
    .input(s.documentInput)
    .output(s.documentOutput)
    .mutation(async ({ ctx, input }) => {
      const stored = await ctx.services.memberKyc.upload(
        ctx.scope(),
        ctx.auth.accountId,
        input.document_type,
        uploaded(input.file, 'file'),
        { baseUrl: ctx.baseUrl },
      );
      return { document: presentDocument(stored) };
    }),

  documents: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/members/kyc/documents',
        tags,
        summary: 'Get KYC documents',
        description:
          'The signed-in member’s documents, oldest first, with where their verification stands. Each ' +
          '`document_url` is a signed link valid for 5 minutes. A document is `approved` or `rejected` ' +
          'when an administrator sets the member’s KYC status to `verified` or `rejected`.',
      },
      errors: [404],
    })
    .input(emptyInput)
    .output(s.documentListOutput)
    .query(async ({ ctx }) =>
      presentKycFile(
        await ctx.services.memberKyc.ownDocuments(ctx.scope(), ctx.auth.accountId, { baseUrl: ctx.baseUrl }),
      ),
    ),

  referrals: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/members/referrals',
        tags,
        summary: 'Get referral information',
        description:
          'The member’s referral code and the members who joined with it. A referral is `pending` until ' +
          'its member first becomes active, then `paid` (the bonus credited to the referrer’s Simpanan ' +
          'Sukarela, once) or `completed` (the cooperative grants no bonus). `pending_bonus` and a ' +
          'pending referral’s `referral_bonus` are what the cooperative’s current bonus would pay. Not ' +
          'in the document: `page` and `limit` (default 50, at most 100) page the list, newest first; ' +
          'the counts cover every referral.',
      },
      errors: [404],
    })
    .input(s.referralsInput)
    .output(s.referralsOutput)
    .query(async ({ ctx, input }) => {
      const r = await ctx.services.memberReferrals.summary(ctx.scope(), ctx.auth.accountId, input);
      return {
        referral_code: r.referralCode,
        total_referrals: r.total,
        successful_referrals: r.successful,
        pending_referrals: r.pending,
        total_bonus_earned: r.bonusEarned,
        pending_bonus: r.pendingBonus,
        referrals: r.referrals.map((line) => ({
          id: line.publicId,
          referred_member: {
            member_number: line.referred.memberNumber,
            full_name: line.referred.fullName,
            join_date: iso(line.referred.joinDate),
          },
          referral_bonus: line.bonus,
          status: line.status,
          created_at: iso(line.createdAt),
          paid_at: isoOrNull(line.paidAt),
        })),
      };
    }),
} satisfies TRPCRouterRecord;
