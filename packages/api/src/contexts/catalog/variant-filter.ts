import { fieldError } from '@komisi/domain';

/**
 * Storefront variant filters read from the product row. "Walnut, Large, in stock" means one visible
 * variant that is all three, so each product keeps a key for every combination its visible variants
 * offer (any non-empty subset of colour, finishing, size and "in stock"; at most 15 per variant) and
 * a filter becomes one `variant_keys && array[...]` on a GIN index instead of a variant lookup per
 * product. Keys are 64-bit hashes of an unambiguous text (quoted, lower-cased values), computed by
 * the same SQL expression on both sides; a collision could only add a product to a filtered list.
 */

/** At most this many values per filter list, so a filter never expands past 1,000 keys. */
export const MAX_FILTER_VALUES = 10;

/** The key of one combination; each argument is a SQL expression (null for "any"). */
function keySql(color: string, finishing: string, size: string, inStock: string): string {
  const part = (value: string) => `coalesce(quote_literal(lower(${value})), '-')`;
  return `hashtextextended(${part(color)} || ',' || ${part(finishing)} || ',' || ${part(size)} || ',' || ${inStock}, 0)`;
}

/**
 * The keys of product `productId` (a SQL expression) from its visible variants. Every non-empty
 * subset of the four attributes is taken; an attribute the variant lacks is never part of a key.
 */
export function productVariantKeysSql(productId: string): string {
  const key = keySql(
    'case when uc then pv.color end',
    'case when uf then pv.finishing end',
    'case when us then pv.size end',
    `case when ust then 'stock' else '-' end`,
  );
  const flag = (name: string) => `(values (true), (false)) ${name}(u${name})`;
  return `coalesce((select array_agg(distinct ${key})
      from product_variant pv cross join ${flag('c')} cross join ${flag('f')} cross join ${flag('s')} cross join ${flag('st')}
      where pv.product_id = ${productId} and pv.is_visible and (uc or uf or us or ust)
        and (not uc or pv.color is not null) and (not uf or pv.finishing is not null)
        and (not us or pv.size is not null) and (not ust or pv.stock > 0)), '{}')`;
}

/**
 * The columns of product `productId` (a SQL expression) that summarise its visible variants, as the
 * SET list of an UPDATE: lowest price, total stock and filter keys. One definition for the trigger,
 * the migration backfill and bulk loads.
 */
export function productSummarySetSql(productId: string): string {
  const visible = `from product_variant pv where pv.product_id = ${productId} and pv.is_visible`;
  return `visible_min_price = (select min(pv.price) ${visible}),
        visible_stock = (select coalesce(sum(pv.stock), 0) ${visible}),
        variant_keys = ${productVariantKeysSql(productId)}`;
}

export interface VariantFilter {
  colors: string[];
  finishings: string[];
  sizes: string[];
  inStock: boolean;
}

/** Values as given, trimmed, empty ones dropped, duplicates (ignoring case) removed. */
function distinctValues(values: readonly string[] | undefined): string[] {
  const seen = new Map<string, string>();
  for (const raw of values ?? []) {
    const value = raw.trim();
    if (value.length > 0 && !seen.has(value.toLowerCase())) seen.set(value.toLowerCase(), value);
  }
  return [...seen.values()];
}

/**
 * The filter as a condition on `p.variant_keys` with its parameters (in order), or null when no
 * variant filter is set. Any value of a list may match; the lists and "in stock" must hold together.
 */
export function variantFilterSql(filter: {
  colors?: readonly string[] | undefined;
  finishings?: readonly string[] | undefined;
  sizes?: readonly string[] | undefined;
  inStock?: boolean | undefined;
}): { sql: string; params: string[] } | null {
  const lists = (
    [
      ['color', distinctValues(filter.colors)],
      ['finishing', distinctValues(filter.finishings)],
      ['size', distinctValues(filter.sizes)],
    ] as const
  ).map(([field, values]) => {
    if (values.length > MAX_FILTER_VALUES) throw fieldError(field, `at most ${MAX_FILTER_VALUES} values`);
    return values;
  });
  if (!filter.inStock && lists.every((values) => values.length === 0)) return null;

  // one key per combination of one value from each given list ("any" for lists not given)
  let combinations: (string | null)[][] = [[]];
  for (const values of lists) {
    const choices = values.length > 0 ? values : [null];
    combinations = combinations.flatMap((prefix) => choices.map((value) => [...prefix, value]));
  }
  const stock = filter.inStock ? `'stock'` : `'-'`;
  const params: string[] = [];
  const slot = (value: string | null) => {
    if (value === null) return 'null::text';
    params.push(value);
    return '?::text';
  };
  const keys = combinations.map(([color, finishing, size]) =>
    keySql(slot(color ?? null), slot(finishing ?? null), slot(size ?? null), stock),
  );
  return { sql: `p.variant_keys && array[${keys.join(', ')}]::bigint[]`, params };
}
