import type { Database } from 'better-sqlite3';
import type { BoardVoteMethods, CastOutcome } from '../boardStore';
import { appliedOnce } from './applied';

/** [BOARD12] Dot votes: slot n of a participant's N votes on a board, never more than N rows. */
export function sqliteBoardVotes(db: Database): BoardVoteMethods {
  const voteById = db.prepare('SELECT * FROM board_votes WHERE id = ?');
  const noteAlive = db.prepare('SELECT board_id FROM board_notes WHERE id = ? AND deleted = 0');
  const slotsOf = db.prepare('SELECT slot FROM board_votes WHERE board_id = ? AND participant_id = ?');
  const insertVote = db.prepare(
    `INSERT INTO board_votes (id, board_id, note_id, participant_id, slot, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const deleteVote = db.prepare('DELETE FROM board_votes WHERE id = ? AND participant_id = ?');
  const myVotes = db.prepare(
    'SELECT id, note_id FROM board_votes WHERE board_id = ? AND participant_id = ? ORDER BY created_at, slot',
  );
  const counts = db.prepare(
    'SELECT note_id, count(*) AS n FROM board_votes WHERE board_id = ? GROUP BY note_id',
  );
  const total = db.prepare('SELECT count(*) AS n FROM board_votes WHERE board_id = ?');
  // [BOARD13] A synthesis copy's room votes are its original's votes (board_votes_note index).
  const originCounts = db.prepare(
    `SELECT c.id AS note_id, count(*) AS n FROM board_notes c JOIN board_votes v ON v.note_id = c.origin_id
     WHERE c.board_id = ? AND c.deleted = 0 AND c.origin_id IS NOT NULL GROUP BY c.id`,
  );

  const once = appliedOnce(db);

  return {
    async castVote(v, limit, key) {
      return once(
        key,
        (): CastOutcome => {
          if (voteById.get(v.id)) return 'exists';
          const alive = noteAlive.get(v.noteId) as { board_id: string } | undefined;
          if (!alive || alive.board_id !== v.boardId) return 'gone';
          const used = new Set(
            (slotsOf.all(v.boardId, v.participantId) as { slot: number }[]).map((r) => r.slot),
          );
          if (used.size >= limit) return 'limit';
          let slot = 0;
          while (used.has(slot)) slot++;
          insertVote.run(v.id, v.boardId, v.noteId, v.participantId, slot, v.at);
          return 'ok';
        },
        (o) => o === 'limit' || o === 'gone',
      );
    },
    async vote(id) {
      const r = voteById.get(id) as
        | { id: string; board_id: string; note_id: string; participant_id: string }
        | undefined;
      return r && { id: r.id, boardId: r.board_id, noteId: r.note_id, participantId: r.participant_id };
    },
    async retractVote(id, participantId) {
      return db.transaction(() => {
        const r = voteById.get(id) as { board_id: string; participant_id: string } | undefined;
        if (!r || r.participant_id !== participantId) return undefined;
        deleteVote.run(id, participantId);
        return { boardId: r.board_id };
      })();
    },
    async myVotes(boardId, participantId) {
      return (myVotes.all(boardId, participantId) as { id: string; note_id: string }[]).map((r) => ({
        id: r.id,
        noteId: r.note_id,
      }));
    },
    async voteCounts(boardId) {
      const out: Record<string, number> = {};
      for (const r of counts.all(boardId) as { note_id: string; n: number }[]) out[r.note_id] = r.n;
      return out;
    },
    async originVoteCounts(boardId) {
      const out: Record<string, number> = {};
      for (const r of originCounts.all(boardId) as { note_id: string; n: number }[]) out[r.note_id] = r.n;
      return out;
    },
    async voteTotal(boardId) {
      return (total.get(boardId) as { n: number }).n;
    },
  };
}
