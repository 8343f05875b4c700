import type { Database } from 'better-sqlite3';

/**
 * Schema changes, applied once each, in this order. Ids are names, not numbers, so that areas of
 * the product add their own without renumbering. Never edit a migration that has shipped: add one.
 */
export const MIGRATIONS: { id: string; sql: string }[] = [
  {
    id: 'core-1',
    sql: `
      CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        date TEXT,
        created_at INTEGER NOT NULL,
        facilitator_hash TEXT NOT NULL,
        secretary_hash TEXT NOT NULL,
        current_item_id TEXT
      );
      CREATE INDEX meetings_created ON meetings(created_at);
      CREATE TABLE participants (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        org_type TEXT,
        token_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX participants_token ON participants(meeting_id, token_hash);
      CREATE TABLE agenda_items (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX agenda_meeting ON agenda_items(meeting_id, position);
      CREATE TABLE activities (
        id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agenda_item_id TEXT,
        kind TEXT NOT NULL,
        spec TEXT NOT NULL,
        anonymous INTEGER NOT NULL,
        status TEXT NOT NULL,
        revealed INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX activities_meeting ON activities(meeting_id, created_at);
      CREATE TABLE responses (
        activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        command_id TEXT NOT NULL,
        value TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (activity_id, participant_id)
      );
      CREATE INDEX responses_participant ON responses(participant_id);
    `,
  },
  {
    // The verslag: its Yjs updates, appended as they come and compacted now and then (REPORT9).
    id: 'report-1',
    sql: `
      CREATE TABLE report_updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        data BLOB NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX report_updates_meeting ON report_updates(meeting_id, id);
    `,
  },
];

export function migrate(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS migrations (id TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const applied = new Set(
    (db.prepare('SELECT id FROM migrations').all() as { id: string }[]).map((r) => r.id),
  );
  const record = db.prepare('INSERT INTO migrations (id, applied_at) VALUES (?, ?)');
  for (const m of MIGRATIONS) {
    if (applied.has(m.id)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, Date.now());
    })();
  }
}
