import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openPgStore } from './postgres';
import { openSqliteStore, SQLITE_FILE } from './sqlite';

/** Rows copied per table. */
export type CopyReport = Record<string, number>;

const BATCH = 500;

/**
 * [DEPLOY4] Moves one node's SQLite data directory into an empty PostgreSQL database: every table
 * (meetings, participants, answers, boards, chat, verslag updates, …), in one transaction, with
 * the same ids; then checks the count of every table. The schema comes from the PostgreSQL store's
 * own migrations (run first), so a copy is exactly what a node on DATABASE_URL reads.
 */
export async function copySqliteToPostgres(dataDir: string, databaseUrl: string): Promise<CopyReport> {
  if (!fs.existsSync(path.join(dataDir, SQLITE_FILE)))
    throw new Error(`${dataDir} holds no Oogst data (${SQLITE_FILE} is missing)`);
  // Opening the store brings an older data directory's schema up to date; then it is read as is.
  await openSqliteStore(dataDir).close();
  const sqlite = new Database(path.join(dataDir, SQLITE_FILE), { readonly: true, fileMustExist: true });
  const target = await openPgStore(databaseUrl);
  await target.close();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Tables in the order the migrations made them: a table's parents come before it.
    const tables = (
      await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.relname <> 'migrations'
         ORDER BY c.oid`,
      )
    ).rows.map((r) => r.name);
    const meetings = await client.query<{ n: string }>('SELECT count(*) AS n FROM meetings');
    if (Number(meetings.rows[0]?.n) > 0)
      throw new Error('the PostgreSQL database holds meetings already: copy into an empty one');
    const inSqlite = new Set(
      (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    const report: CopyReport = {};
    await client.query('BEGIN');
    for (const table of tables) {
      if (!inSqlite.has(table)) continue;
      const columns = (
        await client.query<{ name: string; type: string; identity: string }>(
          `SELECT column_name AS name, data_type AS type, is_identity AS identity
           FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1
           ORDER BY ordinal_position`,
          [table],
        )
      ).rows;
      const have = new Set(
        (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
          (c) => c.name,
        ),
      );
      const cols = columns.filter((c) => have.has(c.name));
      const rows = sqlite
        .prepare(`SELECT ${cols.map((c) => `"${c.name}"`).join(', ')} FROM "${table}" ORDER BY rowid`)
        .all() as Record<string, unknown>[];
      const identity = cols.some((c) => c.identity === 'YES');
      for (let i = 0; i < rows.length; i += BATCH) {
        const part = rows.slice(i, i + BATCH);
        const params: unknown[] = [];
        const values = part.map(
          (row) =>
            `(${cols
              .map((c) => {
                params.push(toPostgres(row[c.name], c.type));
                return `$${params.length}`;
              })
              .join(', ')})`,
        );
        await client.query(
          `INSERT INTO "${table}" (${cols.map((c) => `"${c.name}"`).join(', ')})${
            identity ? ' OVERRIDING SYSTEM VALUE' : ''
          } VALUES ${values.join(', ')}`,
          params,
        );
      }
      // Generated ids go on after the copied ones.
      for (const c of cols.filter((c) => c.identity === 'YES')) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max("${c.name}") FROM "${table}"), 0) + 1, false)`,
          [`"${table}"`, c.name],
        );
      }
      const copied = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
      if (Number(copied.rows[0]?.n) !== rows.length)
        throw new Error(`${table}: ${rows.length} rows in SQLite, ${copied.rows[0]?.n} copied`);
      report[table] = rows.length;
    }
    await client.query('COMMIT');
    return report;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end();
    sqlite.close();
  }
}

/** SQLite keeps booleans as 0/1 and blobs as Buffers; PostgreSQL wants its own types. */
function toPostgres(v: unknown, type: string): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'boolean') return v === 1 || v === true || v === '1';
  if (type === 'bytea') return Buffer.isBuffer(v) ? v : Buffer.from(v as Uint8Array);
  if (typeof v === 'bigint') return v.toString();
  return v;
}
