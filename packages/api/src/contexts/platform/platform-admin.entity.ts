import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/** An administrator of the whole platform: outside every tenant, signs in at /platform. */
export const PlatformAdmin = defineEntity({
  name: 'PlatformAdmin',
  tableName: 'platform_admin',
  properties: {
    id: p.integer().primary().autoincrement(),
    email: p.string().length(254).unique(),
    passwordHash: p.string().hidden().lazy(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type PlatformAdmin = InferEntity<typeof PlatformAdmin>;

/** One sign-in of a platform administrator: its token is refused once the row is revoked or expired. */
export const PlatformSession = defineEntity({
  name: 'PlatformSession',
  tableName: 'platform_session',
  properties: {
    id: p.uuid().primary(),
    admin: () => p.manyToOne(PlatformAdmin).mapToPk().index(),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type PlatformSession = InferEntity<typeof PlatformSession>;
