import type { Database } from 'better-sqlite3';
import type { Store, StoreDump } from '../store';
import { type SerialLock, type Wrap, wrapRepos } from './serial';

/** The store's repositories, without the calls that manage the store itself. */
export type Repos = Omit<Store, 'transaction' | 'dump' | 'close'>;

/** Every row of every table (sqlite_sequence included), each table by rowid. */
export function dumpTables(db: Database): StoreDump {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((t) => t.name);
  return Object.fromEntries(
    tables.map((t) => [
      t,
      db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as Record<string, unknown>[],
    ]),
  );
}

/**
 * `Store.transaction` on the one SQLite connection: the transaction takes the connection from
 * `lock` alone (calls through the store wait), runs BEGIN IMMEDIATE (the write lock at once, so
 * another process's writer cannot make it fail halfway), and COMMIT or ROLLBACK. The repositories'
 * own transactions (better-sqlite3) become savepoints inside it. A nested `tx.transaction` is a
 * savepoint too (see `Store.transaction`).
 */
export function sqliteTransaction(db: Database, repos: Repos, lock: SerialLock): Store['transaction'] {
  let savepoints = 0;
  const txStore = (live: { open: boolean }): Store => {
    const guard: Wrap = (call) =>
      live.open ? call() : Promise.reject(new Error('this transaction has ended: use the store'));
    const tx: Store = {
      ...wrapRepos(repos, guard),
      dump: () => guard(async () => dumpTables(db)),
      transaction: (fn) =>
        guard(async () => {
          const name = `nested_${++savepoints}`;
          db.exec(`SAVEPOINT ${name}`);
          try {
            const result = await fn(tx);
            db.exec(`RELEASE ${name}`);
            return result;
          } catch (err) {
            if (db.inTransaction) db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
            throw err;
          }
        }),
      close: () => Promise.reject(new Error('a transaction ends with its function; close the store')),
    };
    return tx;
  };
  return (fn) =>
    lock.exclusive(async () => {
      db.exec('BEGIN IMMEDIATE');
      const live = { open: true };
      try {
        const result = await fn(txStore(live));
        live.open = false;
        db.exec('COMMIT');
        return result;
      } catch (err) {
        live.open = false;
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    });
}
