import type { SqliteStore } from '../../server/storage/sqlite';
import type { TestServer } from './server';

/** Every row of every table, as JSON: two equal dumps mean nothing in storage changed. */
export function dumpDatabase(srv: TestServer): Record<string, unknown[]> {
  const db = (srv.app.ctx.store as SqliteStore).db;
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
}
