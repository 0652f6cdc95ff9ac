/** One leaf of a record that an action changed: its path, and its value before and after. */
export interface Change {
  path: string;
  before: unknown;
  after: unknown;
  kind: 'added' | 'removed' | 'changed' | 'same';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** `{ a: { b: 1 } }` → `{ 'a.b': 1 }`; arrays and scalars are leaves (shown whole). */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (isRecord(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined && !(value === null && prefix === '')) {
    // (a record that did not exist, null, has no fields)
    out.set(prefix, value);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The record's state before and after an action, field by field, in the order the fields appear
 * (after's first): what was added, removed, changed, or left as it was.
 */
export function diffRecords(before: unknown, after: unknown): Change[] {
  const a = flatten(before, '', new Map());
  const b = flatten(after, '', new Map());
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  return paths.map((path) => {
    const was = a.get(path);
    const is = b.get(path);
    const kind = !a.has(path) ? 'added' : !b.has(path) ? 'removed' : same(was, is) ? 'same' : 'changed';
    return { path: path || '(value)', before: was, after: is, kind };
  });
}

/** A value as one line of text: strings as they are, the rest as JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
