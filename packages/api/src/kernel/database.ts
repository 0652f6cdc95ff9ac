import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';

export type Orm = MikroORM;
export type Em = SqlEntityManager;

/** The filter every tenant-owned entity carries (configured where the ORM is created). */
export const TENANT_FILTER = 'tenant';

/** An EntityManager for one request of one tenant. */
export function tenantEm(orm: Orm, tenantId: number): Em {
  const em = orm.em.fork() as Em;
  em.setFilterParams(TENANT_FILTER, { tenantId });
  return em;
}

/** An EntityManager for platform work that spans tenants (tenant lookup, seeding, sandbox gateway). */
export function systemEm(orm: Orm): Em {
  return orm.em.fork() as Em;
}

export type { EntityManager };
