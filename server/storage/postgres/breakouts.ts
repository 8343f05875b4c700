import { REPLAYED } from '../applied';
import type { BoardRecord, BreakoutRepo, MemberRecord } from '../boardStore';
import {
  type BoardRow,
  type BreakoutRow,
  type RoomRow,
  toBoard,
  toBreakout,
  toRoom,
} from '../sqlite/breakouts';
import { appliedOnce } from './applied';
import type { Db } from './db';

const ADD_BOARD = `INSERT INTO boards (id, activity_id, room_id, question_index, locked, anonymous, voting_open,
    vote_limit, votes_revealed, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`;
const boardParams = (b: BoardRecord) => [
  b.id,
  b.activityId,
  b.roomId,
  b.questionIndex,
  b.locked ? 1 : 0,
  b.anonymous ? 1 : 0,
  b.votingOpen ? 1 : 0,
  b.voteLimit,
  b.votesRevealed ? 1 : 0,
  b.createdAt,
];
type MemberRow = { participant_id: string; room_id: string };
const toMember = (r: MemberRow): MemberRecord => ({ participantId: r.participant_id, roomId: r.room_id });
const MEMBER =
  'SELECT participant_id, room_id FROM breakout_members WHERE activity_id = $1 AND participant_id = $2';

export function pgBreakouts(db: Db): BreakoutRepo {
  const insertBoards = async (t: Db, list: BoardRecord[]) => {
    for (const b of list) await t.query(ADD_BOARD, boardParams(b));
  };
  const once = appliedOnce(db);

  return {
    async get(activityId) {
      const r = await db.one<BreakoutRow>('SELECT * FROM breakouts WHERE activity_id = $1', [activityId]);
      return r && toBreakout(r);
    },
    async update(activityId, patch, key) {
      const answer = await once(key, async (t) => {
        const m = patch.message;
        await t.query('INSERT INTO breakouts (activity_id) VALUES ($1) ON CONFLICT DO NOTHING', [activityId]);
        await t.query(
          `UPDATE breakouts SET
             started_at = CASE WHEN $2 THEN $3::bigint ELSE started_at END,
             synthesis_at = CASE WHEN $4 THEN $5::bigint ELSE synthesis_at END,
             ends_at = CASE WHEN $6 THEN $7::bigint ELSE ends_at END,
             message_id = CASE WHEN $8 THEN $9 ELSE message_id END,
             message = CASE WHEN $8 THEN $10 ELSE message END,
             message_at = CASE WHEN $8 THEN $11::bigint ELSE message_at END
           WHERE activity_id = $1`,
          [
            activityId,
            patch.startedAt !== undefined,
            patch.startedAt ?? null,
            patch.synthesisAt !== undefined,
            patch.synthesisAt ?? null,
            patch.endsAt !== undefined,
            patch.endsAt ?? null,
            m !== undefined,
            m?.id ?? null,
            m?.text ?? null,
            m?.at ?? null,
          ],
        );
      });
      return answer !== REPLAYED;
    },
    async rooms(activityId) {
      return (
        await db.rows<RoomRow>('SELECT * FROM breakout_rooms WHERE activity_id = $1 ORDER BY position, id', [
          activityId,
        ])
      ).map(toRoom);
    },
    async pendingEnds() {
      const rows = await db.rows<{ activity_id: string; meeting_id: string; ends_at: number }>(
        `SELECT b.activity_id, a.meeting_id, b.ends_at FROM breakouts b JOIN activities a ON a.id = b.activity_id
         WHERE b.ends_at IS NOT NULL`,
      );
      return rows.map((r) => ({ activityId: r.activity_id, meetingId: r.meeting_id, endsAt: r.ends_at }));
    },
    addRooms(list, boardList, firstOnly = false) {
      return db.tx(async (t) => {
        const activityId = list[0]?.activityId;
        if (!activityId) return false;
        if (
          firstOnly &&
          (await t.one('SELECT 1 FROM breakout_rooms WHERE activity_id = $1 LIMIT 1', [activityId]))
        )
          return false;
        for (const r of list) {
          await t.query(
            'INSERT INTO breakout_rooms (id, activity_id, position, label) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
            [r.id, r.activityId, r.index, r.label],
          );
        }
        await insertBoards(t, boardList);
        return true;
      });
    },
    async members(activityId) {
      const rows = await db.rows<MemberRow>(
        `SELECT participant_id, room_id FROM breakout_members WHERE activity_id = $1
         ORDER BY placed_at, participant_id`,
        [activityId],
      );
      return rows.map(toMember);
    },
    async member(activityId, participantId) {
      const r = await db.one<MemberRow>(MEMBER, [activityId, participantId]);
      return r && toMember(r);
    },
    placeNew(activityId, entries, at) {
      return db.tx(async (t) => {
        const out: MemberRecord[] = [];
        for (const e of entries) {
          await t.query(
            `INSERT INTO breakout_members (activity_id, participant_id, room_id, placed_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING`,
            [activityId, e.participantId, e.roomId, at],
          );
          out.push(toMember((await t.one<MemberRow>(MEMBER, [activityId, e.participantId]))!));
        }
        return out;
      });
    },
    async place(activityId, entries, at) {
      await db.tx(async (t) => {
        for (const e of entries) {
          if (e.roomId === null) {
            await t.query('DELETE FROM breakout_members WHERE activity_id = $1 AND participant_id = $2', [
              activityId,
              e.participantId,
            ]);
          } else {
            await t.query(
              `INSERT INTO breakout_members (activity_id, participant_id, room_id, placed_at) VALUES ($1, $2, $3, $4)
               ON CONFLICT (activity_id, participant_id) DO UPDATE SET room_id = excluded.room_id,
                 placed_at = excluded.placed_at`,
              [activityId, e.participantId, e.roomId, at],
            );
          }
        }
      });
    },
    async boards(activityId) {
      const rows = await db.rows<BoardRow>(
        'SELECT * FROM boards WHERE activity_id = $1 ORDER BY room_id IS NULL, created_at, question_index, id',
        [activityId],
      );
      return rows.map(toBoard);
    },
    async board(id) {
      const r = await db.one<BoardRow>('SELECT * FROM boards WHERE id = $1', [id]);
      return r && toBoard(r);
    },
    async addBoards(list) {
      await db.tx((t) => insertBoards(t, list));
    },
    updateBoard(id, patch) {
      return db.tx(async (t) => {
        const r = await t.one<BoardRow>('SELECT * FROM boards WHERE id = $1', [id]);
        if (!r) return undefined;
        const next = { ...toBoard(r), ...patch };
        await t.query(
          `UPDATE boards SET locked = $2, anonymous = $3, voting_open = $4, vote_limit = $5, votes_revealed = $6
           WHERE id = $1`,
          [id, ...boardParams(next).slice(4, 9)],
        );
        return next;
      });
    },
  };
}
