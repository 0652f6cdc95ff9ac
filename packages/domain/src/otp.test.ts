import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isOtpCode,
  OTP_CODE_SPACE,
  OTP_POLICY,
  otpAttemptsLeft,
  otpCode,
  otpExpiresAt,
  otpResendWaitSeconds,
  otpState,
} from './otp.ts';

const T0 = new Date('2026-03-01T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('otpCode', () => {
  it('writes the drawn number as 6 digits, zero-padded', () => {
    expect(otpCode(0)).toBe('000000');
    expect(otpCode(42)).toBe('000042');
    expect(otpCode(999_999)).toBe('999999');
  });

  it('refuses a number outside the code space', () => {
    for (const n of [-1, OTP_CODE_SPACE, 1.5, Number.NaN]) expect(() => otpCode(n)).toThrow(RangeError);
  });

  it('is one-to-one over the code space and always a valid code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: OTP_CODE_SPACE - 1 }), (n) => {
        const code = otpCode(n);
        expect(isOtpCode(code)).toBe(true);
        expect(Number(code)).toBe(n);
      }),
    );
  });
});

describe('isOtpCode', () => {
  it.each([
    ['123456', true],
    ['000000', true],
    ['12345', false],
    ['1234567', false],
    ['12345a', false],
    [' 123456', false],
    ['１２３４５６', false],
  ])('%j → %s', (text, expected) => {
    expect(isOtpCode(text)).toBe(expected);
  });
});

describe('otpExpiresAt', () => {
  it('is 5 minutes after issue by default, the policy’s lifetime otherwise', () => {
    expect(otpExpiresAt(T0)).toEqual(at(300));
    expect(otpExpiresAt(T0, { ...OTP_POLICY, ttlSeconds: 30 })).toEqual(at(30));
  });
});

describe('otpState', () => {
  const issued = { expiresAt: at(300), usedAt: null, attempts: 0 };

  it('is usable until the expiry instant, expired from it on', () => {
    expect(otpState(issued, T0)).toBe('usable');
    expect(otpState(issued, at(299.999))).toBe('usable');
    expect(otpState(issued, at(300))).toBe('expired');
  });

  it('is dead after the last allowed wrong code, used once used, whatever the clock', () => {
    expect(otpState({ ...issued, attempts: 4 }, T0)).toBe('usable');
    expect(otpState({ ...issued, attempts: 5 }, T0)).toBe('exhausted');
    expect(otpState({ ...issued, attempts: 5 }, at(900))).toBe('exhausted');
    expect(otpState({ ...issued, usedAt: at(10) }, at(900))).toBe('used');
    expect(otpState({ ...issued, usedAt: at(10), attempts: 5 }, T0)).toBe('used');
  });

  it('never lets a code work after its expiry or its last attempt', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: -600, max: 900 }),
        fc.boolean(),
        (attempts, second, used) => {
          const state = otpState({ ...issued, attempts, usedAt: used ? T0 : null }, at(second));
          const usable = !used && attempts < OTP_POLICY.maxAttempts && second < 300;
          expect(state === 'usable').toBe(usable);
        },
      ),
    );
  });
});

describe('otpAttemptsLeft', () => {
  it('counts down to 0 and stays there', () => {
    expect(otpAttemptsLeft(0)).toBe(5);
    expect(otpAttemptsLeft(4)).toBe(1);
    expect(otpAttemptsLeft(5)).toBe(0);
    expect(otpAttemptsLeft(7)).toBe(0);
  });
});

describe('otpResendWaitSeconds', () => {
  it('lets a phone with no code in the last hour have one now', () => {
    expect(otpResendWaitSeconds([], T0)).toBe(0);
    expect(otpResendWaitSeconds([at(-3600), at(-4000)], T0)).toBe(0);
  });

  it('makes a phone wait out the minute since its last code, rounded up to whole seconds', () => {
    expect(otpResendWaitSeconds([at(-1)], T0)).toBe(59);
    expect(otpResendWaitSeconds([at(-59.5)], T0)).toBe(1);
    expect(otpResendWaitSeconds([at(-60)], T0)).toBe(0);
    expect(otpResendWaitSeconds([at(-600), at(-10)], T0)).toBe(50);
  });

  it('counts a code issued ahead of this clock (another server’s) as the latest', () => {
    expect(otpResendWaitSeconds([at(5)], T0)).toBe(65);
  });

  it('allows 5 codes an hour: the 6th waits until the oldest of them is an hour old', () => {
    const five = [at(-3000), at(-2400), at(-1800), at(-1200), at(-600)];
    expect(otpResendWaitSeconds(five.slice(1), T0)).toBe(0);
    expect(otpResendWaitSeconds(five, T0)).toBe(600);
    expect(otpResendWaitSeconds([at(-3599), ...five.slice(1)], T0)).toBe(1);
    expect(otpResendWaitSeconds([...five].reverse(), T0)).toBe(600);
  });

  it('takes both limits from the policy', () => {
    const policy = { ...OTP_POLICY, resendIntervalSeconds: 10, maxPerHour: 2 };
    expect(otpResendWaitSeconds([at(-5)], T0, policy)).toBe(5);
    expect(otpResendWaitSeconds([at(-100), at(-50)], T0, policy)).toBe(3500);
  });

  it('never allows more codes in any hour than the policy, nor two within its interval', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 600 }), { maxLength: 40 }), (gaps) => {
        // a client asking every `gap` seconds, sent a code whenever the rule lets it
        const sent: Date[] = [];
        let clock = 0;
        for (const gap of gaps) {
          clock += gap;
          if (otpResendWaitSeconds(sent, at(clock)) === 0) sent.push(at(clock));
        }
        for (let i = 0; i < sent.length; i++) {
          if (i > 0) expect(sent[i]!.getTime() - sent[i - 1]!.getTime()).toBeGreaterThanOrEqual(60_000);
          const window = sent.filter(
            (d) => d.getTime() <= sent[i]!.getTime() && d.getTime() > sent[i]!.getTime() - 3_600_000,
          );
          expect(window.length).toBeLessThanOrEqual(OTP_POLICY.maxPerHour);
        }
      }),
    );
  });

  it('lets the code through once the wait it names has passed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3700, max: 0 }), { maxLength: 8 }), (offsets) => {
        const issued = offsets.map(at);
        const wait = otpResendWaitSeconds(issued, T0);
        expect(otpResendWaitSeconds(issued, at(wait))).toBe(0);
        if (wait > 0) expect(otpResendWaitSeconds(issued, at(wait - 1))).toBeGreaterThan(0);
      }),
    );
  });
});
