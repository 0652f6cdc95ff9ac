import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, fieldOf, parseIntegerList, toWireValue } from './schema-form.ts';

const secret = {
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'object', properties: { set: { type: 'boolean', const: true } }, required: ['set'] },
  ],
  writeOnly: true,
  'x-secret': true,
  title: 'Device token',
};
const whatsapp = {
  type: 'object',
  properties: {
    provider: { type: 'string', enum: ['fonnte'] },
    token: secret,
    baseUrl: { type: 'string', format: 'uri' },
  },
  required: ['provider', 'token'],
};
const referral = {
  type: 'object',
  properties: {
    holdDays: { title: 'Holding period (days)', anyOf: [{ type: 'integer', minimum: 0 }, { type: 'null' }] },
    defaultRateBps: {
      title: 'Default commission rate (basis points)',
      anyOf: [{ type: 'integer', minimum: 0, maximum: 10000 }, { type: 'null' }],
    },
    minimumPayout: {
      title: 'Payout minimum',
      anyOf: [{ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER }, { type: 'null' }],
    },
  },
};

describe('a setting’s form from its JSON Schema', () => {
  it('picks a field for each kind: nullable integers, money, basis points, secrets, enums, lists', () => {
    const props = Object.fromEntries(
      (fieldOf(referral) as { properties: [string, Record<string, unknown>][] }).properties.map(([k, s]) => [
        k,
        fieldOf(s),
      ]),
    );
    expect(props.holdDays).toEqual({ kind: 'integer', min: 0, max: undefined });
    expect(props.defaultRateBps).toEqual({ kind: 'bps', min: 0, max: 10_000 });
    expect(props.minimumPayout).toEqual({ kind: 'money', min: 0 });
    expect(fieldOf(secret)).toEqual({ kind: 'secret' });
    expect(fieldOf({ type: 'string', enum: ['a', 'b'] })).toEqual({ kind: 'enum', options: ['a', 'b'] });
    expect(fieldOf({ type: 'array', items: { type: 'string' } })).toEqual({ kind: 'text-list' });
    expect(fieldOf({ type: ['boolean', 'null'] })).toEqual({ kind: 'boolean' });
  });

  it('sends a secret not replaced back masked, a new one as typed; empty fields are left out', () => {
    const stored = { provider: 'fonnte', token: { set: true, last4: 'ab12' }, baseUrl: '' };
    expect(toWireValue(whatsapp, stored)).toEqual({ provider: 'fonnte', token: { set: true } });
    expect(toWireValue(whatsapp, { ...stored, token: 'new-token' })).toEqual({
      provider: 'fonnte',
      token: 'new-token',
    });
    expect(toWireValue(referral, { holdDays: 0, defaultRateBps: null, minimumPayout: undefined })).toEqual({
      holdDays: 0,
    });
    // everything emptied: the setting is unset (the defaults apply)
    expect(toWireValue(referral, {})).toBeNull();
    expect(toWireValue({ type: 'boolean' }, false)).toBe(false);
  });

  it('reads integer lists and the API’s field paths', () => {
    expect(parseIntegerList('300, 250 200')).toEqual([300, 250, 200]);
    expect(parseIntegerList('300, 2.5')).toBeNull();
    expect(
      fieldErrorsOf('referralAffiliates', {
        'referralAffiliates.holdDays': ['too big'],
        referralAffiliates: ['bad'],
      }),
    ).toEqual({ holdDays: 'too big', '': 'bad' });
  });
});
