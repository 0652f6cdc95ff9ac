import { type ReferralProgramSettings, referralProgramSettings } from '@komisi/domain';
import { readSetting } from '../../kernel/settings/tenant-settings.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';

/**
 * A tenant's referral programme: its overrides (`settings.referralAffiliates`) laid on the domain's
 * defaults (`REFERRAL_PROGRAM_DEFAULTS`). Tenants set up before the setting was renamed have
 * `settings.referralProgram`: it is still read, under the new name, whose keys win.
 */
export function tenantReferralProgram(tenant: Pick<TenantRecord, 'settings'>): ReferralProgramSettings {
  const formerName = readSetting(tenant.settings, 'referralProgram');
  return referralProgramSettings(formerName, readSetting(tenant.settings, 'referralAffiliates'));
}
