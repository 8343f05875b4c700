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
  {
    // Facilitation toolkit: timers, chat, word-cloud curation, templates.
    id: 'toolkit-1',
    sql: `
      CREATE TABLE timers (
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        scope TEXT NOT NULL,
        status TEXT NOT NULL,
        duration_ms INTEGER NOT NULL,
        ends_at INTEGER,
        remaining_ms INTEGER,
        label TEXT NOT NULL DEFAULT '',
        updated_at INTEGER NOT NULL,
        last_command_id TEXT,
        PRIMARY KEY (meeting_id, scope)
      );
      CREATE TABLE chat_messages (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        author_key TEXT NOT NULL,
        author_role TEXT NOT NULL,
        author_name TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        votes INTEGER NOT NULL DEFAULT 0,
        tip INTEGER NOT NULL DEFAULT 0,
        tip_by TEXT,
        pinned INTEGER NOT NULL DEFAULT 0,
        hidden INTEGER NOT NULL DEFAULT 0,
        has_link INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX chat_links ON chat_messages(meeting_id, seq) WHERE has_link = 1;
      CREATE INDEX chat_channel ON chat_messages(meeting_id, channel, seq);
      CREATE INDEX chat_author ON chat_messages(meeting_id, author_key, created_at);
      CREATE INDEX chat_highlights ON chat_messages(meeting_id, seq) WHERE tip = 1 OR pinned = 1;
      CREATE TABLE chat_votes (
        message_id TEXT NOT NULL REFERENCES chat_messages(id) ON DELETE CASCADE,
        meeting_id TEXT NOT NULL,
        voter TEXT NOT NULL,
        PRIMARY KEY (message_id, voter)
      );
      CREATE INDEX chat_votes_voter ON chat_votes(meeting_id, voter);
      CREATE TABLE activity_curation (
        activity_id TEXT PRIMARY KEY REFERENCES activities(id) ON DELETE CASCADE,
        data TEXT NOT NULL
      );
      CREATE TABLE templates (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        content TEXT NOT NULL,
        token_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `,
  },
  {
    // Break-outs: rooms, placements, one board per room × question (and a synthesis board per
    // question), post-its, themes and dot votes. Post-its and themes are deleted by a flag, so a
    // retried create never brings them back (BOARD6, BOARD8).
    id: 'boards-1',
    sql: `
      CREATE TABLE breakouts (
        activity_id TEXT PRIMARY KEY REFERENCES activities(id) ON DELETE CASCADE,
        started_at INTEGER,
        synthesis_at INTEGER,
        message_id TEXT,
        message TEXT,
        message_at INTEGER
      );
      CREATE TABLE breakout_rooms (
        id TEXT PRIMARY KEY,
        activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        label TEXT NOT NULL
      );
      CREATE INDEX breakout_rooms_activity ON breakout_rooms(activity_id, position);
      CREATE TABLE breakout_members (
        activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        room_id TEXT NOT NULL REFERENCES breakout_rooms(id) ON DELETE CASCADE,
        placed_at INTEGER NOT NULL,
        PRIMARY KEY (activity_id, participant_id)
      );
      CREATE INDEX breakout_members_room ON breakout_members(room_id);
      CREATE TABLE boards (
        id TEXT PRIMARY KEY,
        activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
        room_id TEXT REFERENCES breakout_rooms(id) ON DELETE CASCADE,
        question_index INTEGER NOT NULL,
        locked INTEGER NOT NULL DEFAULT 0,
        anonymous INTEGER NOT NULL DEFAULT 0,
        voting_open INTEGER NOT NULL DEFAULT 0,
        vote_limit INTEGER NOT NULL DEFAULT 3,
        votes_revealed INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX boards_place ON boards(activity_id, coalesce(room_id, ''), question_index);
      CREATE TABLE board_notes (
        id TEXT PRIMARY KEY,
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        author_id TEXT REFERENCES participants(id) ON DELETE SET NULL,
        by_staff INTEGER NOT NULL,
        text TEXT NOT NULL,
        colour TEXT NOT NULL,
        x INTEGER NOT NULL,
        y INTEGER NOT NULL,
        theme_id TEXT,
        origin_id TEXT,
        room_label TEXT,
        version INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX board_notes_board ON board_notes(board_id, created_at);
      CREATE INDEX board_notes_theme ON board_notes(theme_id);
      CREATE UNIQUE INDEX board_notes_origin ON board_notes(board_id, origin_id) WHERE origin_id IS NOT NULL;
      CREATE TABLE board_themes (
        id TEXT PRIMARY KEY,
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        heading TEXT NOT NULL,
        x INTEGER NOT NULL,
        y INTEGER NOT NULL,
        version INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX board_themes_board ON board_themes(board_id);
      CREATE TABLE board_votes (
        id TEXT PRIMARY KEY,
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        note_id TEXT NOT NULL REFERENCES board_notes(id) ON DELETE CASCADE,
        participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        -- [BOARD12] Slot n of a participant's N votes on a board: never more than N rows.
        slot INTEGER NOT NULL CHECK (slot >= 0 AND slot < 20),
        created_at INTEGER NOT NULL,
        UNIQUE (board_id, participant_id, slot)
      );
      CREATE INDEX board_votes_note ON board_votes(note_id);
    `,
  },
  {
    // [RECON6] Client-made command ids applied per meeting and actor, written in the same
    // transaction as the change: a replay after newer commands is never applied again.
    id: 'commands-1',
    sql: `
      CREATE TABLE applied_commands (
        meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        actor TEXT NOT NULL,
        command_id TEXT NOT NULL,
        applied_at INTEGER NOT NULL,
        PRIMARY KEY (meeting_id, actor, command_id)
      );
      CREATE INDEX applied_commands_age ON applied_commands(applied_at);
    `,
  },
  {
    // [BOARD18] "Einde over 60 seconden": when the break-outs end by themselves (server clock).
    id: 'breakout-end-1',
    sql: 'ALTER TABLE breakouts ADD COLUMN ends_at INTEGER;',
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
