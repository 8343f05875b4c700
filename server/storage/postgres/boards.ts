import { REPLAYED } from '../applied';
import type { BoardRepo, NoteRecord, ThemeRecord } from '../boardStore';
import { NOTE_SELECT, type NoteRow, type ThemeRow, toNote, toTheme } from '../sqlite/boards';
import { appliedOnce } from './applied';
import { pgBoardVotes } from './boardVotes';
import type { Db } from './db';

type NoteInput = Omit<NoteRecord, 'authorName'>;
const noteParams = (n: NoteInput) => [
  n.id,
  n.boardId,
  n.authorId,
  n.byStaff ? 1 : 0,
  n.text,
  n.colour,
  n.x,
  n.y,
  n.themeId,
  n.originId,
  n.roomLabel,
  n.version,
  n.createdAt,
  n.updatedAt,
];
const INSERT_NOTE = `INSERT INTO board_notes (id, board_id, author_id, by_staff, text, colour, x, y, theme_id, origin_id,
    room_label, version, created_at, updated_at, deleted) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
    $13, $14, 0)`;

/** A written post-it with its author's name, as NOTE_SELECT gives it. */
const WITH_AUTHOR = (cte: string) =>
  `SELECT ${cte}.*, p.name AS author_name FROM ${cte} LEFT JOIN participants p ON p.id = ${cte}.author_id`;
/** INSERT_NOTE's values ($1–$14) with the board's limit ($15): inserted unless full or the id exists. */
const CREATE_NOTE = `WITH ins AS (
    INSERT INTO board_notes (id, board_id, author_id, by_staff, text, colour, x, y, theme_id, origin_id,
      room_label, version, created_at, updated_at, deleted)
    SELECT $1, $2, $3, $4, $5, $6, $7, $8,
      CASE WHEN EXISTS (SELECT 1 FROM board_themes WHERE id = $9::text AND board_id = $2 AND deleted = 0)
        THEN $9::text END,
      $10, $11, $12, $13, $14, 0
    WHERE (SELECT count(*) FROM board_notes WHERE board_id = $2 AND deleted = 0) < $15
    ON CONFLICT (id) DO NOTHING
    RETURNING *
  ) ${WITH_AUTHOR('ins')}`;
/** The fields given ($2–$5, $7 when $6), a new version, the time ($8). */
const SET_NOTE = `UPDATE board_notes SET text = coalesce($2, text), colour = coalesce($3, colour),
    x = coalesce($4, x), y = coalesce($5, y),
    theme_id = CASE WHEN $6 THEN $7::text ELSE theme_id END,
    version = version + 1, updated_at = $8`;
const UPDATE_NOTE = `WITH upd AS (${SET_NOTE} WHERE id = $1 AND deleted = 0 RETURNING *) ${WITH_AUTHOR('upd')}`;
/** UPDATE_NOTE with the command's key ($9–$12) claimed in the same statement (RECON6). */
const UPDATE_NOTE_ONCE = `WITH claim AS (
    INSERT INTO applied_commands (meeting_id, actor, command_id, applied_at)
    SELECT $9, $10, $11, $12 WHERE EXISTS (SELECT 1 FROM board_notes WHERE id = $1 AND deleted = 0)
    ON CONFLICT DO NOTHING
    RETURNING 1
  ), upd AS (${SET_NOTE} WHERE id = $1 AND deleted = 0 AND EXISTS (SELECT 1 FROM claim) RETURNING *)
  ${WITH_AUTHOR('upd')}`;

/**
 * [BOARD8] Post-its and themes (votes: `boardVotes.ts`), the same statements as SQLite's
 * (`../sqlite/boards.ts`): each change is one transaction that raises the version by one, and
 * transactions are serializable, so nothing runs between reading a post-it and writing it.
 */
export function pgBoards(db: Db): BoardRepo {
  const once = appliedOnce(db);
  const getNote = async (t: Db, id: string) => {
    const r = await t.one<NoteRow>(`${NOTE_SELECT} WHERE n.id = $1`, [id]);
    return r && toNote(r);
  };
  const getTheme = (t: Db, id: string) => t.one<ThemeRow>('SELECT * FROM board_themes WHERE id = $1', [id]);
  const liveTheme = async (t: Db, id: string, boardId: string) =>
    (await t.one('SELECT 1 FROM board_themes WHERE id = $1 AND board_id = $2 AND deleted = 0', [
      id,
      boardId,
    ])) !== undefined;
  const putInTheme = async (t: Db, boardId: string, ids: string[], themeId: string | null, at: number) => {
    const changed: NoteRecord[] = [];
    for (const id of new Set(ids)) {
      const r = await t.query(
        `UPDATE board_notes SET theme_id = $1, version = version + 1, updated_at = $2
         WHERE id = $3 AND board_id = $4 AND deleted = 0 AND theme_id IS DISTINCT FROM $1`,
        [themeId, at, id, boardId],
      );
      if ((r.rowCount ?? 0) > 0) changed.push((await getNote(t, id))!);
    }
    return changed;
  };
  const deleteTheme = (t: Db, id: string) =>
    t.query('UPDATE board_themes SET deleted = 1, version = version + 1 WHERE id = $1', [id]);
  const inTheme = async (t: Db, id: string) =>
    (
      await t.rows<{ id: string }>(
        'SELECT id FROM board_notes WHERE theme_id = $1 AND deleted = 0 ORDER BY created_at, id',
        [id],
      )
    ).map((r) => r.id);

  return {
    async notes(boardId, withDeleted = false) {
      const rows = await db.rows<NoteRow>(
        `${NOTE_SELECT} WHERE n.board_id = $1 ${withDeleted ? '' : 'AND n.deleted = 0'} ORDER BY n.created_at, n.id`,
        [boardId],
      );
      return rows.map(toNote);
    },
    note(id) {
      return getNote(db, id);
    },
    // One statement (one round trip): the limit, the theme's check and the insert together.
    async createNote(n, max) {
      const row = await db.one<NoteRow>(CREATE_NOTE, [...noteParams(n), max]);
      if (row) return toNote(row);
      return (await getNote(db, n.id)) ?? 'full';
    },
    async updateNote(id, patch, at, key) {
      const setTheme = patch.themeId !== undefined;
      const params = [
        id,
        patch.text ?? null,
        patch.colour ?? null,
        patch.x ?? null,
        patch.y ?? null,
        setTheme,
        patch.themeId ?? null,
        at,
      ];
      // The common change (a move, an edit, out of a theme) is one statement: the command's id
      // claimed only when the post-it is live, the change only when the id was new. When nothing
      // came back, the post-it is gone or deleted (nothing was claimed), or this is a replay.
      if (!setTheme || patch.themeId === null) {
        const row = key
          ? await db.one<NoteRow>(UPDATE_NOTE_ONCE, [
              ...params,
              key.meetingId,
              key.actor,
              key.commandId,
              Date.now(),
            ])
          : await db.one<NoteRow>(UPDATE_NOTE, params);
        if (row) return toNote(row);
        const current = await getNote(db, id);
        if (!current || current.deleted) return current;
        return key ? REPLAYED : current;
      }
      return once(
        key,
        async (t): Promise<NoteRecord | 'no_theme' | undefined> => {
          const current = await getNote(t, id);
          if (!current) return undefined;
          if (current.deleted) return current;
          if (!(await liveTheme(t, patch.themeId!, current.boardId))) return 'no_theme';
          await t.query(`${SET_NOTE} WHERE id = $1 AND deleted = 0`, params);
          return getNote(t, id);
        },
        (n) => n === undefined || n === 'no_theme' || n.deleted,
      );
    },
    deleteNote(id, at) {
      return db.tx(async (t) => {
        const current = await getNote(t, id);
        if (!current) return undefined;
        if (current.deleted) return { note: current, voters: [] };
        const voters = (
          await t.rows<{ participant_id: string }>(
            'SELECT DISTINCT participant_id FROM board_votes WHERE note_id = $1 ORDER BY participant_id',
            [id],
          )
        ).map((r) => r.participant_id);
        await t.query('DELETE FROM board_votes WHERE note_id = $1', [id]);
        await t.query(
          'UPDATE board_notes SET deleted = 1, version = version + 1, updated_at = $1 WHERE id = $2 AND deleted = 0',
          [at, id],
        );
        return { note: (await getNote(t, id))!, voters };
      });
    },
    setTheme(boardId, noteIds, themeId, at) {
      return db.tx(async (t): Promise<NoteRecord[] | 'no_theme'> => {
        if (themeId !== null && !(await liveTheme(t, themeId, boardId))) return 'no_theme';
        return putInTheme(t, boardId, noteIds, themeId, at);
      });
    },
    copyNotes(list) {
      return db.tx(async (t) => {
        let added = 0;
        for (const n of list) {
          const r = await t.query(
            `${INSERT_NOTE} ON CONFLICT DO NOTHING`,
            noteParams({ ...n, themeId: null, version: 1 }),
          );
          added += r.rowCount ?? 0;
        }
        return added;
      });
    },

    async themes(boardId) {
      const rows = await db.rows<ThemeRow>(
        'SELECT * FROM board_themes WHERE board_id = $1 AND deleted = 0 ORDER BY created_at, id',
        [boardId],
      );
      return rows.map(toTheme);
    },
    async theme(id) {
      const r = await getTheme(db, id);
      return r && toTheme(r);
    },
    createTheme(th, noteIds, max) {
      return db.tx(async (t): Promise<{ theme: ThemeRecord; notes: NoteRecord[] } | 'full'> => {
        const existing = await getTheme(t, th.id);
        if (existing) return { theme: toTheme(existing), notes: [] };
        const live = await t.one<{ n: number }>(
          'SELECT count(*) AS n FROM board_themes WHERE board_id = $1 AND deleted = 0',
          [th.boardId],
        );
        if (live!.n >= max) return 'full';
        await t.query(
          `INSERT INTO board_themes (id, board_id, heading, x, y, version, deleted, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, 0, $7)`,
          [th.id, th.boardId, th.heading, th.x, th.y, th.version, th.createdAt],
        );
        return { theme: th, notes: await putInTheme(t, th.boardId, noteIds, th.id, th.createdAt) };
      });
    },
    updateTheme(id, patch, key) {
      return once(
        key,
        async (t) => {
          await t.query(
            `UPDATE board_themes SET heading = coalesce($2, heading), x = coalesce($3, x), y = coalesce($4, y),
               version = version + 1 WHERE id = $1 AND deleted = 0`,
            [id, patch.heading ?? null, patch.x ?? null, patch.y ?? null],
          );
          const r = await getTheme(t, id);
          return r && toTheme(r);
        },
        (th) => !th || th.deleted,
      );
    },
    // Merging and dissolving a theme that is gone change nothing (the service refuses before).
    mergeTheme(id, intoId, at, key) {
      return once(key, async (t) => {
        const from = await getTheme(t, id);
        if (!from || from.deleted || !(await liveTheme(t, intoId, from.board_id))) return [];
        const moved = await putInTheme(t, from.board_id, await inTheme(t, id), intoId, at);
        await deleteTheme(t, id);
        return moved;
      });
    },
    dissolveTheme(id, positions, at, key) {
      return once(key, async (t) => {
        const th = await getTheme(t, id);
        if (!th || th.deleted) return [];
        const changed: NoteRecord[] = [];
        for (const noteId of await inTheme(t, id)) {
          const p = positions.get(noteId) ?? (await getNote(t, noteId))!;
          const r = await t.query(
            `UPDATE board_notes SET theme_id = NULL, x = $1, y = $2, version = version + 1, updated_at = $3
             WHERE id = $4 AND theme_id = $5 AND deleted = 0`,
            [p.x, p.y, at, noteId, id],
          );
          if ((r.rowCount ?? 0) > 0) changed.push((await getNote(t, noteId))!);
        }
        await deleteTheme(t, id);
        return changed;
      });
    },
    ...pgBoardVotes(db),
  };
}
