import { readSetting } from '../../../kernel/settings/tenant-settings.ts';
import { adminProcedure } from '../../../kernel/trpc.ts';
import {
  setSupportContactInput,
  setSupportContactMeta,
  setSupportContactOutput,
} from './set-support-contact.types.ts';

/** How affiliates reach the programme's support (a tenant setting). */
export const setSupportContactProcedure = adminProcedure
  .meta(setSupportContactMeta)
  .input(setSupportContactInput)
  .output(setSupportContactOutput)
  .mutation(async ({ ctx, input }) => {
    const tenant = await ctx.services.tenants.updateSettingIn(ctx.scope(), 'affiliateSupport', {
      whatsapp: input.whatsapp,
      email: input.email,
      responseTime: input.response_time,
    });
    const support = readSetting(tenant.settings, 'affiliateSupport')!;
    return { whatsapp: support.whatsapp, email: support.email, response_time: support.responseTime };
  });
