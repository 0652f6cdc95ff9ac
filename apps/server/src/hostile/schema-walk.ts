import fc from 'fast-check';

// The JSON schemas of the generated OpenAPI documents: following refs, walking fields, and the
// valid values a hostile case starts from.

/** A JSON Schema node of a generated OpenAPI document. */
export type Schema = Record<string, unknown>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export { HTTP_METHODS };

/** A schema with a local `$ref` followed (the generated documents inline almost everything). */
export function deref(schema: unknown, doc: Schema): Schema {
  let node = (schema ?? {}) as Schema;
  for (let hops = 0; typeof node.$ref === 'string' && hops < 10; hops++) {
    const path = (node.$ref as string).replace(/^#\//, '').split('/');
    node = path.reduce<Schema>(
      (n, key) => (n?.[key.replace(/~1/g, '/').replace(/~0/g, '~')] ?? {}) as Schema,
      doc,
    );
  }
  return node;
}

/** The first variant that is not `null` of an anyOf/oneOf, or the schema itself. */
export function mainVariant(schema: Schema): Schema {
  const variants = (schema.anyOf ?? schema.oneOf ?? schema.allOf) as Schema[] | undefined;
  if (!variants?.length) return schema;
  return mainVariant(variants.find((v) => v.type !== 'null') ?? variants[0]!);
}

export function typeOf(schema: Schema): string | undefined {
  const s = mainVariant(schema);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (typeof type === 'string') return type;
  if (s.properties) return 'object';
  if (s.items) return 'array';
  if (s.enum) return typeof (s.enum as unknown[])[0];
  if ('const' in s) return typeof s.const;
  return undefined;
}

/** The schema at a field path (object keys, array indexes), or `{}` where the schema says nothing. */
export function schemaAt(schema: Schema, path: readonly (string | number)[]): Schema {
  let node = schema;
  for (const key of path) {
    const s = mainVariant(node);
    node =
      typeof key === 'number'
        ? ((s.items ?? {}) as Schema)
        : (((s.properties as Record<string, Schema> | undefined)?.[key] ?? {}) as Schema);
  }
  return node;
}

/** Every field path of a body schema (nested objects, first array item), at most `depth` deep. */
export function fieldPaths(schema: Schema, depth = 4): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (node: Schema, at: (string | number)[]) => {
    if (at.length >= depth) return;
    const s = mainVariant(node);
    for (const [key, child] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
      out.push([...at, key]);
      walk(child, [...at, key]);
    }
    if (s.items && at.length > 0) {
      out.push([...at, 0]);
      walk(s.items as Schema, [...at, 0]);
    }
  };
  walk(schema, []);
  return out;
}

export function requiredKeys(schema: Schema): string[] {
  return (mainVariant(schema).required as string[] | undefined) ?? [];
}

/** A copy of `root` with `value` at `path` (objects and arrays created on the way). */
export function setAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  if (typeof key === 'number') {
    const list = Array.isArray(root) ? [...root] : [];
    while (list.length <= key) list.push(null);
    list[key] = setAt(list[key], rest, value);
    return list;
  }
  const obj = root !== null && typeof root === 'object' && !Array.isArray(root) ? { ...root } : {};
  (obj as Record<string, unknown>)[key!] = setAt((obj as Record<string, unknown>)[key!], rest, value);
  return obj;
}

// ---------------------------------------------------------------------------------------------
// Valid values (the baseline a case mutates)

let emailCounter = 0;

export function validString(s: Schema): fc.Arbitrary<string> {
  const min = (s.minLength as number | undefined) ?? 0;
  const max = Math.max(min, Math.min((s.maxLength as number | undefined) ?? min + 12, min + 12));
  switch (s.format) {
    case 'email':
      return fc.nat(1_000_000).map((n) => `hostile.${n}.${++emailCounter}@example.com`);
    case 'uri':
    case 'url':
      return fc.constantFrom('https://example.com/return', 'https://example.org/a?b=c');
    case 'date':
      return fc.constantFrom('2026-01-15', '2025-12-31');
    case 'date-time':
      return fc.constantFrom('2026-01-15T10:00:00.000Z', '2025-12-31T23:59:59Z');
    case 'binary':
      return fc.constant(TINY_PNG_BASE64);
  }
  if (typeof s.pattern === 'string') {
    try {
      const regex = new RegExp(s.pattern);
      return fc
        .stringMatching(regex)
        .filter((v) => v.length >= min && v.length <= ((s.maxLength as number | undefined) ?? 1000));
    } catch {}
  }
  return fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
    minLength: Math.max(min, 1),
    maxLength: Math.max(max, 1),
  });
}

/** A small number in the schema's range (ids land on rows the demo data has). */
function validNumber(s: Schema): fc.Arbitrary<number> {
  const exMin = s.exclusiveMinimum as number | undefined;
  const exMax = s.exclusiveMaximum as number | undefined;
  const lo = Math.ceil(
    Math.max((s.minimum as number | undefined) ?? 1, exMin === undefined ? -Infinity : exMin + 1),
  );
  const hi = Math.min(
    (s.maximum as number | undefined) ?? Infinity,
    exMax === undefined ? Infinity : exMax - 1,
    lo + 50,
  );
  return fc.integer({ min: lo, max: Math.max(lo, Math.floor(hi)) });
}

/** A value the schema accepts (as far as a schema can say: ids may name nothing). */
export function validValue(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = mainVariant(schema);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum) && s.enum.length) return fc.constantFrom(...(s.enum as unknown[]));
  if (s.default !== undefined && depth > 0) return fc.oneof(fc.constant(s.default), validByType(s, depth));
  return validByType(s, depth);
}

function validByType(s: Schema, depth: number): fc.Arbitrary<unknown> {
  switch (typeOf(s)) {
    case 'string':
      return validString(s);
    case 'integer':
    case 'number':
      return validNumber(s);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minItems = (s.minItems as number | undefined) ?? 0;
      return fc.array(validValue((s.items ?? {}) as Schema, depth + 1), {
        minLength: Math.max(minItems, 1),
        maxLength: Math.max(minItems, 2),
      });
    }
    case 'object': {
      if (depth > 5) return fc.constant({});
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, child] of Object.entries(props)) model[key] = validValue(child, depth + 1);
      const required = ((s.required as string[] | undefined) ?? []).filter((k) => k in props);
      return fc.record(model, { requiredKeys: required });
    }
    default:
      return fc.constantFrom('x', 1);
  }
}

/** A 1×1 PNG (base64): a well-formed upload to mutate. */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
