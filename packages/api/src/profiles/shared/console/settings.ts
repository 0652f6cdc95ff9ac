import { adminProcedure } from '../../../kernel/trpc.ts';
import * as t from './settings.types.ts';

export const settingsProcedure = adminProcedure
  .meta(t.settingsMeta)
  .input(t.settingsInput)
  .output(t.settingsOutput)
  .query(({ ctx }) => ({
    settings: ctx.services.tenantAdminSettings.entries(
      ctx.tenant,
      ctx.services.tenantApps.settingKeys(ctx.tenant),
    ),
  }));

export const updateSettingProcedure = adminProcedure
  .meta(t.updateSettingMeta)
  .input(t.updateSettingInput)
  .output(t.updateSettingOutput)
  .mutation(({ ctx, input }) =>
    ctx.services.tenantAdminSettings.change(
      ctx.tenant.id,
      ctx.services.tenantApps.settingKeys(ctx.tenant),
      input.key,
      input.value,
    ),
  );
