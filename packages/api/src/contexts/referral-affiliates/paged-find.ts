import { type PageWindow, pageWindow } from '@komisi/domain';
import type { EntityName, FilterQuery, FindOptions } from '@mikro-orm/core';
import type { Scope } from '../../kernel/scope.ts';

/**
 * One page of `entity` rows matching `where`, and the page's window: page and limit are checked
 * before any query, then the rows are counted and the page read (the admin queues and the
 * affiliate's own lists).
 */
export async function findPage<Entity extends object>(
  scope: Scope,
  entity: EntityName<Entity>,
  where: FilterQuery<NoInfer<Entity>>,
  q: { page: number; limit: number },
  options: Pick<FindOptions<Entity>, 'orderBy' | 'refresh'>,
): Promise<{ rows: Entity[]; window: PageWindow }> {
  pageWindow(0, q.page, q.limit);
  const window = pageWindow(await scope.em.count(entity, where), q.page, q.limit);
  const rows = await scope.em.find(entity, where, { ...options, limit: window.limit, offset: window.offset });
  return { rows, window };
}
