/**
 * A memo for values keyed by what a request says (an OpenAPI document names the origin it was
 * asked on, and the Host header is the client's to choose): at most `max` entries, the least
 * recently used dropped first, so varied Host headers cannot grow memory without bound.
 */
export function boundedMemo<V>(max: number): (key: string, build: () => V) => V {
  const entries = new Map<string, V>();
  return (key, build) => {
    const hit = entries.get(key);
    if (hit !== undefined) {
      entries.delete(key); // re-inserted below: Map order is recency
      entries.set(key, hit);
      return hit;
    }
    const value = build();
    entries.set(key, value);
    if (entries.size > max) entries.delete(entries.keys().next().value as string);
    return value;
  };
}
