import pg from 'pg';

/** One connection for the duration of `work`. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Bulk loads skip foreign-key triggers (`session_replication_role = replica`, superuser only):
 * the generators write consistent rows by construction, and checking 1M references row by row
 * would take longer than writing them.
 */
export async function bulk<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query(`set session_replication_role = replica`);
  try {
    return await work();
  } finally {
    await client.query(`set session_replication_role = default`);
  }
}

export async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`  ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

/** A SQL array literal of the strings (quotes doubled), for statements built from fixed word lists. */
export const sqlArray = (items: readonly string[]) =>
  `array[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]`;

/**
 * Runs `work` with the table's secondary indexes and unique constraints dropped, then builds them
 * again as they were: one sorted build each is far faster than millions of scattered inserts.
 */
export async function withoutIndexes(c: pg.Client, table: string, work: () => Promise<void>) {
  const { rows } = await c.query<{
    name: string;
    def: string;
    conname: string | null;
    condef: string | null;
  }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def,
            con.conname, pg_get_constraintdef(con.oid) as condef
       from pg_index i left join pg_constraint con on con.conindid = i.indexrelid and con.conrelid = i.indrelid
      where i.indrelid = $1::regclass and not i.indisprimary`,
    [table],
  );
  for (const r of rows)
    await c.query(r.conname ? `alter table ${table} drop constraint "${r.conname}"` : `drop index ${r.name}`);
  await work();
  await c.query(`set maintenance_work_mem = '512MB'`);
  await timed(`${rows.length} indexes of ${table} built again`, async () => {
    for (const r of rows)
      await c.query(r.conname ? `alter table ${table} add constraint "${r.conname}" ${r.condef}` : r.def);
  });
  await c.query('reset maintenance_work_mem');
}
