import { describe, expect, it } from 'vitest';
import { boundedMemo } from './bounded-memo.ts';

describe('boundedMemo', () => {
  it('builds a value once per key', () => {
    const memo = boundedMemo<number>(2);
    let builds = 0;
    const build = () => ++builds;
    expect(memo('a', build)).toBe(1);
    expect(memo('a', build)).toBe(1);
    expect(builds).toBe(1);
  });

  it('keeps at most max entries, dropping the least recently used', () => {
    const memo = boundedMemo<string>(2);
    memo('a', () => 'a1');
    memo('b', () => 'b1');
    memo('a', () => 'a2'); // a is now the most recent
    memo('c', () => 'c1'); // drops b
    expect(memo('a', () => 'a3')).toBe('a1');
    expect(memo('b', () => 'b2')).toBe('b2');
  });

  it('stays bounded whatever keys arrive', () => {
    const memo = boundedMemo<number>(8);
    let builds = 0;
    for (let i = 0; i < 1000; i++) memo(`host-${i}.example`, () => ++builds);
    expect(builds).toBe(1000);
    // only the last 8 are kept
    expect(memo('host-999.example', () => -1)).toBe(1000);
    expect(memo('host-0.example', () => -1)).toBe(-1);
  });
});
