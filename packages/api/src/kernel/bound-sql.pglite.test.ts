import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm } from '../composition/db/orm.ts';
import { boundRow, boundRows, boundRun, sql } from './bound-sql.ts';
import type { Em, Orm } from './database.ts';
import { systemEm } from './database.ts';
import { inTransaction, requestScope, type Scope } from './scope.ts';
import type { TenantRecord } from './tenant-record.ts';

// The same helper runs on PostgreSQL in every hot path's integration tests; here on the embedded database.
let orm: Orm;

beforeAll(async () => {
  orm = await createOrm({ pgliteDir: 'memory://' });
  await orm.em.fork().getConnection().execute('create table bound_probe (id int primary key, label text)');
});

afterAll(async () => {
  await orm?.close();
});

describe('bound SQL', () => {
  it('binds values (a quote stays data), lists as arrays, and counts changed rows', async () => {
    const em = systemEm(orm);
    const label = "it's; drop table bound_probe --";
    expect(await boundRun(em, sql`insert into bound_probe values (${1}, ${label}), (${2}, ${'b'})`)).toBe(2);
    expect(await boundRow<{ label: string }>(em, sql`select label from bound_probe where id = ${1}`)).toEqual(
      { label },
    );
    const ids = await boundRows<{ id: number }>(
      em,
      sql`select id from bound_probe where id = any(${[1, 2]}) order by id`,
    );
    expect(ids.map((r) => r.id)).toEqual([1, 2]);
  });

  it('runs inside the EntityManager transaction, so a rollback undoes it', async () => {
    await expect(
      systemEm(orm).transactional(async (em) => {
        await boundRun(em, sql`insert into bound_probe values (${3}, ${'c'})`);
        expect(await boundRow(em, sql`select 1 as one from bound_probe where id = ${3}`)).toEqual({ one: 1 });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await boundRow(systemEm(orm), sql`select 1 from bound_probe where id = ${3}`)).toBeUndefined();
  });

  it("runs a request scope's statements on the pool until it forks, then on its EntityManager", async () => {
    let forks = 0;
    const scope = requestScope(
      { id: 1 } as TenantRecord,
      new Date(),
      () => {
        forks += 1;
        return systemEm(orm);
      },
      () => (orm.em as Em).getKysely(),
    );
    await boundRun(scope, sql`insert into bound_probe values (${4}, ${'d'})`);
    expect(await boundRow(scope, sql`select label from bound_probe where id = ${4}`)).toEqual({ label: 'd' });
    expect(forks).toBe(0);
    // a transaction forks the EntityManager once, and the statements of its scope run inside it
    await expect(
      inTransaction(scope, async (tx: Scope) => {
        await boundRun(tx, sql`insert into bound_probe values (${5}, ${'e'})`);
        expect(await boundRow(tx, sql`select 1 as one from bound_probe where id = ${5}`)).toEqual({ one: 1 });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(forks).toBe(1);
    expect(await boundRow(scope, sql`select 1 from bound_probe where id = ${5}`)).toBeUndefined();
    // once forked, the scope's own EntityManager carries its statements (its transaction, when it begins one)
    await scope.em.begin();
    await boundRun(scope, sql`insert into bound_probe values (${6}, ${'f'})`);
    await scope.em.rollback();
    expect(await boundRow(systemEm(orm), sql`select 1 from bound_probe where id = ${6}`)).toBeUndefined();
    expect(forks).toBe(1);
  });
});
