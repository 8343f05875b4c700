import type { BoardVoteMethods, CastOutcome } from '../boardStore';
import { appliedOnce } from './applied';
import type { Db } from './db';

type VoteRow = { id: string; board_id: string; note_id: string; participant_id: string };

type CountRow = { note_id: string; n: number };
const counted = (rows: CountRow[]) => {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.note_id] = r.n;
  return out;
};

/** [BOARD12] Dot votes: slot n of a participant's N votes on a board, never more than N rows. */
export function pgBoardVotes(db: Db): BoardVoteMethods {
  const once = appliedOnce(db);
  const voteById = (t: Db, id: string) => t.one<VoteRow>('SELECT * FROM board_votes WHERE id = $1', [id]);
  return {
    castVote(v, limit, key) {
      return once(
        key,
        async (t): Promise<CastOutcome> => {
          if (await voteById(t, v.id)) return 'exists';
          const alive = await t.one<{ board_id: string }>(
            'SELECT board_id FROM board_notes WHERE id = $1 AND deleted = 0',
            [v.noteId],
          );
          if (!alive || alive.board_id !== v.boardId) return 'gone';
          const slots = await t.rows<{ slot: number }>(
            'SELECT slot FROM board_votes WHERE board_id = $1 AND participant_id = $2',
            [v.boardId, v.participantId],
          );
          const used = new Set(slots.map((r) => r.slot));
          if (used.size >= limit) return 'limit';
          let slot = 0;
          while (used.has(slot)) slot++;
          await t.query(
            `INSERT INTO board_votes (id, board_id, note_id, participant_id, slot, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [v.id, v.boardId, v.noteId, v.participantId, slot, v.at],
          );
          return 'ok';
        },
        (o) => o === 'limit' || o === 'gone',
      );
    },
    async vote(id) {
      const r = await voteById(db, id);
      return r && { id: r.id, boardId: r.board_id, noteId: r.note_id, participantId: r.participant_id };
    },
    retractVote(id, participantId) {
      return db.tx(async (t) => {
        const r = await voteById(t, id);
        if (!r || r.participant_id !== participantId) return undefined;
        await t.query('DELETE FROM board_votes WHERE id = $1 AND participant_id = $2', [id, participantId]);
        return { boardId: r.board_id };
      });
    },
    async myVotes(boardId, participantId) {
      const rows = await db.rows<{ id: string; note_id: string }>(
        'SELECT id, note_id FROM board_votes WHERE board_id = $1 AND participant_id = $2 ORDER BY created_at, slot',
        [boardId, participantId],
      );
      return rows.map((r) => ({ id: r.id, noteId: r.note_id }));
    },
    async voteCounts(boardId) {
      return counted(
        await db.rows<CountRow>(
          'SELECT note_id, count(*) AS n FROM board_votes WHERE board_id = $1 GROUP BY note_id ORDER BY note_id',
          [boardId],
        ),
      );
    },
    async originVoteCounts(boardId) {
      // [BOARD13] A synthesis copy's room votes are its original's votes.
      return counted(
        await db.rows<CountRow>(
          `SELECT c.id AS note_id, count(*) AS n FROM board_notes c JOIN board_votes v ON v.note_id = c.origin_id
           WHERE c.board_id = $1 AND c.deleted = 0 AND c.origin_id IS NOT NULL GROUP BY c.id ORDER BY c.id`,
          [boardId],
        ),
      );
    },
    async voteTotal(boardId) {
      return (await db.one<{ n: number }>('SELECT count(*) AS n FROM board_votes WHERE board_id = $1', [
        boardId,
      ]))!.n;
    },
  };
}
