import type { Scope } from '../../../kernel/scope.ts';
import type { Services } from '../../services.ts';

/** One sign-in of a demo tenant, printed at every start. */
export interface DemoLogin {
  role: 'admin' | 'member' | 'customer' | 'affiliate';
  email: string;
  /** a fixed demo password; null: the demo admin password (KOMISI_ADMIN_PASSWORD, or the generated one) */
  password: string | null;
  /** what the login is for, e.g. `sponsor of 5 members in 3 generations` */
  note?: string;
}

/** What seeding a demo tenant reports. */
export interface SeededTenant {
  slug: string;
  /** created by this call; false: it was there already and was left alone */
  created: boolean;
  /** network tenants: the member new members can name as sponsor */
  rootMemberId: string | null;
  logins: DemoLogin[];
}

/** The logins whose account exists in the scope's tenant. */
export async function existingLogins(
  services: Services,
  scope: Scope,
  logins: DemoLogin[],
): Promise<DemoLogin[]> {
  const found: DemoLogin[] = [];
  for (const login of logins) {
    if ((await services.identity.accountIdByEmail(scope, login.email)) !== null) found.push(login);
  }
  return found;
}
