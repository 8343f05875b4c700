import type { Db } from './db';

/** Table name → its rows (column name → value), in a stable order. */
export type StoreDump = Record<string, Record<string, unknown>[]>;

/**
 * Every row of every table of the schema, each table ordered by its primary key (SQLite's dump
 * orders by rowid; tables with a generated id come out in insertion order in both). For tests and
 * checks, not for serving requests.
 */
export async function dumpTables(db: Db): Promise<StoreDump> {
  const tables = await db.rows<{ name: string; key: string | null }>(
    `SELECT c.relname AS name,
       (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord)
          FROM pg_index i CROSS JOIN unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
         WHERE i.indrelid = c.oid AND i.indisprimary) AS key
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'r' AND n.nspname = current_schema() ORDER BY c.relname`,
  );
  const out: StoreDump = {};
  for (const t of tables) {
    out[t.name] = await db.rows(`SELECT * FROM ${JSON.stringify(t.name)} ORDER BY ${t.key ?? '1'}`);
  }
  return out;
}
