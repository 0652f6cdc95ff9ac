import { describe, expect, it } from 'vitest';
import { parseCli, parseSet, settingsPatch, UsageError } from './args.ts';

describe('parseCli', () => {
  it('reads a create with the profile defaults left to the server', () => {
    expect(
      parseCli([
        'tenants',
        'create',
        '--profile',
        'ansania-ecommerce',
        '--slug',
        'myshop',
        '--name',
        'My Shop',
        '--admin-email',
        'me@example.com',
      ]),
    ).toEqual({
      kind: 'create',
      json: false,
      input: {
        profile: 'ansania-ecommerce',
        slug: 'myshop',
        name: 'My Shop',
        admin: { email: 'me@example.com' },
      },
    });
    expect(
      parseCli([
        'tenants',
        'create',
        '--profile',
        'dtehm-mobile',
        '--slug',
        'n',
        '--name',
        'N',
        '--admin-email',
        'a@b.co',
        '--currency',
        'ugx',
        '--time-zone',
        'Africa/Kampala',
        '--host',
        'a.example',
        '--host',
        'b.example',
        '--root-member-email',
        'r@b.co',
        '--json',
      ]),
    ).toMatchObject({
      json: true,
      input: {
        currency: 'UGX',
        timeZone: 'Africa/Kampala',
        hosts: ['a.example', 'b.example'],
        rootMember: { email: 'r@b.co' },
      },
    });
  });

  it('reads list, show, update and settings edits', () => {
    expect(parseCli(['tenants', 'list', '--json'])).toEqual({ kind: 'list', json: true });
    expect(parseCli(['tenants', 'show', 'qutab'])).toEqual({ kind: 'show', slug: 'qutab', json: false });
    expect(parseCli(['tenants', 'update', 'qutab', '--no-hosts'])).toMatchObject({
      hosts: [],
      name: undefined,
    });
    expect(parseCli(['tenants', 'settings', 'qutab'])).toEqual({
      kind: 'settings',
      slug: 'qutab',
      edit: null,
      json: false,
    });
    expect(
      parseCli([
        'tenants',
        'settings',
        'qutab',
        '--set',
        'referralAffiliates.holdDays=0',
        '--unset',
        'mlm',
        '--patch',
        '{"orderPaymentTtlMinutes":60}',
      ]),
    ).toMatchObject({
      edit: {
        sets: [{ path: ['referralAffiliates', 'holdDays'], value: 0 }],
        unsets: [['mlm']],
        patch: { orderPaymentTtlMinutes: 60 },
      },
    });
    expect(parseCli([])).toEqual({ kind: 'help' });
    expect(parseCli(['tenants', 'list', '--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['tenants', 'create', '--slug', 'x'], '--profile, --name, --admin-email'],
    [['tenants', 'show'], 'one tenant slug'],
    [['tenants', 'show', 'a', 'b'], 'one tenant slug'],
    [['tenants', 'list', '--set', 'a=1'], 'takes no --set'],
    [['tenants', 'remove', 'x'], 'Unknown command'],
    [['tenants', 'list', '--bogus'], "Unknown option '--bogus'"],
    [['tenants', 'update', 'x'], 'Nothing to change'],
    [['tenants', 'settings', 'x', '--set', 'noequals'], 'key.path=value'],
    [['tenants', 'settings', 'x', '--set', 'a..b=1'], 'not a settings path'],
    [['tenants', 'settings', 'x', '--patch', '[1]'], 'JSON object'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(UsageError);
    expect(() => parseCli(argv)).toThrow(message);
  });
});

describe('parseSet', () => {
  it('takes JSON where it parses and text otherwise', () => {
    expect(parseSet('a.b=true').value).toBe(true);
    expect(parseSet('a=["https://x.example"]').value).toEqual(['https://x.example']);
    expect(parseSet('affiliateSupport.email=help@x.example').value).toBe('help@x.example');
    expect(parseSet('a=x=y').value).toBe('x=y');
  });
});

describe('settingsPatch', () => {
  const current = {
    referralAffiliates: { holdDays: 30, minimumPayout: 50_000 },
    payments: {
      provider: 'xendit',
      xendit: { baseUrl: 'https://api.xendit.co', secretKey: { set: true, last4: '1234' } },
    },
  };

  it('sends each touched key whole: the current value with the path set (masked secrets kept as sent back)', () => {
    expect(
      settingsPatch(current, {
        sets: [{ path: ['referralAffiliates', 'holdDays'], value: 0 }],
        unsets: [],
        patch: undefined,
      }),
    ).toEqual({
      referralAffiliates: { holdDays: 0, minimumPayout: 50_000 },
    });
    expect(
      settingsPatch(current, {
        sets: [{ path: ['payments', 'xendit', 'baseUrl'], value: 'https://x.example' }],
        unsets: [],
        patch: undefined,
      }),
    ).toEqual({
      payments: {
        provider: 'xendit',
        xendit: { baseUrl: 'https://x.example', secretKey: { set: true, last4: '1234' } },
      },
    });
    expect(
      settingsPatch(current, {
        sets: [{ path: ['mlm', 'compression'], value: true }],
        unsets: [],
        patch: undefined,
      }),
    ).toEqual({
      mlm: { compression: true },
    });
  });

  it('removes a key (null) or a path inside one, beside a raw patch', () => {
    expect(
      settingsPatch(current, {
        sets: [],
        unsets: [['payments'], ['referralAffiliates', 'minimumPayout']],
        patch: { orderPaymentTtlMinutes: 60 },
      }),
    ).toEqual({ orderPaymentTtlMinutes: 60, payments: null, referralAffiliates: { holdDays: 30 } });
  });
});
