import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../store';
import { sqliteActivities } from './activities';
import { sqliteAgenda } from './agenda';
import { sqliteApplied } from './applied';
import { sqliteBoards } from './boards';
import { sqliteBreakouts } from './breakouts';
import { sqliteChat } from './chat';
import { sqliteCuration } from './curation';
import { sqliteMeetings } from './meetings';
import { migrate } from './migrations';
import { sqliteParticipants } from './participants';
import { sqliteReports } from './reports';
import { sqliteResponses } from './responses';
import { SerialLock, wrapRepos } from './serial';
import { sqliteTemplates } from './templates';
import { sqliteTimers } from './timers';
import { dumpTables, type Repos, sqliteTransaction } from './transaction';

/** The database file in a data directory. */
export const SQLITE_FILE = 'oogst.sqlite';

/**
 * The embedded store: one SQLite file in `dataDir`, WAL mode, `synchronous=FULL` so that a
 * commit that returned is on disk before the server acks it, even if the process is killed.
 * Every call waits its turn on the one connection while a transaction holds it (`SerialLock`).
 */
export function openSqliteStore(dataDir: string): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, SQLITE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleted meetings must not stay readable in free pages of the file.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  const repos: Repos = {
    meetings: sqliteMeetings(db),
    participants: sqliteParticipants(db),
    agenda: sqliteAgenda(db),
    activities: sqliteActivities(db),
    responses: sqliteResponses(db),
    reports: sqliteReports(db),
    timers: sqliteTimers(db),
    chat: sqliteChat(db),
    curation: sqliteCuration(db),
    templates: sqliteTemplates(db),
    breakouts: sqliteBreakouts(db),
    boards: sqliteBoards(db),
    applied: sqliteApplied(db),
  };
  const lock = new SerialLock();
  return {
    ...wrapRepos(repos, (call) => lock.shared(call)),
    transaction: sqliteTransaction(db, repos, lock),
    dump: () => lock.shared(async () => dumpTables(db)),
    // After the transactions that hold or wait for the connection.
    close: () =>
      lock.exclusive(async () => {
        if (db.open) db.close();
      }),
  };
}
