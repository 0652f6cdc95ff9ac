import type { Scope } from '../../../../kernel/scope.ts';
import type { Services } from '../../../services.ts';
import type { DemoLogin } from '../demo-login.ts';

/** The demo members' sign-ins (fixed passwords), printed at every start. */
export const SINOMAN_MEMBER_LOGINS: DemoLogin[] = [];

/** Demo members of the sinoman cooperative, registered as any member is; their account ids. */
export async function seedSinomanMembers(_services: Services, _scope: Scope): Promise<number[]> {
  return [];
}
