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
