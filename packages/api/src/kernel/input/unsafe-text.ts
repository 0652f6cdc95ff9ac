/**
 * Text PostgreSQL cannot store, found before it reaches a query: a NUL character (refused by
 * `text` and `jsonb`) or a lone UTF-16 surrogate (not valid Unicode, refused by `jsonb`), in any
 * string or object key of a request's input. Nesting past `MAX_INPUT_DEPTH` is refused too, so no
 * input can make a recursive reader run out of stack.
 */
export const MAX_INPUT_DEPTH = 32;

export interface UnsafeText {
  /** dotted path of the offending value, `_` for the input itself (e.g. `items.0.name`) */
  field: string;
  message: string;
}

const NUL = '\u0000';

function problemOf(text: string): string | null {
  if (text.includes(NUL)) return 'must not contain NUL characters';
  if (!text.isWellFormed()) return 'must be valid Unicode text (it holds a lone surrogate)';
  return null;
}

/** The first unsafe string (or key) in `input`, or null when all of it can be stored. */
export function findUnsafeText(input: unknown): UnsafeText | null {
  return walk(input, [], 0);
}

function walk(value: unknown, path: string[], depth: number): UnsafeText | null {
  const field = () => (path.length ? path.join('.') : '_');
  if (typeof value === 'string') {
    const problem = problemOf(value);
    return problem ? { field: field(), message: problem } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_INPUT_DEPTH) return { field: field(), message: 'is nested too deeply' };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = walk(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return null;
  }
  // Dates, Maps and other class instances come from superjson, never from raw text: only plain objects are walked
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return null;
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = problemOf(key);
    // the key itself cannot be shown safely: name its parent
    if (keyProblem) return { field: field(), message: `has a key that ${keyProblem}` };
    const found = walk(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}
