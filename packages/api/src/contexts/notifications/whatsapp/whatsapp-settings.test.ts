import { describe, expect, it } from 'vitest';
import { WhatsappSettings } from './whatsapp-settings.ts';

describe('WhatsappSettings', () => {
  const opened: string[] = [];
  const settings = new WhatsappSettings((tenantId, path, stored) => {
    opened.push(`${tenantId}:${path}`);
    return typeof stored === 'string' ? stored : `open(${stored.sealed})`;
  });

  it('opens the token and the webhook key at their paths, once per settings object', () => {
    const tenant = {
      id: 3,
      settings: {
        whatsapp: { provider: 'fonnte' as const, token: { sealed: 'T' }, webhookKey: { sealed: 'K' } },
      },
    };
    const expected = { provider: 'fonnte', token: 'open(T)', webhookKey: 'open(K)' };
    expect(settings.of(tenant)).toEqual(expected);
    expect(settings.of(tenant)).toEqual(expected);
    expect(opened).toEqual(['3:whatsapp.token', '3:whatsapp.webhookKey']);
  });

  it('uses a secret stored in clear as it is, and has nothing for a tenant without the setting', () => {
    expect(
      settings.of({ id: 4, settings: { whatsapp: { provider: 'fonnte' as const, token: 'clear' } } }),
    ).toEqual({
      provider: 'fonnte',
      token: 'clear',
    });
    expect(settings.of({ id: 5, settings: {} })).toBeUndefined();
  });
});
