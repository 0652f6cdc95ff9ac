import { describe, expect, it } from 'vitest';
import { diffRecords } from './diff.ts';

describe('the before/after diff of an audit entry', () => {
  it('names each nested field added, removed, changed or the same', () => {
    const changes = diffRecords(
      { holdDays: 30, minimumPayout: 100_000, bank: { name: 'BCA' }, tags: ['a'] },
      { holdDays: 0, bank: { name: 'BCA', branch: 'Surabaya' }, tags: ['a', 'b'] },
    );
    expect(changes).toEqual([
      { path: 'holdDays', before: 30, after: 0, kind: 'changed' },
      { path: 'bank.name', before: 'BCA', after: 'BCA', kind: 'same' },
      { path: 'bank.branch', before: undefined, after: 'Surabaya', kind: 'added' },
      { path: 'tags', before: ['a'], after: ['a', 'b'], kind: 'changed' },
      { path: 'minimumPayout', before: 100_000, after: undefined, kind: 'removed' },
    ]);
  });

  it('a record created (nothing before) or a scalar value', () => {
    expect(diffRecords(null, { status: 'paid' })).toEqual([
      { path: 'status', before: undefined, after: 'paid', kind: 'added' },
    ]);
    expect(diffRecords(60, 30)).toEqual([{ path: '(value)', before: 60, after: 30, kind: 'changed' }]);
  });
});
