import type { ProgramContent } from '../../../contexts/referral-affiliates/program-content.entity.ts';
import type { ApiContext } from '../../../kernel/api-context.ts';
import { uploaded } from '../../shared/uploads.ts';
import { materialImageUrl } from '../affiliate.presenters.ts';

type AdminCtx = Pick<ApiContext, 'services' | 'scope' | 'baseUrl'> & { auth: { accountId: number } };

const presentContent = (e: ProgramContent, imageUrl: string | null) => ({
  id: String(e.id),
  kind: e.kind,
  title: e.title,
  body: e.body ?? null,
  category: e.category ?? null,
  image_url: imageUrl,
  size: e.size ?? null,
  position: e.position,
  active: e.active,
});

/** A content entry as admins see it, an uploaded image as a download link. */
export async function contentOf(ctx: AdminCtx, e: ProgramContent) {
  return presentContent(e, await materialImageUrl(ctx, e));
}

/** An admin's upload of a banner or graphic, stored as a `material` file. */
async function storeMaterial(ctx: AdminCtx, image: string | undefined): Promise<number | undefined> {
  if (!image) return undefined;
  const file = await ctx.services.files.storeImage(ctx.scope(), {
    ownerAccountId: ctx.auth.accountId,
    purpose: 'material',
    upload: uploaded(image, 'image'),
  });
  return file.id;
}

/**
 * The content fields an admin sent besides kind and title, as the content service takes them; an
 * uploaded image is stored first.
 */
export async function contentChanges(
  ctx: AdminCtx,
  input: {
    body?: string | null | undefined;
    category?: string | null | undefined;
    image_url?: string | null | undefined;
    image?: string | undefined;
    size?: string | null | undefined;
    position?: number | undefined;
    active?: boolean | undefined;
  },
) {
  return {
    body: input.body,
    category: input.category,
    imageUrl: input.image_url,
    imageFile: await storeMaterial(ctx, input.image),
    size: input.size,
    position: input.position,
    active: input.active,
  };
}
