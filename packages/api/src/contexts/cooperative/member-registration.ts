import { randomBytes, randomUUID } from 'node:crypto';
import {
  birthDateProblem,
  checkNik,
  compactNik,
  DomainError,
  type FieldErrors,
  fieldError,
  formatYearNumber,
  type Gender,
  isIndonesianMobile,
  localDate,
  memberReferralCode,
  normalizeIndonesianPhone,
  REFERRAL_CODE_RANDOM_BYTES,
  validationError,
  yearCounterName,
} from '@komisi/domain';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import type { Account } from '../identity/account.entity.ts';
import { EMAIL_TAKEN, type IdentityService, PHONE_TAKEN } from '../identity/identity.service.ts';
import {
  localYear,
  type OpenedSavingsAccount,
  type SavingsAccountsService,
} from '../savings/savings-accounts.service.ts';
import { nextSequence } from '../tenancy/tenant.service.ts';
import { CooperativeMember } from './cooperative-member.entity.ts';
import { cooperativeTermsOf } from './cooperative-terms.ts';
import { NIK_TAKEN, type NikVault } from './member-nik.ts';
import { MemberReferral } from './member-referral.entity.ts';
import { memberSearchText } from './member-search.ts';

/** What a person hands in to join (§2.2.1): the sign-in, the KYC facts, optionally a member's referral code. */
export interface MemberApplication {
  email: string;
  phone: string;
  password: string;
  fullName: string;
  nik: string;
  dateOfBirth: string;
  gender: Gender;
  address: string;
  village?: string | null | undefined;
  district?: string | null | undefined;
  city?: string | null | undefined;
  province?: string | null | undefined;
  postalCode?: string | null | undefined;
  occupation?: string | null | undefined;
  referralCode?: string | null | undefined;
}

export interface RegisteredMember {
  account: Account;
  member: CooperativeMember;
  savingsAccounts: OpenedSavingsAccount[];
}

export const UNKNOWN_REFERRAL_CODE = 'does not belong to any member';
export const NOT_A_MOBILE = 'must be an Indonesian mobile number like 081234567890';
/** Draws of a fresh referral code when the drawn one is taken (36^8 codes: a second is already rare). */
const CODE_ATTEMPTS = 5;

/**
 * Registers a cooperative member in one transaction: the identity account (email and phone unique,
 * the phone in any written form), the member with the next `SIN-{year}-{6}` number, a referral code
 * of their own and the sealed NIK (one member per NIK), the three savings accounts, and the referral
 * when they joined with a member's code. Every refused field is named at once (422).
 */
export class CooperativeRegistrationService {
  readonly #identity: IdentityService;
  readonly #savings: SavingsAccountsService;
  readonly #nik: NikVault;

  constructor(deps: { identity: IdentityService; savingsAccounts: SavingsAccountsService; nik: NikVault }) {
    this.#identity = deps.identity;
    this.#savings = deps.savingsAccounts;
    this.#nik = deps.nik;
  }

  async register(scope: Scope, application: MemberApplication): Promise<RegisteredMember> {
    const nik = compactNik(application.nik);
    const phone = normalizeIndonesianPhone(application.phone);
    checkApplication(scope, application, nik, phone);
    const referralCode = application.referralCode?.trim().toUpperCase() || null;
    return inTransaction(scope, async (tx) => {
      await this.#identity.lockPhone(tx, phone);
      await this.#nik.lock(tx, nik);
      const fields: FieldErrors = {};
      if (await this.#identity.emailTaken(tx, application.email)) fields.email = [EMAIL_TAKEN];
      if (await this.#identity.phoneTaken(tx, phone)) fields.phone = [PHONE_TAKEN];
      if (await this.#nik.taken(tx, nik)) fields.nik = [NIK_TAKEN];
      const referrer = referralCode
        ? await tx.em.findOne(CooperativeMember, { referralCode }, { refresh: true })
        : null;
      if (referralCode && !referrer) fields.referral_code = [UNKNOWN_REFERRAL_CODE];
      if (Object.keys(fields).length > 0) throw validationError(fields);

      const account = await this.#identity.createAccount(tx, {
        email: application.email,
        password: application.password,
        name: application.fullName,
        phone: application.phone.trim(),
        roles: ['member'],
      });
      const member = await insertMember(tx, this.#nik, account, application, nik, referrer?.id ?? null);
      if (referrer) {
        tx.em.create(MemberReferral, {
          tenant: tx.tenant.id,
          publicId: randomUUID(),
          referrer: referrer.id,
          referred: member.id,
          createdAt: tx.now,
        });
        await tx.em.flush();
      }
      const savingsAccounts = await this.#savings.openAccounts(tx, account.id);
      return { account, member, savingsAccounts };
    });
  }
}

/** The rules no schema can hold: the NIK under the tenant's terms, the birth date, a mobile number. */
function checkApplication(scope: Scope, application: MemberApplication, nik: string, phone: string): void {
  const fields: FieldErrors = {};
  const collect = (check: () => void) => {
    try {
      check();
    } catch (e) {
      if (!(e instanceof DomainError) || !e.fields) throw e;
      Object.assign(fields, e.fields);
    }
  };
  collect(() =>
    checkNik(nik, {
      strict: cooperativeTermsOf(scope.tenant).strictNik,
      dateOfBirth: application.dateOfBirth,
      gender: application.gender,
    }),
  );
  collect(() => {
    const problem = birthDateProblem(application.dateOfBirth, localDate(scope.now, scope.tenant.timeZone));
    if (problem) throw fieldError('date_of_birth', problem);
  });
  if (!isIndonesianMobile(phone)) fields.phone = [NOT_A_MOBILE];
  if (Object.keys(fields).length > 0) throw validationError(fields);
}

/**
 * The member row, numbered `SIN-{year}-{6}` in the tenant's local year. A drawn referral code that
 * is taken makes the insert do nothing (every other unique key is fresh or locked), and a new one is
 * drawn.
 */
async function insertMember(
  tx: Scope,
  vault: NikVault,
  account: Account,
  application: MemberApplication,
  nik: string,
  referrerId: number | null,
): Promise<CooperativeMember> {
  const year = localYear(tx.now, tx.tenant.timeZone);
  const memberNumber = formatYearNumber('SIN', year, await nextSequence(tx, yearCounterName('SIN', year)), 6);
  const publicId = randomUUID();
  const stored = vault.seal(tx, publicId, nik);
  const search = memberSearchText({ name: application.fullName, email: account.email, memberNumber });
  for (let attempt = 1; attempt <= CODE_ATTEMPTS; attempt++) {
    const [row] = await tx.em.execute<{ id: number }[]>(
      `insert into cooperative_member (tenant_id, public_id, account_id, member_number, nik_sealed, nik_digest,
         nik_masked, date_of_birth, gender, address, village, district, city, province, postal_code, occupation,
         membership_type, membership_status, kyc_status, referral_code, referred_by_member_id, join_date,
         search_vector, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'regular', 'pending', 'pending', ?, ?, ?,
         to_tsvector('simple', ?), ?, ?)
       on conflict do nothing returning id`,
      [
        tx.tenant.id,
        publicId,
        account.id,
        memberNumber,
        stored.nikSealed,
        stored.nikDigest,
        stored.nikMasked,
        application.dateOfBirth,
        application.gender,
        application.address,
        application.village ?? null,
        application.district ?? null,
        application.city ?? null,
        application.province ?? null,
        application.postalCode ?? null,
        application.occupation ?? null,
        drawReferralCode(),
        referrerId,
        tx.now,
        search,
        tx.now,
        tx.now,
      ],
    );
    if (row) return tx.em.findOneOrFail(CooperativeMember, { id: row.id });
  }
  throw new DomainError('INTERNAL_ERROR', 'no free referral code after several draws');
}

function drawReferralCode(): string {
  for (;;) {
    // null only when 32 random bytes hold fewer than 8 usable ones: practically never
    const code = memberReferralCode(randomBytes(REFERRAL_CODE_RANDOM_BYTES));
    if (code) return code;
  }
}
