import type { MemberApplication } from '../../../../contexts/cooperative/member-registration.ts';
import type { Scope } from '../../../../kernel/scope.ts';
import type { Services } from '../../../services.ts';
import type { DemoLogin } from '../demo-login.ts';
import { SINOMAN_ADMIN_EMAIL } from './admin.ts';

/** The active, KYC-verified demo member (the one the document's member screens are tried with). */
export const SINOMAN_DEMO_MEMBER = { email: 'anggota@sinoman.demo', password: 'Anggota123!' };

const ADDRESS = {
  village: 'Desa Nologaten',
  district: 'Kecamatan Ponorogo',
  city: 'Ponorogo',
  province: 'Jawa Timur',
};

/** The demo members, in the order they join; NIKs valid even where the tenant checks their structure. */
const MEMBERS: (Omit<MemberApplication, 'referralCode'> & { referredByFirst?: true; active: boolean })[] = [
  {
    ...SINOMAN_DEMO_MEMBER,
    phone: '081234500001',
    fullName: 'Siti Rahayu',
    nik: '3502015204880001',
    dateOfBirth: '1988-04-12',
    gender: 'female',
    address: 'Jl. Soekarno Hatta No. 12, Ponorogo',
    ...ADDRESS,
    postalCode: '63411',
    occupation: 'Pedagang',
    active: true,
  },
  {
    email: 'calon@sinoman.demo',
    password: 'Calon123!',
    phone: '081234500002',
    fullName: 'Budi Santoso',
    nik: '3502021708950002',
    dateOfBirth: '1995-08-17',
    gender: 'male',
    address: 'Jl. Gajah Mada No. 45, Ponorogo',
    ...ADDRESS,
    postalCode: '63412',
    occupation: 'Petani',
    active: false,
  },
  {
    email: 'rekan@sinoman.demo',
    password: 'Rekan123!',
    phone: '081234500003',
    fullName: 'Dewi Lestari',
    nik: '3502034311920003',
    dateOfBirth: '1992-11-03',
    gender: 'female',
    address: 'Jl. Diponegoro No. 7, Ponorogo',
    ...ADDRESS,
    postalCode: '63413',
    occupation: 'Guru',
    referredByFirst: true,
    active: true,
  },
];

/** The demo members' sign-ins (fixed passwords), printed at every start. */
export const SINOMAN_MEMBER_LOGINS: DemoLogin[] = [
  { role: 'member', ...SINOMAN_DEMO_MEMBER, note: 'active, KYC verified; referred rekan@sinoman.demo' },
  { role: 'member', email: 'calon@sinoman.demo', password: 'Calon123!', note: 'pending verification' },
  {
    role: 'member',
    email: 'rekan@sinoman.demo',
    password: 'Rekan123!',
    note: 'active, joined with a referral code',
  },
];

/**
 * Demo members of the sinoman cooperative, registered as any member is (savings accounts opened),
 * the active ones verified by the administrator (the referrer's bonus credited as it would be);
 * their account ids, in the order of `SINOMAN_MEMBER_LOGINS`.
 */
export async function seedSinomanMembers(services: Services, scope: Scope): Promise<number[]> {
  const adminId = (await services.identity.accountIdByEmail(scope, SINOMAN_ADMIN_EMAIL)) ?? 0;
  const accountIds: number[] = [];
  let firstCode: string | null = null;
  for (const { referredByFirst, active, ...application } of MEMBERS) {
    const { account, member } = await services.cooperativeRegistration.register(scope, {
      ...application,
      referralCode: referredByFirst ? firstCode : null,
    });
    firstCode ??= member.referralCode;
    if (active) {
      await services.memberStatus.update(
        scope,
        member.publicId,
        { membershipStatus: 'active', kycStatus: 'verified', notes: 'Demo member' },
        adminId,
      );
    }
    accountIds.push(account.id);
  }
  return accountIds;
}
