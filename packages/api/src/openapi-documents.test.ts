import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, buildPlatformOpenApiDocument, PROFILES } from './index.ts';

/**
 * Each profile's OpenAPI document, byte for byte. Existing clients were written against these
 * documents: a change here is a change of the public contract, so it must be intended and
 * reviewed (`vitest run -u` rewrites the snapshots).
 */
describe('OpenAPI documents', () => {
  for (const profile of Object.values(PROFILES)) {
    it(`${profile.id} is unchanged`, async () => {
      const document = buildOpenApiDocument(profile, 'https://komisi.example/t/demo');
      await expect(`${JSON.stringify(document, null, 2)}\n`).toMatchFileSnapshot(
        `./openapi-snapshots/${profile.id}.openapi.json`,
      );
    });
  }

  it('the platform API is unchanged', async () => {
    const document = buildPlatformOpenApiDocument('https://komisi.example/platform/api');
    await expect(`${JSON.stringify(document, null, 2)}\n`).toMatchFileSnapshot(
      './openapi-snapshots/platform.openapi.json',
    );
  });
});
