import { materialImageUrl, presentMaterial } from '../affiliate.presenters.ts';
import { approvedAffiliateProcedure } from '../affiliate.procedures.ts';
import { materialsInput, materialsMeta, materialsOutput } from './materials.types.ts';

/** The active banners and social graphics, images as download links. */
export const materialsProcedure = approvedAffiliateProcedure
  .meta(materialsMeta)
  .input(materialsInput)
  .output(materialsOutput)
  .query(async ({ ctx }) => {
    const entries = await ctx.services.programContent.list(ctx.scope(), ['banner', 'social_graphic']);
    const present = (kind: string) =>
      Promise.all(
        entries
          .filter((e) => e.kind === kind)
          .map(async (e) => presentMaterial(e, await materialImageUrl(ctx, e))),
      );
    return { banners: await present('banner'), social_graphics: await present('social_graphic') };
  });
