import { randomBytes } from 'node:crypto';
import pg from 'pg';

// Before testStore.ts is read: the workers inherit it, and their databases carry it.
process.env.OOGST_TEST_RUN ??= randomBytes(3).toString('hex');
const { PG_ADMIN_URL, TEST_DB_PREFIX } = await import('./testStore');

/**
 * `integration-pg`: fails at once, clearly, when PostgreSQL is not reachable, and drops the test
 * databases this run left at the end (those of server processes started on a data directory);
 * other runs' databases are not touched.
 */
export async function setup(): Promise<() => Promise<void>> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await c.connect();
  } catch (err) {
    throw new Error(`integration-pg needs PostgreSQL at ${PG_ADMIN_URL} (OOGST_TEST_PG_URL): ${String(err)}`);
  } finally {
    await c.end().catch(() => {});
  }
  return async () => {
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
        [TEST_DB_PREFIX],
      );
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  };
}
