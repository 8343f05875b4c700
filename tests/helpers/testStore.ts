import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPgStore } from '../../server/storage/postgres';
import { openSqliteStore } from '../../server/storage/sqlite';
import type { Store } from '../../server/storage/store';

/**
 * Which store the integration suite runs on: SQLite (default), or PostgreSQL with
 * `OOGST_TEST_STORE=postgres` (the `integration-pg` project sets it). PostgreSQL is reached at
 * OOGST_TEST_PG_URL (default: the local server, user postgres, database test); every test server
 * gets a database of its own, named `oogst_t_…`, and drops it when it closes.
 */
export const onPostgres = process.env.OOGST_TEST_STORE === 'postgres';
export const PG_ADMIN_URL = process.env.OOGST_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Every test database's name starts with this (the global teardown drops what is left). */
export const TEST_DB_PREFIX = 'oogst_t_';

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const urlOf = (name: string) => {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
};

/** Creates the database unless it exists; answers its URL. */
async function ensureDatabase(name: string): Promise<string> {
  await admin(async (c) => {
    try {
      await c.query(`CREATE DATABASE ${name}`);
    } catch (err) {
      // 42P04: it exists already (the same data directory, started again).
      if ((err as { code?: string }).code !== '42P04') throw err;
    }
  });
  return urlOf(name);
}

function dropDatabase(name: string): Promise<void> {
  return admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

/**
 * The database that stands for a data directory (a test that restarts a server process on the
 * same directory finds its data again). It is dropped by the global teardown.
 */
export function databaseFor(dataDir: string): Promise<string> {
  return ensureDatabase(nameFor(dataDir));
}

const nameFor = (dataDir: string) =>
  `${TEST_DB_PREFIX}dir_${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`;

/** A fresh, empty database of its own: its URL, and how to drop it. */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${TEST_DB_PREFIX}${process.pid}_${randomBytes(6).toString('hex')}`;
  return { url: await ensureDatabase(name), drop: () => dropDatabase(name) };
}

/** Whether PostgreSQL answers at PG_ADMIN_URL. */
export async function postgresReachable(): Promise<boolean> {
  try {
    await admin(async (c) => c.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

/**
 * A store on the data of `dataDir`: SQLite there, or on PostgreSQL the database that stands for
 * it. Opened twice on the same directory, the two handles share the data (as two nodes would).
 */
export async function openStoreAt(dataDir: string): Promise<Store> {
  return onPostgres ? openPgStore(await databaseFor(dataDir), { poolSize: 4 }) : openSqliteStore(dataDir);
}

export interface TestStorage {
  /** Opens the store (again, after a restart) on the same data. */
  open(): Promise<Store>;
  /** Removes the data when the server is closed for good (a fresh database is dropped). */
  dispose(): Promise<void>;
}

/**
 * The storage of one test server: its data directory's (SQLite there, or on PostgreSQL the
 * database that stands for it), so that a second server started on the same directory shares
 * the data, as a second node would. A directory the helper made (a fresh one) has its database
 * dropped when the server closes; one the test chose is left to the test (and the teardown).
 */
export async function testStorage(dataDir: string, chosenDir: boolean): Promise<TestStorage> {
  const dispose = onPostgres && !chosenDir ? () => dropDatabase(nameFor(dataDir)) : async () => {};
  return { open: () => openStoreAt(dataDir), dispose };
}
