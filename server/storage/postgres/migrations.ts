import type pg from 'pg';
import { checkout } from './db';

/**
 * The PostgreSQL schema, as versioned migrations with the same ids as SQLite's
 * (`../sqlite/migrations.ts`): the same tables and columns, so that rows read the same in both
 * stores (flags are 0/1 integers, JSON is text, times are milliseconds). Differences on purpose:
 * millisecond times and row ids are BIGINT (read back as numbers, see `createPool`), positions on
 * a board are DOUBLE PRECISION (SQLite keeps a fraction too), blobs are BYTEA, and text sorts
 * byte-wise (COLLATE "C") as SQLite's does, whatever the database's locale. Never edit a migration
 * that has shipped: add one (and its SQLite twin, where SQLite needs one: `join-1` is PostgreSQL's own).
 */
const T = 'TEXT COLLATE "C"';

export const MIGRATIONS: { id: string; sql: string }[] = [
  {
    id: 'core-1',
    sql: `
      CREATE TABLE meetings (
        id ${T} PRIMARY KEY,
        code ${T} NOT NULL UNIQUE,
        title ${T} NOT NULL,
        date ${T},
        created_at BIGINT NOT NULL,
        facilitator_hash ${T} NOT NULL,
        secretary_hash ${T} NOT NULL,
        current_item_id ${T}
      );
      CREATE INDEX meetings_created ON meetings(created_at);
      CREATE TABLE participants (
        id ${T} PRIMARY KEY,
        meeting_id ${T} NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        name ${T} NOT NULL,
        org_type ${T},
        token_hash ${T} NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE UNIQUE INDEX participants_token ON participants(meeting_id, token_hash);
      CREATE TABLE agenda_items (
        id ${T} PRIMARY KEY,
        meeting_id ${T} NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title ${T} NOT NULL,
        body ${T} NOT NULL DEFAULT ''
      );
      CREATE INDEX agenda_meeting ON agenda_items(meeting_id, position);
      CREATE TABLE activities (
        id ${T} PRIMARY KEY,
        meeting_id ${T} NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agenda_item_id ${T},
        kind ${T} NOT NULL,
        spec ${T} NOT NULL,
        anonymous INTEGER NOT NULL,
        status ${T} NOT NULL,
        revealed INTEGER NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE INDEX activities_meeting ON activities(meeting_id, created_at);
      CREATE TABLE responses (
        activity_id ${T} NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
        participant_id ${T} NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        command_id ${T} NOT NULL,
        value ${T} NOT NULL,
        note ${T} NOT NULL DEFAULT '',
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        PRIMARY KEY (activity_id, participant_id)
      );
      CREATE INDEX responses_participant ON responses(participant_id);
    `,
  },
  {
    id: 'report-1',
    sql: `
      CREATE TABLE report_updates (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        meeting_id ${T} NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        data BYTEA NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX report_updates_meeting ON report_updates(meeting_id, id);
    `,
  },
  {
    id: 'toolkit-1',
    sql: `
      CREATE TABLE timers (
        meeting_id ${T} NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        scope ${T} NOT NULL,
        status ${T} NOT NULL,
        duration_ms BIGINT NOT NULL,
        ends_at BIGINT,
        remaining_ms BIGINT,
        label ${T} NOT NULL DEFAULT '',
        updated_at BIGINT NOT NULL,
        last_command_id ${T},
        PRIMARY KEY (meeting_id, scope)
      );
      CREATE TABLE chat_messages (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id ${T} NOT NULL UNIQUE,
        meeting_id ${T} NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        channel ${T} NOT NULL,
        author_key ${T} NOT NULL,
        author_role ${T} NOT NULL,
        author_name ${T} NOT NULL,
        text ${T} NOT NULL,
        created_at BIGINT NOT NULL,
        votes INTEGER NOT NULL DEFAULT 0,
        tip INTEGER NOT NULL DEFAULT 0,
        tip_by ${T},
        pinned INTEGER NOT NULL DEFAULT 0,
        hidden INTEGER NOT NULL DEFAULT 0,
        has_link INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX chat_links ON chat_messages(meeting_id, seq) WHERE has_link = 1;
      CREATE INDEX chat_channel ON chat_messages(meeting_id, channel, seq);
      CREATE INDEX chat_author ON chat_messages(meeting_id, author_key, created_at);
      CREATE INDEX chat_highlights ON chat_messages(meeting_id, seq) WHERE tip = 1 OR pinned = 1;
      CREATE TABLE chat_votes (
        message_id ${T} NOT NULL REFERENCES chat_messages(id) ON DELETE CASCADE,
        meeting_id ${T} NOT NULL,
        voter ${T} NOT NULL,
        PRIMARY KEY (message_id, voter)
      );
      CREATE INDEX chat_votes_voter ON chat_votes(meeting_id, voter);
      CREATE TABLE activity_curation (
        activity_id ${T} PRIMARY KEY REFERENCES activities(id) ON DELETE CASCADE,
        data ${T} NOT NULL
      );
      CREATE TABLE templates (
        id ${T} PRIMARY KEY,
        title ${T} NOT NULL,
        content ${T} NOT NULL,
        token_hash ${T} NOT NULL,
        created_at BIGINT NOT NULL
      );
    `,
  },
  {
    id: 'boards-1',
    sql: `
      CREATE TABLE breakouts (
        activity_id ${T} PRIMARY KEY REFERENCES activities(id) ON DELETE CASCADE,
        started_at BIGINT,
        synthesis_at BIGINT,
        message_id ${T},
        message ${T},
        message_at BIGINT
      );
      CREATE TABLE breakout_rooms (
        id ${T} PRIMARY KEY,
        activity_id ${T} NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        label ${T} NOT NULL
      );
      CREATE INDEX breakout_rooms_activity ON breakout_rooms(activity_id, position);
      CREATE TABLE breakout_members (
        activity_id ${T} NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
        participant_id ${T} NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        room_id ${T} NOT NULL REFERENCES breakout_rooms(id) ON DELETE CASCADE,
        placed_at BIGINT NOT NULL,
        PRIMARY KEY (activity_id, participant_id)
      );
      CREATE INDEX breakout_members_room ON breakout_members(room_id);
      CREATE TABLE boards (
        id ${T} PRIMARY KEY,
        activity_id ${T} NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
        room_id ${T} REFERENCES breakout_rooms(id) ON DELETE CASCADE,
        question_index INTEGER NOT NULL,
        locked INTEGER NOT NULL DEFAULT 0,
        anonymous INTEGER NOT NULL DEFAULT 0,
        voting_open INTEGER NOT NULL DEFAULT 0,
        vote_limit INTEGER NOT NULL DEFAULT 3,
        votes_revealed INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL
      );
      CREATE UNIQUE INDEX boards_place ON boards(activity_id, coalesce(room_id, ''), question_index);
      CREATE TABLE board_notes (
        id ${T} PRIMARY KEY,
        board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        author_id ${T} REFERENCES participants(id) ON DELETE SET NULL,
        by_staff INTEGER NOT NULL,
        text ${T} NOT NULL,
        colour ${T} NOT NULL,
        x DOUBLE PRECISION NOT NULL,
        y DOUBLE PRECISION NOT NULL,
        theme_id ${T},
        origin_id ${T},
        room_label ${T},
        version INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE INDEX board_notes_board ON board_notes(board_id, created_at);
      CREATE INDEX board_notes_theme ON board_notes(theme_id);
      CREATE UNIQUE INDEX board_notes_origin ON board_notes(board_id, origin_id) WHERE origin_id IS NOT NULL;
      CREATE TABLE board_themes (
        id ${T} PRIMARY KEY,
        board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        heading ${T} NOT NULL,
        x DOUBLE PRECISION NOT NULL,
        y DOUBLE PRECISION NOT NULL,
        version INTEGER NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX board_themes_board ON board_themes(board_id);
      CREATE TABLE board_votes (
        id ${T} PRIMARY KEY,
        board_id ${T} NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        note_id ${T} NOT NULL REFERENCES board_notes(id) ON DELETE CASCADE,
        participant_id ${T} NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        slot INTEGER NOT NULL CHECK (slot >= 0 AND slot < 20),
        created_at BIGINT NOT NULL,
        UNIQUE (board_id, participant_id, slot)
      );
      CREATE INDEX board_votes_note ON board_votes(note_id);
    `,
  },
  {
    id: 'commands-1',
    sql: `
      CREATE TABLE applied_commands (
        meeting_id ${T} NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        actor ${T} NOT NULL,
        command_id ${T} NOT NULL,
        applied_at BIGINT NOT NULL,
        PRIMARY KEY (meeting_id, actor, command_id)
      );
      CREATE INDEX applied_commands_age ON applied_commands(applied_at);
    `,
  },
  {
    id: 'breakout-end-1',
    sql: 'ALTER TABLE breakouts ADD COLUMN ends_at BIGINT;',
  },
  {
    // [DUR3] A join in one statement (PostgreSQL only: SQLite's insert-if-room is one statement
    // with one writer). Run at READ COMMITTED (Db.atomic): the meeting's advisory lock first, then
    // the count sees every join committed before it, and the lock is let go at the commit.
    // Joins to one meeting from every node take turns inside PostgreSQL, one round trip each.
    id: 'join-1',
    sql: `
      CREATE FUNCTION oogst_insert_participant(
        lock_key BIGINT, p_id TEXT, p_meeting TEXT, p_name TEXT, p_org TEXT, p_token TEXT,
        p_created BIGINT, max_participants INTEGER
      ) RETURNS BOOLEAN LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(lock_key);
        INSERT INTO participants (id, meeting_id, name, org_type, token_hash, created_at)
        SELECT p_id, p_meeting, p_name, p_org, p_token, p_created
        WHERE (SELECT count(*) FROM participants WHERE meeting_id = p_meeting) < max_participants;
        RETURN FOUND;
      END
      $$;
    `,
  },
];

/**
 * Applies the migrations not applied yet, each in its own transaction. Several nodes may start at
 * once: an advisory lock lets one migrate while the others wait, then find nothing left to do.
 */
export async function migrate(pool: pg.Pool): Promise<void> {
  const { client, release } = await checkout(pool);
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('oogst.migrations'))");
    await client.query(
      `CREATE TABLE IF NOT EXISTS migrations (id ${T} PRIMARY KEY, applied_at BIGINT NOT NULL)`,
    );
    const done = new Set(
      (await client.query<{ id: string }>('SELECT id FROM migrations')).rows.map((r) => r.id),
    );
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO migrations (id, applied_at) VALUES ($1, $2)', [m.id, Date.now()]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
  } finally {
    // A client that could not let go of the lock is not handed out again.
    const unlocked = await client.query("SELECT pg_advisory_unlock(hashtext('oogst.migrations'))").then(
      () => true,
      () => false,
    );
    release(!unlocked);
  }
}
