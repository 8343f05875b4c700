import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * One way to talk to PostgreSQL for the repositories, whether on the pool (each call its own
 * transaction) or on the one client of a transaction. Every transaction is SERIALIZABLE, like
 * SQLite's single writer: a read-check-write (a board's post-it limit, a vote slot, an agenda's
 * order) behaves as if transactions ran one after another. A transaction that PostgreSQL aborts
 * for that (SQLSTATE 40001) or for a deadlock (40P01) is run again from the start, at the outermost
 * level only: the functions passed to `tx` do storage work only, so running them again is safe.
 */
export interface Db {
  query<R extends object = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<pg.QueryResult<R>>;
  /** The rows of a query. */
  rows<R extends object>(text: string, params?: unknown[]): Promise<R[]>;
  /** The first row of a query, or undefined. */
  one<R extends object>(text: string, params?: unknown[]): Promise<R | undefined>;
  /**
   * Runs `fn` in one transaction (BEGIN … COMMIT on a pooled client), or a savepoint inside one.
   * `lock`: transactions with the same lock run one after another (see `TransactionOptions`).
   */
  tx<T>(fn: (db: Db) => Promise<T>, lock?: string): Promise<T>;
  /**
   * One statement that is atomic by itself because it takes its own locks (a function that takes
   * an advisory lock and then reads and writes): on the pool it runs at READ COMMITTED, where each
   * statement inside the function sees what was committed before it got the lock, and the lock is
   * held only while PostgreSQL runs it (no round trip to this node in between). In a transaction it
   * runs in that transaction (serializable: a conflict runs the transaction again).
   */
  atomic<R extends object>(text: string, params: unknown[]): Promise<R[]>;
  /** Whether this handle is a transaction's client (then `tx` makes savepoints). */
  readonly inTransaction: boolean;
}

const RETRIED = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 30;

/** PostgreSQL's error code (SQLSTATE), when `err` came from the server. */
export const sqlState = (err: unknown): string | undefined =>
  typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;

/** Runs `attempt` again while PostgreSQL says that another transaction was in the way. */
async function retrying<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (n >= MAX_ATTEMPTS || !RETRIED.has(sqlState(err) ?? '')) throw err;
      // A short, growing, jittered pause so that two conflicting transactions do not meet again.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** n)));
    }
  }
}

function helpers(query: Db['query']): Pick<Db, 'query' | 'rows' | 'one'> {
  return {
    query,
    async rows<R extends object>(text: string, params?: unknown[]): Promise<R[]> {
      return (await query<R>(text, params)).rows;
    },
    async one<R extends object>(text: string, params?: unknown[]): Promise<R | undefined> {
      const { rows } = await query<R>(text, params);
      return rows[0];
    },
  };
}

/** A transaction's state: whether it still runs, and the conflict that dooms it (if any). */
interface Live {
  open: boolean;
  doomed?: unknown;
}

/**
 * The handle of one transaction's client; it refuses calls once the transaction has ended. A
 * conflict with another transaction (40001, 40P01) dooms the whole transaction even when a caller
 * catches it at a savepoint: the transaction is then rolled back and run again from the start.
 */
function clientDb(client: pg.PoolClient, live: Live): Db {
  let savepoints = 0;
  const query: Db['query'] = async (text, params) => {
    if (!live.open) throw new Error('this transaction has ended: use the store');
    try {
      return await client.query(statement(text, params));
    } catch (err) {
      if (RETRIED.has(sqlState(err) ?? '')) live.doomed ??= err;
      throw err;
    }
  };
  const db: Db = {
    ...helpers(query),
    atomic: async <R extends object>(text: string, params: unknown[]) => (await query<R>(text, params)).rows,
    inTransaction: true,
    async tx(fn) {
      const name = `sp_${++savepoints}`;
      await query(`SAVEPOINT ${name}`);
      try {
        const result = await fn(db);
        await query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (err) {
        if (live.open) await client.query(`ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}`);
        throw err;
      }
    },
  };
  return db;
}

/** Prepared statement names by statement text (a bounded set: the repositories' statements). */
const names = new Map<string, string>();

/**
 * A statement with parameters goes as a named prepared statement: each connection parses and
 * plans it once, and then only binds and runs it (for the short statements of the hot paths,
 * parsing and planning were a large part of PostgreSQL's work). Without parameters (BEGIN,
 * SAVEPOINT, several statements in one) it goes as plain text.
 */
function statement(text: string, values: unknown[] | undefined): pg.QueryConfig {
  if (values === undefined) return { text };
  let name = names.get(text);
  if (!name) {
    name = `oogst_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return { name, text, values };
}

/**
 * The advisory lock's key for a lock name: the first 8 bytes of its SHA-256 as a signed 64-bit
 * integer, in decimal. Made here (the same on every node), so it can be written into a statement.
 */
export function lockKey(lock: string): string {
  return createHash('sha256').update(lock).digest().readBigInt64BE(0).toString();
}

/**
 * A pooled client for several statements, returned with `release`. [DEPLOY3] While a client is
 * checked out the pool does not listen for its errors, and `pg` emits a lost connection (PostgreSQL
 * restarting, the network to it cut) as an 'error' event on the client: unheard, that event ends
 * the whole process. It is heard here; the statements fail with the error (the command is refused
 * with `unavailable`), and the client is thrown away when released.
 */
export async function checkout(
  pool: pg.Pool,
): Promise<{ client: pg.PoolClient; release(broken?: boolean): void }> {
  const client = await pool.connect();
  let lost = false;
  const onError = () => {
    lost = true;
  };
  client.on('error', onError);
  return {
    client,
    release(broken = false) {
      client.removeListener('error', onError);
      client.release(broken || lost);
    },
  };
}

async function runTransaction<T>(pool: pg.Pool, fn: (db: Db) => Promise<T>, lock?: string): Promise<T> {
  const { client, release } = await checkout(pool);
  const live: Live = { open: true };
  const key = lock === undefined ? undefined : lockKey(lock);
  let broken = false;
  let locked = false;
  try {
    // Before BEGIN: a serializable transaction's snapshot is taken at its first statement, so the
    // wait for the lock must not be inside it (the snapshot would be older than the holder's commit).
    if (key) {
      await client.query(`SELECT pg_advisory_lock(${key})`);
      locked = true;
    }
    await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
    const result = await fn(clientDb(client, live));
    live.open = false;
    if (live.doomed) throw live.doomed;
    if (key) {
      // One round trip: the commit and the lock's release (the next in turn waits one trip less).
      await client.query(`COMMIT; SELECT pg_advisory_unlock(${key})`);
      locked = false;
    } else {
      await client.query('COMMIT');
    }
    return result;
  } catch (err) {
    live.open = false;
    // After a failed COMMIT the transaction is gone already; ROLLBACK then only warns.
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    if (locked)
      await client.query(`SELECT pg_advisory_unlock(${key})`).catch(() => {
        broken = true;
      });
    release(broken);
  }
}

/**
 * Transactions with the same lock wait here, in this process, without holding a pooled connection;
 * only the one whose turn it is takes a connection (and PostgreSQL's advisory lock, for the nodes).
 */
const waiting = new Map<string, Promise<unknown>>();
function inTurn<T>(lock: string, run: () => Promise<T>): Promise<T> {
  const before = waiting.get(lock) ?? Promise.resolve();
  const mine = before.then(run, run);
  const tail = mine.catch(() => {});
  waiting.set(lock, tail);
  void tail.then(() => {
    if (waiting.get(lock) === tail) waiting.delete(lock);
  });
  return mine;
}

/**
 * The pool's handle: a plain call is its own (serializable) transaction, retried like `tx`;
 * `atomic` statements go to `readCommitted`, a small pool of its own.
 */
export function poolDb(pool: pg.Pool, readCommitted: pg.Pool): Db {
  const query: Db['query'] = (text, params) => retrying(() => pool.query(statement(text, params)));
  return {
    ...helpers(query),
    atomic: async <R extends object>(text: string, params: unknown[]) =>
      (await retrying(() => readCommitted.query<R>(statement(text, params)))).rows,
    inTransaction: false,
    tx: (fn, lock) =>
      lock
        ? inTurn(lock, () => retrying(() => runTransaction(pool, fn, lock)))
        : retrying(() => runTransaction(pool, fn)),
  };
}

/**
 * A pool whose numbers come back as numbers: ids, `count(*)` and millisecond times are BIGINT
 * (int8), which `pg` would otherwise return as strings. Every value stored fits in 2^53.
 */
export function createPool(
  connectionString: string,
  max = 10,
  isolation: 'serializable' | 'read committed' = 'serializable',
): pg.Pool {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
  const pool = new pg.Pool({
    connectionString,
    max,
    types,
    // Single statements outside `tx` are serializable too, so they cannot slip between the
    // reads and the write of a transaction (the pool for `Db.atomic` only: read committed).
    options: `-c default_transaction_isolation=${isolation.replace(' ', '\\ ')}`,
    // [DEPLOY3] An unreachable server is said within seconds ("opslag tijdelijk niet bereikbaar"),
    // not after the operating system's TCP timeout of minutes.
    connectionTimeoutMillis: 3000,
    query_timeout: 15_000,
  });
  // An idle client whose connection breaks must not bring the process down; the next query
  // opens a new one (and fails with a clear error while the server is unreachable).
  pool.on('error', () => {});
  return pool;
}
