import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../server/storage/sqlite';
import type { MeetingRecord, Store } from '../../server/storage/store';
import { newId } from '../../shared/domain/ids';

/**
 * The store the tests run on, the one place to choose it: SQLite in `dataDir` (a fresh temp dir
 * when none is given). Opened twice on the same `dataDir`, the two handles share the data (as two
 * nodes share a networked store).
 */
export function openTestStore(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-store-'))): Store {
  return openSqliteStore(dataDir);
}

/** A meeting record with a fresh id and code (the hashes are placeholders). */
export const meetingRecord = (patch: Partial<MeetingRecord> = {}): MeetingRecord => ({
  id: newId(),
  code: newId().slice(0, 8).toUpperCase(),
  title: 'Overleg',
  date: null,
  createdAt: Date.now(),
  facilitatorTokenHash: 'f',
  secretaryTokenHash: 's',
  currentItemId: null,
  ...patch,
});
