import { planFor } from '../../../contexts/network/mlm-plan.ts';
import { draftPlanFor, previewSale } from '../../../contexts/network/mlm-plan-preview.ts';
import { adminProcedure } from '../../../kernel/trpc.ts';
import { mlmPreviewInput, mlmPreviewMeta, mlmPreviewOutput } from './mlm-preview.types.ts';

/** dtehm-mobile's plan editor: a draft plan tried on one sale beside the plan in force. */
export const mlmPreviewProcedure = adminProcedure
  .meta(mlmPreviewMeta)
  .input(mlmPreviewInput)
  .output(mlmPreviewOutput)
  .mutation(({ ctx, input }) => {
    const draft = draftPlanFor(ctx.tenant, input.plan);
    const current = planFor(ctx.tenant);
    const sale = (generations: number) => ({
      amount: input.amount,
      uplines: input.uplines ?? generations,
      withStockist: input.withStockist,
    });
    return {
      currency: ctx.tenant.currency,
      amount: input.amount,
      draft: previewSale(draft, sale(draft.generationRatesBps.length)),
      current: previewSale(current, sale(current.generationRatesBps.length)),
    };
  });
