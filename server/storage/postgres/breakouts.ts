import { REPLAYED } from '../applied';
import type { BoardRecord, BreakoutRepo, MemberRecord } from '../boardStore';
import { type Row as ActivityRow, toRecord as toActivity } from '../sqlite/activities';
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

const BOARD_TYPES = ['text', 'text', 'text', 'int', 'int', 'int', 'int', 'int', 'int', 'bigint'];
/** Boards from one array per column (`unnest`), in list order; existing ones are left alone. */
const ADD_BOARDS = `INSERT INTO boards (id, activity_id, room_id, question_index, locked, anonymous, voting_open,
    vote_limit, votes_revealed, created_at)
  SELECT * FROM unnest(${BOARD_TYPES.map((t, i) => `$${i + 1}::${t}[]`).join(', ')}) ON CONFLICT DO NOTHING`;
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
  /** All boards in one statement (a break-out's start adds rooms × questions of them). */
  const insertBoards = async (t: Db, list: BoardRecord[]) => {
    if (list.length === 0) return;
    const columns = list.map(boardParams);
    await t.query(
      ADD_BOARDS,
      BOARD_TYPES.map((_, i) => columns.map((c) => c[i])),
    );
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
        await t.query(
          `INSERT INTO breakout_rooms (id, activity_id, position, label)
             SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[]) ON CONFLICT DO NOTHING`,
          [
            list.map((r) => r.id),
            list.map((r) => r.activityId),
            list.map((r) => r.index),
            list.map((r) => r.label),
          ],
        );
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
    async placeNew(activityId, entries, at) {
      if (entries.length === 0) return [];
      // One statement: the new placements (RETURNING) and the ones that were there (its snapshot).
      const rows = await db.rows<MemberRow>(
        `WITH ins AS (
           INSERT INTO breakout_members (activity_id, participant_id, room_id, placed_at)
             SELECT $1, p, r, $4 FROM unnest($2::text[], $3::text[]) AS u(p, r)
             ON CONFLICT DO NOTHING RETURNING participant_id, room_id)
         SELECT participant_id, room_id FROM ins
         UNION ALL
         SELECT participant_id, room_id FROM breakout_members WHERE activity_id = $1 AND participant_id = ANY($2)`,
        [activityId, entries.map((e) => e.participantId), entries.map((e) => e.roomId), at],
      );
      const stored = new Map(rows.map((r) => [r.participant_id, toMember(r)]));
      return entries.map((e) => stored.get(e.participantId)!);
    },
    async place(activityId, entries, at) {
      // In order, as one after another would: a participant's last entry is where they end up.
      const last = new Map(entries.map((e) => [e.participantId, e.roomId] as const));
      const out = [...last].filter(([, room]) => room === null).map(([p]) => p);
      const into = [...last].filter((e): e is [string, string] => e[1] !== null);
      if (last.size === 0) return;
      // One statement: the two parts touch different participants.
      await db.query(
        `WITH gone AS (
           DELETE FROM breakout_members WHERE activity_id = $1 AND participant_id = ANY($2::text[]))
         INSERT INTO breakout_members (activity_id, participant_id, room_id, placed_at)
           SELECT $1, p, r, $5 FROM unnest($3::text[], $4::text[]) AS u(p, r)
           ON CONFLICT (activity_id, participant_id) DO UPDATE SET room_id = excluded.room_id,
             placed_at = excluded.placed_at`,
        [activityId, out, into.map(([p]) => p), into.map(([, r]) => r), at],
      );
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
    async boardContext(boardId, participantId) {
      // One statement: each row as JSON under its own column names, for the row mappers.
      const r = await db.one<{ b: BoardRow; a: ActivityRow; s: BreakoutRow | null; m: MemberRow | null }>(
        `SELECT row_to_json(b) AS b, row_to_json(a) AS a, row_to_json(s) AS s, row_to_json(m) AS m
           FROM boards b
           JOIN activities a ON a.id = b.activity_id
           LEFT JOIN breakouts s ON s.activity_id = b.activity_id
           LEFT JOIN breakout_members m ON m.activity_id = b.activity_id AND m.participant_id = $2
          WHERE b.id = $1`,
        [boardId, participantId],
      );
      if (!r) return undefined;
      return {
        board: toBoard(r.b),
        activity: toActivity(r.a),
        ...(r.s ? { state: toBreakout(r.s) } : {}),
        ...(r.m ? { member: toMember(r.m) } : {}),
      };
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
