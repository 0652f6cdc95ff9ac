import { Category } from '../../../../contexts/catalog/category.entity.ts';
import { Product } from '../../../../contexts/catalog/product.entity.ts';
import { ProductImage } from '../../../../contexts/catalog/product-image.entity.ts';
import { ProductVariant } from '../../../../contexts/catalog/product-variant.entity.ts';
import type { Scope } from '../../../../kernel/scope.ts';
import { ANSANIA_CATEGORIES, type SeedProduct } from './catalog.model.ts';
import { BEDROOM_OFFICE_OUTDOOR } from './catalog-bedroom-office-outdoor.data.ts';
import { DINING_AND_LIVING } from './catalog-dining-living.data.ts';

export { ANSANIA_CATEGORIES, type SeedProduct, type SeedVariant } from './catalog.model.ts';

/**
 * The furniture catalog, oldest first (each product is created one day after the previous one).
 * Stock is chosen to exercise every stock status: out of stock (dresser, patio set), low stock
 * (armchair, nightstand, sideboard: 5 or fewer in total) and hidden variants (dining table, lounger).
 */
export const ANSANIA_CATALOG: SeedProduct[] = [...DINING_AND_LIVING, ...BEDROOM_OFFICE_OUTDOOR];

const FIRST_CREATED = Date.UTC(2026, 0, 5, 3, 0, 0);
const DAY_MS = 86_400_000;
const VIEWS = ['front view', 'side view', 'detail', 'in a room'];

/** The seed's creation time of the product at `index` (one day apart, oldest first). */
export const seededProductCreatedAt = (index: number) => new Date(FIRST_CREATED + index * DAY_MS);

/** The lowest price of a product's visible variants (the seeded `product.price`). */
export const lowestVisiblePrice = (p: SeedProduct) =>
  Math.min(...p.variants.filter((x) => x.isVisible).map((x) => x.price));

/** The furniture catalog of the ansania demo (categories, products, variants, images, stock). */
export async function seedAnsaniaCatalog(scope: Scope): Promise<void> {
  const em = scope.em;
  const tenant = scope.tenant.id;
  const categories = new Map<string, { id: number }>(
    ANSANIA_CATEGORIES.map((c) => [
      c.slug,
      em.create(Category, {
        tenant,
        slug: c.slug,
        name: c.name,
        description: c.description,
        createdAt: scope.now,
      }),
    ]),
  );
  await em.flush();
  const products = ANSANIA_CATALOG.map((p, index) =>
    em.create(Product, {
      tenant,
      category: categories.get(p.category)!.id,
      name: p.name,
      slug: p.slug,
      shortDescription: p.shortDescription,
      description: p.description,
      specifications: null,
      price: lowestVisiblePrice(p),
      comparePrice: p.comparePrice,
      isFeatured: p.isFeatured,
      weightGrams: p.weightGrams,
      dimensions: p.dimensions,
      soldCount: p.soldCount,
      featurePhoto: null,
      images: [],
      stockQuantity: 0,
      createdAt: seededProductCreatedAt(index),
    }),
  );
  await em.flush();
  ANSANIA_CATALOG.forEach((p, index) => {
    const product = products[index]!.id;
    for (const variant of p.variants) em.create(ProductVariant, { tenant, product, ...variant });
    for (let n = 0; n < p.images; n++) {
      em.create(ProductImage, {
        tenant,
        product,
        url: `https://picsum.photos/seed/ansania-${p.slug}-${n + 1}/800/800`,
        alt: `${p.name}, ${VIEWS[n]}`,
        isPrimary: n === 0,
        position: n,
      });
    }
  });
  await em.flush();
}
