import type pg from 'pg';
import type { Store, TransactionOptions } from '../store';
import { pgActivities } from './activities';
import { pgAgenda } from './agenda';
import { pgApplied } from './applied';
import { pgBoards } from './boards';
import { pgBreakouts } from './breakouts';
import { pgChat } from './chat';
import { pgCuration } from './curation';
import { createPool, type Db, poolDb } from './db';
import { dumpTables, type StoreDump } from './dump';
import { pgMeetings } from './meetings';
import { migrate } from './migrations';
import { pgParticipants } from './participants';
import { pgReports } from './reports';
import { pgResponses } from './responses';
import { pgTemplates } from './templates';
import { pgTimers } from './timers';

export interface PgStore extends Store {
  /**
   * Runs `fn` in one SERIALIZABLE transaction on one pooled client: everything done through `tx`
   * commits together when `fn` resolves, or rolls back when it throws (the error is passed on).
   * When PostgreSQL aborts it for a conflict with another transaction (40001, 40P01), `fn` runs
   * again from the start: it must do storage work only, through `tx`. `tx` refuses calls once the
   * transaction has ended; `tx.transaction(inner)` is a savepoint in the same transaction.
   * Calls through `tx` share one connection: await them one after another (reads side by side
   * are fine; writes side by side would interleave their savepoints).
   */
  transaction<T>(fn: (tx: PgStore) => Promise<T>, opts?: TransactionOptions): Promise<T>;
  /** Every row of every table, for tests and checks (see `dumpTables`). */
  dump(): Promise<StoreDump>;
}

/** The store's repositories on one handle: the pool, or one transaction's client. */
function storeOn(db: Db, close: () => Promise<void>): PgStore {
  const store: PgStore = {
    meetings: pgMeetings(db),
    participants: pgParticipants(db),
    agenda: pgAgenda(db),
    activities: pgActivities(db),
    responses: pgResponses(db),
    reports: pgReports(db),
    timers: pgTimers(db),
    chat: pgChat(db),
    curation: pgCuration(db),
    templates: pgTemplates(db),
    breakouts: pgBreakouts(db),
    boards: pgBoards(db),
    applied: pgApplied(db),
    // Same-lock transactions queue instead of aborting each other (TransactionOptions).
    transaction: (fn, opts) => db.tx((t) => fn(t === db ? store : storeOn(t, refuseClose)), opts?.lock),
    dump: () => dumpTables(db),
    close,
  };
  return store;
}

const refuseClose = () => Promise.reject(new Error('a transaction ends with its function; close the store'));

/** Connections per node for `Db.atomic` statements, besides the pool's (see DEPLOY.md). */
const ATOMIC_POOL_SIZE = 3;

/**
 * The networked store (DATABASE_URL): a pool of connections to PostgreSQL; the schema is created
 * or migrated before the store is returned. Several Oogst nodes may share one database.
 */
export async function openPgStore(
  connectionString: string,
  opts: { poolSize?: number } = {},
): Promise<PgStore> {
  const pool: pg.Pool = createPool(connectionString, opts.poolSize);
  // [DUR3] For statements that are atomic by themselves (`Db.atomic`: a join): a few connections
  // at READ COMMITTED, so that waiting for their locks never takes one from the pool above.
  const readCommitted = createPool(connectionString, ATOMIC_POOL_SIZE, 'read committed');
  const end = () => Promise.all([pool.end(), readCommitted.end()]).then(() => {});
  try {
    await migrate(pool);
  } catch (err) {
    await end();
    throw err;
  }
  let closed: Promise<void> | null = null;
  return storeOn(poolDb(pool, readCommitted), () => {
    closed ??= end();
    return closed;
  });
}
