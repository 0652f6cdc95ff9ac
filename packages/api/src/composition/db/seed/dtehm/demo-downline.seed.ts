import { inTransaction, type Scope } from '../../../../kernel/scope.ts';
import type { Services } from '../../../services.ts';
import type { DemoLogin } from '../demo-login.ts';

/** The password of every demo member below the root. */
export const DTEHM_DEMO_MEMBER_PASSWORD = 'Member123!';

interface DemoMember {
  email: string;
  name: string;
  phone: string;
  /** the sponsor's email; the first member's sponsor is the root member */
  sponsor: string | null;
  dip: boolean;
}

/**
 * A member with a downline three generations deep, so the sponsor tree, `/user/network` and the
 * membership referral commissions show something at once. Listed sponsors first.
 */
export const DTEHM_DEMO_MEMBERS: readonly DemoMember[] = [
  { email: 'member@dtehm.demo', name: 'Grace Namuli', phone: '+256701100001', sponsor: null, dip: true },
  {
    email: 'brian@dtehm.demo',
    name: 'Brian Okello',
    phone: '+256701100002',
    sponsor: 'member@dtehm.demo',
    dip: false,
  },
  {
    email: 'sarah@dtehm.demo',
    name: 'Sarah Atim',
    phone: '+256701100003',
    sponsor: 'member@dtehm.demo',
    dip: true,
  },
  {
    email: 'david@dtehm.demo',
    name: 'David Ssemanda',
    phone: '+256701100004',
    sponsor: 'brian@dtehm.demo',
    dip: false,
  },
  {
    email: 'ruth@dtehm.demo',
    name: 'Ruth Nakato',
    phone: '+256701100005',
    sponsor: 'brian@dtehm.demo',
    dip: false,
  },
  {
    email: 'peter@dtehm.demo',
    name: 'Peter Mugisha',
    phone: '+256701100006',
    sponsor: 'david@dtehm.demo',
    dip: true,
  },
];

export const DTEHM_DEMO_MEMBER_LOGINS: DemoLogin[] = DTEHM_DEMO_MEMBERS.map((m) => ({
  role: 'member',
  email: m.email,
  password: DTEHM_DEMO_MEMBER_PASSWORD,
  note: m.sponsor ? `sponsor ${m.sponsor}` : 'sponsor of 5 members in 3 generations',
}));

/**
 * Places the demo members under the root member as real members do: the account, the place in the
 * sponsor tree, then the membership paid through the sandbox gateway (which numbers them and pays
 * each sponsor the referral bonus).
 */
export async function seedDtehmDemoDownline(
  services: Services,
  scope: Scope,
  rootAccountId: number,
): Promise<void> {
  const ids = new Map<string, number>();
  for (const m of DTEHM_DEMO_MEMBERS) {
    const member = await inTransaction(scope, async (tx) => {
      const account = await services.identity.createAccount(tx, {
        email: m.email,
        password: DTEHM_DEMO_MEMBER_PASSWORD,
        name: m.name,
        phone: m.phone,
      });
      return services.membership.join(tx, {
        accountId: account.id,
        sponsorAccountId: m.sponsor ? ids.get(m.sponsor)! : rootAccountId,
        wantsDtehm: true,
        wantsDip: m.dip,
        address: 'Kampala, Uganda',
        fromMobile: true,
      });
    });
    ids.set(m.email, member.account);
    await payMembership(services, scope, member.account, m);
  }
}

/** Opens the membership payment, pays it on the sandbox gateway's page and settles it. */
async function payMembership(services: Services, scope: Scope, accountId: number, m: DemoMember) {
  const quote = services.membership.quote(scope, { wantsDtehm: true, wantsDip: m.dip });
  const payment = await services.payments.create(scope, {
    accountId,
    purpose: 'membership',
    subjectId: null,
    amount: quote.amount,
    requestedMethod: 'pesapal',
    callbackUrl: null,
    description: `${quote.types.join(' + ')} membership for ${m.name}`,
    customer: { email: m.email, name: m.name, phone: m.phone },
    details: { membership_types: quote.types },
  });
  await services.sandbox.settle(payment.providerReference, 'success');
  await services.payments.settle(scope, payment.id);
}
