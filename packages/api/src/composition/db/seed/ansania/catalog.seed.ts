import { Category } from '../../../../contexts/catalog/category.entity.ts';
import { Product } from '../../../../contexts/catalog/product.entity.ts';
import { ProductImage } from '../../../../contexts/catalog/product-image.entity.ts';
import { ProductVariant } from '../../../../contexts/catalog/product-variant.entity.ts';
import type { Scope } from '../../../../kernel/scope.ts';

export interface SeedVariant {
  sku: string;
  color: string;
  finishing: string;
  size: string;
  /** IDR (no minor unit) */
  price: number;
  stock: number;
  isVisible: boolean;
}

export interface SeedProduct {
  slug: string;
  name: string;
  category: string;
  shortDescription: string;
  description: string;
  comparePrice: number | null;
  isFeatured: boolean;
  weightGrams: number;
  dimensions: { length: number; width: number; height: number };
  soldCount: number;
  variants: SeedVariant[];
  /** how many photos (the first is the primary one) */
  images: number;
}

export const ANSANIA_CATEGORIES = [
  { slug: 'furniture', name: 'Furniture', description: 'Multi-purpose pieces for every room' },
  {
    slug: 'living-room',
    name: 'Living Room',
    description: 'Sofas, coffee tables, TV cabinets and armchairs',
  },
  { slug: 'dining-room', name: 'Dining Room', description: 'Dining tables, chairs, stools and sideboards' },
  { slug: 'bedroom', name: 'Bedroom', description: 'Bed frames, wardrobes, nightstands and dressers' },
  { slug: 'office', name: 'Home Office', description: 'Desks and chairs for working from home' },
  { slug: 'outdoor', name: 'Outdoor', description: 'Teak, rattan and bamboo for the garden and terrace' },
] as const;

const v = (
  sku: string,
  color: string,
  finishing: string,
  size: string,
  price: number,
  stock: number,
  isVisible = true,
): SeedVariant => ({ sku, color, finishing, size, price, stock, isVisible });

const html = (intro: string, details: string[]) =>
  `<p>${intro}</p><ul>${details.map((d) => `<li>${d}</li>`).join('')}</ul>`;

/**
 * The furniture catalog, oldest first (each product is created one day after the previous one).
 * Stock is chosen to exercise every stock status: out of stock (dresser, patio set), low stock
 * (armchair, nightstand, sideboard: 5 or fewer in total) and hidden variants (dining table, lounger).
 */
export const ANSANIA_CATALOG: SeedProduct[] = [
  {
    slug: 'dining-table-oak',
    name: 'Oak Dining Table',
    category: 'dining-room',
    shortDescription: 'Premium oak dining table',
    description: html('A solid oak dining table for six, built by craftsmen in Jepara.', [
      'Material: solid oak',
      'Seats six',
      'Assembly required: legs only',
    ]),
    comparePrice: 4_000_000,
    isFeatured: true,
    weightGrams: 25_000,
    dimensions: { length: 180, width: 90, height: 75 },
    soldCount: 120,
    variants: [
      v('TABLE-OAK-NAT-L', 'Natural', 'Matte', 'Large', 3_500_000, 10),
      v('TABLE-OAK-WAL-L', 'Walnut', 'Matte', 'Large', 3_750_000, 6),
      v('TABLE-OAK-WAL-GLS-L', 'Walnut', 'Glossy', 'Large', 3_900_000, 0),
      // discontinued: hidden, so it neither shows nor sets the selling price
      v('TABLE-OAK-NAT-M', 'Natural', 'Matte', 'Medium', 2_900_000, 4, false),
    ],
    images: 3,
  },
  {
    slug: 'dining-chair-mahogany',
    name: 'Mahogany Dining Chair',
    category: 'dining-room',
    shortDescription: 'Carved mahogany chair with a woven seat',
    description: html('A classic chair with a hand-woven rattan seat.', [
      'Material: mahogany frame, rattan seat',
      'Sold per piece',
    ]),
    comparePrice: 1_000_000,
    isFeatured: false,
    weightGrams: 6_500,
    dimensions: { length: 45, width: 50, height: 95 },
    soldCount: 340,
    variants: [
      v('CHAIR-MAH-NAT-M', 'Natural', 'Matte', 'Medium', 850_000, 40),
      v('CHAIR-MAH-WAL-M', 'Walnut', 'Matte', 'Medium', 900_000, 25),
      v('CHAIR-MAH-WAL-GLS-M', 'Walnut', 'Glossy', 'Medium', 950_000, 12),
    ],
    images: 2,
  },
  {
    slug: 'sideboard-jati',
    name: 'Jati Wood Sideboard',
    category: 'dining-room',
    shortDescription: 'Reclaimed teak sideboard with four doors',
    description: html('Reclaimed jati wood with brass handles and adjustable shelves.', [
      'Material: reclaimed jati',
      'Four doors, two shelves',
    ]),
    comparePrice: null,
    isFeatured: false,
    weightGrams: 48_000,
    dimensions: { length: 160, width: 45, height: 80 },
    soldCount: 35,
    variants: [
      v('SIDEBOARD-JATI-NAT-L', 'Natural', 'Matte', 'Large', 4_200_000, 3),
      v('SIDEBOARD-JATI-WAL-GLS-L', 'Walnut', 'Glossy', 'Large', 4_450_000, 2),
    ],
    images: 4,
  },
  {
    slug: 'bar-stool-industrial',
    name: 'Industrial Bar Stool',
    category: 'dining-room',
    shortDescription: 'Steel frame stool with a mango wood seat',
    description: html('Powder-coated steel with a solid mango wood seat and a footrest.', [
      'Material: steel, mango wood',
      'Medium: 65 cm seat, Large: 75 cm seat',
    ]),
    comparePrice: null,
    isFeatured: false,
    weightGrams: 7_000,
    dimensions: { length: 40, width: 40, height: 75 },
    soldCount: 210,
    variants: [
      v('STOOL-IND-BLK-M', 'Black', 'Matte', 'Medium', 650_000, 30),
      v('STOOL-IND-BLK-L', 'Black', 'Matte', 'Large', 690_000, 20),
      v('STOOL-IND-WHT-GLS-M', 'White', 'Glossy', 'Medium', 700_000, 0),
    ],
    images: 2,
  },
  {
    slug: 'sofa-linen-3-seater',
    name: 'Linen 3-Seater Sofa',
    category: 'living-room',
    shortDescription: 'Deep-seated three-seater in washable linen',
    description: html('Removable, washable linen covers over a kiln-dried wood frame.', [
      'Material: linen, kiln-dried wood',
      'Covers: removable and washable',
    ]),
    comparePrice: 9_500_000,
    isFeatured: true,
    weightGrams: 55_000,
    dimensions: { length: 210, width: 90, height: 85 },
    soldCount: 64,
    variants: [
      v('SOFA-LIN-GRY-M', 'Grey', 'Linen', 'Medium', 7_900_000, 5),
      v('SOFA-LIN-GRY-L', 'Grey', 'Linen', 'Large', 8_900_000, 3),
      v('SOFA-LIN-BEI-M', 'Beige', 'Linen', 'Medium', 7_900_000, 4),
      v('SOFA-LIN-BEI-L', 'Beige', 'Linen', 'Large', 8_900_000, 0),
    ],
    images: 3,
  },
  {
    slug: 'coffee-table-teak',
    name: 'Teak Coffee Table',
    category: 'living-room',
    shortDescription: 'Low teak coffee table with a lower shelf',
    description: html('Grade A teak, finished by hand, with a shelf for magazines.', [
      'Material: grade A teak',
      'Lower shelf',
    ]),
    comparePrice: null,
    isFeatured: true,
    weightGrams: 18_000,
    dimensions: { length: 110, width: 60, height: 45 },
    soldCount: 150,
    variants: [
      v('COFFEE-TEAK-NAT-S', 'Natural', 'Matte', 'Small', 1_850_000, 15),
      v('COFFEE-TEAK-NAT-M', 'Natural', 'Matte', 'Medium', 2_250_000, 8),
      v('COFFEE-TEAK-WAL-GLS-M', 'Walnut', 'Glossy', 'Medium', 2_400_000, 6),
    ],
    images: 4,
  },
  {
    slug: 'tv-cabinet-minimalist',
    name: 'Minimalist TV Cabinet',
    category: 'living-room',
    shortDescription: 'Low media console with cable management',
    description: html('Push-to-open drawers and a hidden cable channel.', [
      'Material: plywood with veneer',
      'Fits screens up to 75 inches',
    ]),
    comparePrice: 3_400_000,
    isFeatured: false,
    weightGrams: 32_000,
    dimensions: { length: 180, width: 40, height: 50 },
    soldCount: 88,
    variants: [
      v('TV-MIN-WHT-GLS-M', 'White', 'Glossy', 'Medium', 2_600_000, 9),
      v('TV-MIN-WHT-GLS-L', 'White', 'Glossy', 'Large', 3_100_000, 4),
      v('TV-MIN-NAT-L', 'Natural', 'Matte', 'Large', 3_000_000, 7),
      v('TV-MIN-WAL-L', 'Walnut', 'Matte', 'Large', 3_200_000, 0),
    ],
    images: 2,
  },
  {
    slug: 'armchair-rattan',
    name: 'Rattan Accent Armchair',
    category: 'living-room',
    shortDescription: 'Hand-woven rattan armchair with a cushion',
    description: html('Woven by artisans in Cirebon; the seat cushion is included.', [
      'Material: natural rattan',
      'Cushion included',
    ]),
    comparePrice: 1_700_000,
    isFeatured: false,
    weightGrams: 9_000,
    dimensions: { length: 75, width: 70, height: 80 },
    soldCount: 45,
    variants: [
      v('ARMCHAIR-RAT-NAT-M', 'Natural', 'Matte', 'Medium', 1_450_000, 2),
      v('ARMCHAIR-RAT-BLK-M', 'Black', 'Matte', 'Medium', 1_550_000, 1),
    ],
    images: 3,
  },
  {
    slug: 'bed-frame-teak',
    name: 'Teak Bed Frame',
    category: 'bedroom',
    shortDescription: 'Solid teak bed frame with a slatted base',
    description: html('A sturdy frame in solid teak with a sprung slatted base.', [
      'Material: solid teak',
      'Medium: 160 x 200 cm, Large: 180 x 200 cm mattress',
    ]),
    comparePrice: 9_000_000,
    isFeatured: true,
    weightGrams: 70_000,
    dimensions: { length: 210, width: 170, height: 100 },
    soldCount: 27,
    variants: [
      v('BED-TEAK-NAT-M', 'Natural', 'Matte', 'Medium', 6_500_000, 5),
      v('BED-TEAK-NAT-L', 'Natural', 'Matte', 'Large', 7_800_000, 3),
      v('BED-TEAK-WAL-GLS-L', 'Walnut', 'Glossy', 'Large', 8_200_000, 2),
    ],
    images: 4,
  },
  {
    slug: 'wardrobe-sliding-2-door',
    name: '2-Door Sliding Wardrobe',
    category: 'bedroom',
    shortDescription: 'Space-saving wardrobe with soft-close sliding doors',
    description: html('Soft-close sliding doors, a hanging rail and five shelves.', [
      'Material: engineered wood',
      'Soft-close runners',
    ]),
    comparePrice: null,
    isFeatured: false,
    weightGrams: 85_000,
    dimensions: { length: 150, width: 60, height: 200 },
    soldCount: 40,
    variants: [
      v('WARDROBE-2D-WHT-GLS-M', 'White', 'Glossy', 'Medium', 4_800_000, 6),
      v('WARDROBE-2D-WHT-GLS-L', 'White', 'Glossy', 'Large', 5_600_000, 4),
      v('WARDROBE-2D-NAT-L', 'Natural', 'Matte', 'Large', 5_400_000, 3),
    ],
    images: 2,
  },
  {
    slug: 'nightstand-scandinavian',
    name: 'Scandinavian Nightstand',
    category: 'bedroom',
    shortDescription: 'Compact bedside table with one drawer',
    description: html('Rounded corners, one drawer and an open shelf.', [
      'Material: pine',
      'One drawer, one shelf',
    ]),
    comparePrice: null,
    isFeatured: false,
    weightGrams: 8_000,
    dimensions: { length: 45, width: 40, height: 55 },
    soldCount: 180,
    variants: [
      v('NIGHT-SCAN-WHT-S', 'White', 'Matte', 'Small', 750_000, 2),
      v('NIGHT-SCAN-NAT-S', 'Natural', 'Matte', 'Small', 750_000, 3),
    ],
    images: 3,
  },
  {
    slug: 'dresser-6-drawer',
    name: '6-Drawer Dresser',
    category: 'bedroom',
    shortDescription: 'Wide chest of six deep drawers',
    description: html('Six deep drawers on metal runners with anti-tip fittings.', [
      'Material: mindi wood',
      'Anti-tip fittings included',
    ]),
    comparePrice: null,
    isFeatured: false,
    weightGrams: 52_000,
    dimensions: { length: 140, width: 45, height: 85 },
    soldCount: 22,
    variants: [
      v('DRESSER-6D-WAL-L', 'Walnut', 'Matte', 'Large', 3_400_000, 0),
      v('DRESSER-6D-WHT-GLS-L', 'White', 'Glossy', 'Large', 3_300_000, 0),
    ],
    images: 2,
  },
  {
    slug: 'standing-desk-walnut',
    name: 'Walnut Standing Desk',
    category: 'office',
    shortDescription: 'Electric height-adjustable desk with a walnut top',
    description: html('Dual motors, four memory presets and a solid walnut top.', [
      'Height: 65 to 130 cm',
      'Dual motor frame',
    ]),
    comparePrice: 6_500_000,
    isFeatured: true,
    weightGrams: 38_000,
    dimensions: { length: 140, width: 70, height: 130 },
    soldCount: 95,
    variants: [
      v('DESK-STD-WAL-M', 'Walnut', 'Matte', 'Medium', 5_200_000, 8),
      v('DESK-STD-WAL-L', 'Walnut', 'Matte', 'Large', 5_900_000, 5),
      v('DESK-STD-BLK-L', 'Black', 'Matte', 'Large', 5_700_000, 7),
    ],
    images: 3,
  },
  {
    slug: 'office-chair-ergonomic',
    name: 'Ergonomic Office Chair',
    category: 'office',
    shortDescription: 'Breathable mesh chair with lumbar support',
    description: html('Adjustable lumbar support, 3D armrests and a synchronous tilt.', [
      'Mesh back and seat',
      'Load: up to 120 kg',
    ]),
    comparePrice: null,
    isFeatured: false,
    weightGrams: 16_000,
    dimensions: { length: 65, width: 65, height: 120 },
    soldCount: 260,
    variants: [
      v('CHAIR-ERGO-BLK-M', 'Black', 'Mesh', 'Medium', 2_300_000, 25),
      v('CHAIR-ERGO-GRY-M', 'Grey', 'Mesh', 'Medium', 2_300_000, 18),
    ],
    images: 4,
  },
  {
    slug: 'bookshelf-ladder',
    name: 'Ladder Bookshelf',
    category: 'furniture',
    shortDescription: 'Leaning five-tier shelf',
    description: html('Leans against the wall; five tiers that narrow towards the top.', [
      'Material: acacia',
      'Wall anchor included',
    ]),
    comparePrice: null,
    isFeatured: false,
    weightGrams: 12_000,
    dimensions: { length: 60, width: 35, height: 180 },
    soldCount: 130,
    variants: [
      v('SHELF-LAD-NAT-S', 'Natural', 'Matte', 'Small', 980_000, 12),
      v('SHELF-LAD-NAT-L', 'Natural', 'Matte', 'Large', 1_350_000, 7),
      v('SHELF-LAD-WHT-L', 'White', 'Matte', 'Large', 1_350_000, 9),
    ],
    images: 2,
  },
  {
    slug: 'garden-bench-teak',
    name: 'Teak Garden Bench',
    category: 'outdoor',
    shortDescription: 'Weather-resistant teak bench for two or three',
    description: html('Grade A teak that weathers to a silver grey if left untreated.', [
      'Material: grade A teak',
      'Medium seats two, Large seats three',
    ]),
    comparePrice: null,
    isFeatured: false,
    weightGrams: 22_000,
    dimensions: { length: 150, width: 60, height: 90 },
    soldCount: 33,
    variants: [
      v('BENCH-TEAK-NAT-M', 'Natural', 'Oiled', 'Medium', 2_750_000, 6),
      v('BENCH-TEAK-NAT-L', 'Natural', 'Oiled', 'Large', 3_250_000, 4),
    ],
    images: 3,
  },
  {
    slug: 'patio-set-rattan',
    name: 'Rattan Patio Set',
    category: 'outdoor',
    shortDescription: 'Four seats and a glass-topped table',
    description: html('Synthetic rattan on an aluminium frame, with cushions and a glass top.', [
      'Four seats, one table',
      'Cushion covers: water-repellent',
    ]),
    comparePrice: 14_000_000,
    isFeatured: true,
    weightGrams: 60_000,
    dimensions: { length: 200, width: 200, height: 80 },
    soldCount: 8,
    variants: [
      v('PATIO-RAT-BLK-L', 'Black', 'Weatherproof', 'Large', 12_500_000, 0),
      v('PATIO-RAT-NAT-L', 'Natural', 'Weatherproof', 'Large', 12_500_000, 0),
    ],
    images: 4,
  },
  {
    slug: 'sun-lounger-bamboo',
    name: 'Bamboo Sun Lounger',
    category: 'outdoor',
    shortDescription: 'Reclining lounger with four back positions',
    description: html('Treated bamboo with four back positions and a wheeled base.', [
      'Four back positions',
      'Wheels for moving it around',
    ]),
    comparePrice: null,
    isFeatured: false,
    weightGrams: 14_000,
    dimensions: { length: 195, width: 65, height: 35 },
    soldCount: 54,
    variants: [
      v('LOUNGER-BAM-NAT-L', 'Natural', 'Matte', 'Large', 2_100_000, 10),
      // a sample finish never released: hidden
      v('LOUNGER-BAM-WAL-GLS-L', 'Walnut', 'Glossy', 'Large', 1_900_000, 5, false),
    ],
    images: 2,
  },
  {
    slug: 'shoe-rack-bamboo',
    name: 'Bamboo Shoe Rack',
    category: 'furniture',
    shortDescription: 'Three-tier rack for the entrance',
    description: html('Three slatted tiers that hold up to twelve pairs.', [
      'Holds up to twelve pairs',
      'No tools needed',
    ]),
    comparePrice: 550_000,
    isFeatured: false,
    weightGrams: 3_500,
    dimensions: { length: 70, width: 30, height: 50 },
    soldCount: 410,
    variants: [
      v('RACK-BAM-NAT-S', 'Natural', 'Matte', 'Small', 450_000, 50),
      v('RACK-BAM-NAT-M', 'Natural', 'Matte', 'Medium', 590_000, 35),
    ],
    images: 3,
  },
  {
    slug: 'storage-cabinet-rustic',
    name: 'Rustic Storage Cabinet',
    category: 'furniture',
    shortDescription: 'Two-door cabinet with a distressed finish',
    description: html('Hand-distressed mahogany with iron hinges and two shelves.', [
      'Material: mahogany',
      'Two shelves',
    ]),
    comparePrice: null,
    isFeatured: false,
    weightGrams: 30_000,
    dimensions: { length: 90, width: 40, height: 120 },
    soldCount: 60,
    variants: [
      v('CABINET-RUS-WAL-M', 'Walnut', 'Matte', 'Medium', 2_900_000, 7),
      v('CABINET-RUS-NAT-M', 'Natural', 'Matte', 'Medium', 2_800_000, 0),
    ],
    images: 4,
  },
];

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
