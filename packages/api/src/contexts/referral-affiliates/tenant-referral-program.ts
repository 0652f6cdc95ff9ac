import { type ReferralProgramSettings, referralProgramSettings } from '@komisi/domain';
import { readSetting } from '../../kernel/settings/tenant-settings.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';

/**
 * A tenant's referral programme: its overrides (`settings.referralAffiliates`) laid on the domain's
 * defaults (`REFERRAL_PROGRAM_DEFAULTS`). Tenants set up before the setting was renamed have
 * `settings.referralProgram`: it is still read, under the new name, whose keys win.
 */
export function tenantReferralProgram(tenant: Pick<TenantRecord, 'settings'>): ReferralProgramSettings {
  // per settings object: a tenant's settings are replaced, never changed in place, when it is saved
  let program = programs.get(tenant.settings);
  if (!program) {
    const formerName = readSetting(tenant.settings, 'referralProgram');
    program = Object.freeze(
      referralProgramSettings(formerName, readSetting(tenant.settings, 'referralAffiliates')),
    );
    programs.set(tenant.settings, program);
  }
  return program;
}

/** Every referral link asks (target, attribution window): worked out once per settings object. */
const programs = new WeakMap<object, ReferralProgramSettings>();
