/** The shape of the ansania demo catalog and the helpers its data is written with. */

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

/** A variant in one line: sku, colour, finishing, size, price, stock and whether it shows. */
export const v = (
  sku: string,
  color: string,
  finishing: string,
  size: string,
  price: number,
  stock: number,
  isVisible = true,
): SeedVariant => ({ sku, color, finishing, size, price, stock, isVisible });

/** A product description: an intro paragraph and a list of details. */
export const html = (intro: string, details: string[]) =>
  `<p>${intro}</p><ul>${details.map((d) => `<li>${d}</li>`).join('')}</ul>`;
