import type { StoreDump } from '../../server/storage/store';
import type { TestServer } from './server';

/**
 * Every row of every table, through the store's own `dump()` (any store, not only SQLite): two
 * equal dumps mean nothing in storage changed.
 */
export function dumpDatabase(srv: TestServer): Promise<StoreDump> {
  return srv.app.ctx.store.dump();
}

/** The rows of one table (empty when the table has none). */
export async function rowsOf(srv: TestServer, table: string): Promise<Record<string, unknown>[]> {
  const rows = (await dumpDatabase(srv))[table];
  if (!rows) throw new Error(`no table ${table} in the store`);
  return rows;
}
