import { DomainError } from '@komisi/domain';
import { readSetting } from '../../../kernel/settings/tenant-settings.ts';
import { affiliateProcedure } from '../affiliate.procedures.ts';
import { supportContactInput, supportContactMeta, supportContactOutput } from './support-contact.types.ts';

/** How affiliates reach the programme's support; 404 until an admin set it up. */
export const supportContactProcedure = affiliateProcedure
  .meta(supportContactMeta)
  .input(supportContactInput)
  .output(supportContactOutput)
  .query(({ ctx }) => {
    const support = readSetting(ctx.tenant.settings, 'affiliateSupport');
    if (!support) throw new DomainError('NOT_FOUND', 'Support contact is not set up yet');
    return { whatsapp: support.whatsapp, email: support.email, response_time: support.responseTime };
  });
