// Prefix search over words: what a list's search box matches, and the text a row is indexed by,
// cut into words the same way (letters and digits; everything else separates them).

const MAX_QUERY_WORDS = 8;

/** The lower-case words of a text: `John.Doe@example.com` → `john doe example com`. */
export function searchWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** What a row is found by: the words of each part, one text for `to_tsvector('simple', …)`. */
export function searchableText(parts: readonly (string | null | undefined)[]): string {
  return parts.flatMap((part) => searchWords(part ?? '')).join(' ');
}

/** Prefix full-text query from free text: `lap ba` → `lap:* & ba:*`; null when no word survives. */
export function prefixTsQuery(text: string): string | null {
  const words = searchWords(text);
  return words.length
    ? words
        .slice(0, MAX_QUERY_WORDS)
        .map((w) => `${w}:*`)
        .join(' & ')
    : null;
}
