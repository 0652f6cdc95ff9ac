import { describe, expect, it } from 'vitest';
import { DEV_CORS_ORIGINS, loadConfig } from './config.ts';

describe('KOMISI_CORS_ORIGINS', () => {
  it('defaults to the local frontends outside production, and to none in production', () => {
    expect(loadConfig({}).corsOrigins).toEqual(DEV_CORS_ORIGINS);
    expect(loadConfig({ NODE_ENV: 'test' }).corsOrigins).toEqual(DEV_CORS_ORIGINS);
    expect(loadConfig({ NODE_ENV: 'production' }).corsOrigins).toEqual([]);
  });

  it('reads comma-separated origins, normalised as browsers send them; empty means none', () => {
    expect(
      loadConfig({
        NODE_ENV: 'production',
        KOMISI_CORS_ORIGINS: ' https://Shop.Example.com/ ,http://localhost:5173,,https://a.example:443',
      }).corsOrigins,
    ).toEqual(['https://shop.example.com', 'http://localhost:5173', 'https://a.example']);
    expect(loadConfig({ KOMISI_CORS_ORIGINS: '' }).corsOrigins).toEqual([]);
  });

  it('refuses a wildcard, a path, another scheme or a non-URL', () => {
    for (const bad of [
      '*',
      'https://shop.example/app',
      'shop.example',
      'ftp://shop.example',
      'https://shop.example?x',
    ]) {
      expect(() => loadConfig({ KOMISI_CORS_ORIGINS: bad }), bad).toThrow(/KOMISI_CORS_ORIGINS/);
    }
  });
});
