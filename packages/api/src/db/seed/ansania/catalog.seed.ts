import type { Scope } from '../../../platform/scope.ts';

/** The furniture catalog of the ansania demo (categories, products, variants, images, stock). */
export async function seedAnsaniaCatalog(_scope: Scope): Promise<void> {}
