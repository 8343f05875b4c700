import type { Database } from 'better-sqlite3';
import { REPLAYED } from '../applied';
import type { BoardRecord, BreakoutRecord, BreakoutRepo, MemberRecord, RoomRecord } from '../boardStore';
import { type Row as ActivityRow, toRecord as toActivity } from './activities';
import { appliedOnce } from './applied';

export interface BreakoutRow {
  activity_id: string;
  started_at: number | null;
  synthesis_at: number | null;
  message_id: string | null;
  message: string | null;
  message_at: number | null;
  ends_at: number | null;
}
export interface RoomRow {
  id: string;
  activity_id: string;
  position: number;
  label: string;
}
export interface BoardRow {
  id: string;
  activity_id: string;
  room_id: string | null;
  question_index: number;
  locked: number;
  anonymous: number;
  voting_open: number;
  vote_limit: number;
  votes_revealed: number;
  created_at: number;
}

export const toBreakout = (r: BreakoutRow): BreakoutRecord => ({
  activityId: r.activity_id,
  startedAt: r.started_at,
  synthesisAt: r.synthesis_at,
  message:
    r.message_id && r.message !== null && r.message_at !== null
      ? { id: r.message_id, text: r.message, at: r.message_at }
      : null,
  endsAt: r.ends_at ?? null,
});
export const toRoom = (r: RoomRow): RoomRecord => ({
  id: r.id,
  activityId: r.activity_id,
  index: r.position,
  label: r.label,
});
export const toBoard = (r: BoardRow): BoardRecord => ({
  id: r.id,
  activityId: r.activity_id,
  roomId: r.room_id,
  questionIndex: r.question_index,
  locked: r.locked === 1,
  anonymous: r.anonymous === 1,
  votingOpen: r.voting_open === 1,
  voteLimit: r.vote_limit,
  votesRevealed: r.votes_revealed === 1,
  createdAt: r.created_at,
});

export function sqliteBreakouts(db: Database): BreakoutRepo {
  const get = db.prepare('SELECT * FROM breakouts WHERE activity_id = ?');
  const ensure = db.prepare('INSERT OR IGNORE INTO breakouts (activity_id) VALUES (?)');
  const setStarted = db.prepare('UPDATE breakouts SET started_at = ? WHERE activity_id = ?');
  const setSynthesis = db.prepare('UPDATE breakouts SET synthesis_at = ? WHERE activity_id = ?');
  const setEnds = db.prepare('UPDATE breakouts SET ends_at = ? WHERE activity_id = ?');
  const pendingEnds = db.prepare(
    `SELECT b.activity_id, a.meeting_id, b.ends_at FROM breakouts b JOIN activities a ON a.id = b.activity_id
     WHERE b.ends_at IS NOT NULL`,
  );
  const setMessage = db.prepare(
    'UPDATE breakouts SET message_id = ?, message = ?, message_at = ? WHERE activity_id = ?',
  );
  const rooms = db.prepare('SELECT * FROM breakout_rooms WHERE activity_id = ? ORDER BY position, id');
  const addRoom = db.prepare(
    'INSERT OR IGNORE INTO breakout_rooms (id, activity_id, position, label) VALUES (?, ?, ?, ?)',
  );
  const members = db.prepare(
    'SELECT participant_id, room_id FROM breakout_members WHERE activity_id = ? ORDER BY placed_at, participant_id',
  );
  const member = db.prepare(
    'SELECT participant_id, room_id FROM breakout_members WHERE activity_id = ? AND participant_id = ?',
  );
  const placeOne = db.prepare(
    `INSERT INTO breakout_members (activity_id, participant_id, room_id, placed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (activity_id, participant_id) DO UPDATE SET room_id = excluded.room_id, placed_at = excluded.placed_at`,
  );
  const placeIfNew = db.prepare(
    `INSERT OR IGNORE INTO breakout_members (activity_id, participant_id, room_id, placed_at) VALUES (?, ?, ?, ?)`,
  );
  const unplace = db.prepare('DELETE FROM breakout_members WHERE activity_id = ? AND participant_id = ?');
  const boards = db.prepare(
    'SELECT * FROM boards WHERE activity_id = ? ORDER BY room_id IS NULL, created_at, question_index, id',
  );
  const board = db.prepare('SELECT * FROM boards WHERE id = ?');
  const activity = db.prepare('SELECT * FROM activities WHERE id = ?');
  const addBoard = db.prepare(
    `INSERT OR IGNORE INTO boards (id, activity_id, room_id, question_index, locked, anonymous, voting_open,
       vote_limit, votes_revealed, created_at)
     VALUES (@id, @activityId, @roomId, @questionIndex, @locked, @anonymous, @votingOpen, @voteLimit,
       @votesRevealed, @createdAt)`,
  );
  const updateBoard = db.prepare(
    `UPDATE boards SET locked = @locked, anonymous = @anonymous, voting_open = @votingOpen,
       vote_limit = @voteLimit, votes_revealed = @votesRevealed WHERE id = @id`,
  );
  const boardParams = (b: BoardRecord) => ({
    ...b,
    locked: b.locked ? 1 : 0,
    anonymous: b.anonymous ? 1 : 0,
    votingOpen: b.votingOpen ? 1 : 0,
    votesRevealed: b.votesRevealed ? 1 : 0,
  });
  const insertBoards = (list: BoardRecord[]) => {
    for (const b of list) addBoard.run(boardParams(b));
  };
  const once = appliedOnce(db);

  return {
    async get(activityId) {
      const r = get.get(activityId) as BreakoutRow | undefined;
      return r && toBreakout(r);
    },
    async update(activityId, patch, key) {
      return (
        once(key, () => {
          ensure.run(activityId);
          if (patch.startedAt !== undefined) setStarted.run(patch.startedAt, activityId);
          if (patch.synthesisAt !== undefined) setSynthesis.run(patch.synthesisAt, activityId);
          if (patch.endsAt !== undefined) setEnds.run(patch.endsAt, activityId);
          if (patch.message !== undefined) {
            const m = patch.message;
            setMessage.run(m?.id ?? null, m?.text ?? null, m?.at ?? null, activityId);
          }
        }) !== REPLAYED
      );
    },
    async rooms(activityId) {
      return (rooms.all(activityId) as RoomRow[]).map(toRoom);
    },
    async pendingEnds() {
      return (pendingEnds.all() as { activity_id: string; meeting_id: string; ends_at: number }[]).map(
        (r) => ({ activityId: r.activity_id, meetingId: r.meeting_id, endsAt: r.ends_at }),
      );
    },
    async addRooms(list, boardList, firstOnly = false) {
      return db.transaction(() => {
        const activityId = list[0]?.activityId;
        if (!activityId) return false;
        if (firstOnly && rooms.get(activityId)) return false;
        for (const r of list) addRoom.run(r.id, r.activityId, r.index, r.label);
        insertBoards(boardList);
        return true;
      })();
    },
    async members(activityId) {
      return (members.all(activityId) as { participant_id: string; room_id: string }[]).map(
        (r): MemberRecord => ({ participantId: r.participant_id, roomId: r.room_id }),
      );
    },
    async member(activityId, participantId) {
      const r = member.get(activityId, participantId) as
        | { participant_id: string; room_id: string }
        | undefined;
      return r && { participantId: r.participant_id, roomId: r.room_id };
    },
    async placeNew(activityId, entries, at) {
      return db.transaction(() =>
        entries.map((e): MemberRecord => {
          placeIfNew.run(activityId, e.participantId, e.roomId, at);
          const r = member.get(activityId, e.participantId) as { participant_id: string; room_id: string };
          return { participantId: r.participant_id, roomId: r.room_id };
        }),
      )();
    },
    async place(activityId, entries, at) {
      db.transaction(() => {
        for (const e of entries) {
          if (e.roomId === null) unplace.run(activityId, e.participantId);
          else placeOne.run(activityId, e.participantId, e.roomId, at);
        }
      })();
    },
    async boards(activityId) {
      return (boards.all(activityId) as BoardRow[]).map(toBoard);
    },
    async board(id) {
      const r = board.get(id) as BoardRow | undefined;
      return r && toBoard(r);
    },
    async boardContext(boardId, participantId) {
      const b = board.get(boardId) as BoardRow | undefined;
      const a = b && (activity.get(b.activity_id) as ActivityRow | undefined);
      if (!b || !a) return undefined;
      const st = get.get(b.activity_id) as BreakoutRow | undefined;
      const m =
        participantId === null
          ? undefined
          : (member.get(b.activity_id, participantId) as
              | { participant_id: string; room_id: string }
              | undefined);
      return {
        board: toBoard(b),
        activity: toActivity(a),
        ...(st ? { state: toBreakout(st) } : {}),
        ...(m ? { member: { participantId: m.participant_id, roomId: m.room_id } } : {}),
      };
    },
    async addBoards(list) {
      db.transaction(() => insertBoards(list))();
    },
    async updateBoard(id, patch) {
      return db.transaction(() => {
        const r = board.get(id) as BoardRow | undefined;
        if (!r) return undefined;
        const next = { ...toBoard(r), ...patch };
        updateBoard.run(boardParams(next));
        return next;
      })();
    },
  };
}
