import { describe, expect, it } from 'vitest';
import { fromPicker, toPicker } from './zoned-picker.ts';

describe('date-time pickers on the tenant clock', () => {
  it('shows an API moment as the wall-clock time of the tenant', () => {
    expect(toPicker('2026-02-17T17:00:00Z', 'Asia/Jakarta')).toBe('2026-02-18 00:00:00');
    expect(toPicker('2026-02-17T21:00:00Z', 'Africa/Kampala')).toBe('2026-02-18 00:00:00');
  });

  it('reads a picked wall-clock time in the tenant zone back to the same moment', () => {
    expect(fromPicker('2026-02-18 00:00:00', 'Asia/Jakarta')).toBe('2026-02-17T17:00:00.000Z');
    const iso = '2026-07-01T03:04:05.000Z';
    expect(fromPicker(toPicker(iso, 'Africa/Kampala'), 'Africa/Kampala')).toBe(iso);
  });

  it('keeps an empty picker empty', () => {
    expect(toPicker(null, 'Asia/Jakarta')).toBeNull();
    expect(fromPicker(null, 'Asia/Jakarta')).toBeNull();
  });
});
