/**
 * Catalog lists count their matches only this far past the page's first row: a search that matches
 * half of a million products is counted to the page's offset + 1,000, not to 500,000, so the count
 * costs what the page costs instead of growing with the catalog (docs/decisions.md, "Catalog totals
 * past the page"). Below the cap the total is exact; at the cap it reads "at least this many".
 */
export const COUNT_AHEAD = 1_000;

/** The most matches a list with this offset counts (its LIMIT). */
export const countLimit = (offset: number) => offset + COUNT_AHEAD;
