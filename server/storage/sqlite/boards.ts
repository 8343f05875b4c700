import type { Database } from 'better-sqlite3';
import type { NoteColour } from '../../../shared/domain/board/palette';
import type { BoardRepo, NoteRecord, ThemeRecord } from '../boardStore';
import { appliedOnce } from './applied';
import { sqliteBoardVotes } from './boardVotes';

export interface NoteRow {
  id: string;
  board_id: string;
  author_id: string | null;
  author_name: string | null;
  by_staff: number;
  text: string;
  colour: string;
  x: number;
  y: number;
  theme_id: string | null;
  origin_id: string | null;
  room_label: string | null;
  version: number;
  deleted: number;
  created_at: number;
  updated_at: number;
}
export interface ThemeRow {
  id: string;
  board_id: string;
  heading: string;
  x: number;
  y: number;
  version: number;
  deleted: number;
  created_at: number;
}

export const toNote = (r: NoteRow): NoteRecord => ({
  id: r.id,
  boardId: r.board_id,
  authorId: r.author_id,
  authorName: r.author_name,
  byStaff: r.by_staff === 1,
  text: r.text,
  colour: r.colour as NoteColour,
  x: r.x,
  y: r.y,
  themeId: r.theme_id,
  originId: r.origin_id,
  roomLabel: r.room_label,
  version: r.version,
  deleted: r.deleted === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
export const toTheme = (r: ThemeRow): ThemeRecord => ({
  id: r.id,
  boardId: r.board_id,
  heading: r.heading,
  x: r.x,
  y: r.y,
  version: r.version,
  deleted: r.deleted === 1,
  createdAt: r.created_at,
});

export const NOTE_SELECT = `SELECT n.*, p.name AS author_name FROM board_notes n
  LEFT JOIN participants p ON p.id = n.author_id`;

/**
 * [BOARD8] Post-its and themes (votes: `boardVotes.ts`). Every write is a synchronous
 * better-sqlite3 statement or transaction: nothing else runs between reading a post-it and writing
 * it, and each change raises the version by one.
 */
export function sqliteBoards(db: Database): BoardRepo {
  const notesLive = db.prepare(
    `${NOTE_SELECT} WHERE n.board_id = ? AND n.deleted = 0 ORDER BY n.created_at, n.id`,
  );
  const notesAll = db.prepare(`${NOTE_SELECT} WHERE n.board_id = ? ORDER BY n.created_at, n.id`);
  const noteById = db.prepare(`${NOTE_SELECT} WHERE n.id = ?`);
  const countLive = db.prepare('SELECT count(*) AS n FROM board_notes WHERE board_id = ? AND deleted = 0');
  const insertNote = db.prepare(
    `INSERT INTO board_notes (id, board_id, author_id, by_staff, text, colour, x, y, theme_id, origin_id,
       room_label, version, deleted, created_at, updated_at)
     VALUES (@id, @boardId, @authorId, @byStaff, @text, @colour, @x, @y, @themeId, @originId, @roomLabel,
       @version, 0, @createdAt, @updatedAt)`,
  );
  const copyNote = db.prepare(
    `INSERT OR IGNORE INTO board_notes (id, board_id, author_id, by_staff, text, colour, x, y, theme_id,
       origin_id, room_label, version, deleted, created_at, updated_at)
     VALUES (@id, @boardId, @authorId, @byStaff, @text, @colour, @x, @y, NULL, @originId, @roomLabel, 1, 0,
       @createdAt, @updatedAt)`,
  );
  const liveTheme = db.prepare('SELECT 1 FROM board_themes WHERE id = ? AND board_id = ? AND deleted = 0');
  const updateNote = db.prepare(
    `UPDATE board_notes SET
       text = coalesce(@text, text), colour = coalesce(@colour, colour),
       x = coalesce(@x, x), y = coalesce(@y, y),
       theme_id = CASE WHEN @setTheme = 1 THEN @themeId ELSE theme_id END,
       version = version + 1, updated_at = @at
     WHERE id = @id AND deleted = 0`,
  );
  const markDeleted = db.prepare(
    'UPDATE board_notes SET deleted = 1, version = version + 1, updated_at = ? WHERE id = ? AND deleted = 0',
  );
  const votersOf = db.prepare('SELECT DISTINCT participant_id FROM board_votes WHERE note_id = ?');
  const dropVotes = db.prepare('DELETE FROM board_votes WHERE note_id = ?');
  const setThemeOne = db.prepare(
    `UPDATE board_notes SET theme_id = ?, version = version + 1, updated_at = ?
     WHERE id = ? AND board_id = ? AND deleted = 0 AND theme_id IS NOT ?`,
  );

  const themesLive = db.prepare(
    'SELECT * FROM board_themes WHERE board_id = ? AND deleted = 0 ORDER BY created_at, id',
  );
  const themeById = db.prepare('SELECT * FROM board_themes WHERE id = ?');
  const countThemes = db.prepare('SELECT count(*) AS n FROM board_themes WHERE board_id = ? AND deleted = 0');
  const insertTheme = db.prepare(
    `INSERT INTO board_themes (id, board_id, heading, x, y, version, deleted, created_at)
     VALUES (@id, @boardId, @heading, @x, @y, @version, 0, @createdAt)`,
  );
  const updateTheme = db.prepare(
    `UPDATE board_themes SET heading = coalesce(@heading, heading), x = coalesce(@x, x), y = coalesce(@y, y),
       version = version + 1 WHERE id = @id AND deleted = 0`,
  );
  const deleteTheme = db.prepare('UPDATE board_themes SET deleted = 1, version = version + 1 WHERE id = ?');
  const inTheme = db.prepare('SELECT id FROM board_notes WHERE theme_id = ? AND deleted = 0');
  const moveOut = db.prepare(
    `UPDATE board_notes SET theme_id = NULL, x = ?, y = ?, version = version + 1, updated_at = ?
     WHERE id = ? AND theme_id = ? AND deleted = 0`,
  );

  const once = appliedOnce(db);
  const getNote = (id: string) => {
    const r = noteById.get(id) as NoteRow | undefined;
    return r && toNote(r);
  };
  const putInTheme = (boardId: string, ids: string[], themeId: string | null, at: number) => {
    const changed: NoteRecord[] = [];
    for (const id of new Set(ids)) {
      if (setThemeOne.run(themeId, at, id, boardId, themeId).changes > 0) changed.push(getNote(id)!);
    }
    return changed;
  };

  return {
    async notes(boardId, withDeleted = false) {
      return ((withDeleted ? notesAll : notesLive).all(boardId) as NoteRow[]).map(toNote);
    },
    async note(id) {
      return getNote(id);
    },
    async createNote(n, max) {
      return db.transaction((): NoteRecord | 'full' => {
        const existing = getNote(n.id);
        if (existing) return existing;
        if ((countLive.get(n.boardId) as { n: number }).n >= max) return 'full';
        const themeId = n.themeId && liveTheme.get(n.themeId, n.boardId) ? n.themeId : null;
        insertNote.run({ ...n, themeId, byStaff: n.byStaff ? 1 : 0 });
        return getNote(n.id)!;
      })();
    },
    async updateNote(id, patch, at, key) {
      return once(
        key,
        (): NoteRecord | 'no_theme' | undefined => {
          const current = getNote(id);
          if (!current) return undefined;
          if (current.deleted) return current;
          const setTheme = patch.themeId !== undefined;
          if (setTheme && patch.themeId !== null && !liveTheme.get(patch.themeId, current.boardId))
            return 'no_theme';
          updateNote.run({
            id,
            text: patch.text ?? null,
            colour: patch.colour ?? null,
            x: patch.x ?? null,
            y: patch.y ?? null,
            setTheme: setTheme ? 1 : 0,
            themeId: patch.themeId ?? null,
            at,
          });
          return getNote(id);
        },
        (n) => n === undefined || n === 'no_theme' || n.deleted,
      );
    },
    async deleteNote(id, at) {
      return db.transaction(() => {
        const current = getNote(id);
        if (!current) return undefined;
        if (current.deleted) return { note: current, voters: [] };
        const voters = (votersOf.all(id) as { participant_id: string }[]).map((r) => r.participant_id);
        dropVotes.run(id);
        markDeleted.run(at, id);
        return { note: getNote(id)!, voters };
      })();
    },
    async setTheme(boardId, noteIds, themeId, at) {
      return db.transaction((): NoteRecord[] | 'no_theme' => {
        if (themeId !== null && !liveTheme.get(themeId, boardId)) return 'no_theme';
        return putInTheme(boardId, noteIds, themeId, at);
      })();
    },
    async copyNotes(list) {
      return db.transaction(() => {
        let added = 0;
        for (const n of list) added += copyNote.run({ ...n, byStaff: n.byStaff ? 1 : 0 }).changes;
        return added;
      })();
    },

    async themes(boardId) {
      return (themesLive.all(boardId) as ThemeRow[]).map(toTheme);
    },
    async theme(id) {
      const r = themeById.get(id) as ThemeRow | undefined;
      return r && toTheme(r);
    },
    async createTheme(t, noteIds, max) {
      return db.transaction(() => {
        const existing = themeById.get(t.id) as ThemeRow | undefined;
        if (existing) return { theme: toTheme(existing), notes: [] };
        if ((countThemes.get(t.boardId) as { n: number }).n >= max) return 'full' as const;
        insertTheme.run(t);
        return { theme: t, notes: putInTheme(t.boardId, noteIds, t.id, t.createdAt) };
      })();
    },
    async updateTheme(id, patch, key) {
      return once(
        key,
        () => {
          updateTheme.run({ id, heading: patch.heading ?? null, x: patch.x ?? null, y: patch.y ?? null });
          const r = themeById.get(id) as ThemeRow | undefined;
          return r && toTheme(r);
        },
        (t) => !t || t.deleted,
      );
    },
    // Merging and dissolving a theme that is gone change nothing (the service refuses before).
    async mergeTheme(id, intoId, at, key) {
      return once(key, () => {
        const from = themeById.get(id) as ThemeRow | undefined;
        if (!from || from.deleted || !liveTheme.get(intoId, from.board_id)) return [];
        const ids = (inTheme.all(id) as { id: string }[]).map((r) => r.id);
        const moved = putInTheme(from.board_id, ids, intoId, at);
        deleteTheme.run(id);
        return moved;
      });
    },
    async dissolveTheme(id, positions, at, key) {
      return once(key, () => {
        const t = themeById.get(id) as ThemeRow | undefined;
        if (!t || t.deleted) return [];
        const changed: NoteRecord[] = [];
        for (const { id: noteId } of inTheme.all(id) as { id: string }[]) {
          const p = positions.get(noteId) ?? getNote(noteId)!;
          if (moveOut.run(p.x, p.y, at, noteId, id).changes > 0) changed.push(getNote(noteId)!);
        }
        deleteTheme.run(id);
        return changed;
      });
    },

    ...sqliteBoardVotes(db),
  };
}
