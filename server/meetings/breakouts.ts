import { type BoardAccess, boardAccess, type Viewer } from '../../shared/domain/board/access';
import { roomCapacity } from '../../shared/domain/board/assign';
import { BOARD_LIMITS } from '../../shared/domain/board/limits';
import type { BreakoutResults } from '../../shared/domain/board/results';
import type { BreakoutView, Placement } from '../../shared/domain/board/types';
import { isStaff } from '../../shared/domain/roles';
import { DomainError } from '../../shared/protocol/ack';
import type { BreakoutSpec } from '../../shared/protocol/schemas/board';
import type { CommandKey } from '../storage/applied';
import type { BoardRecord, RoomRecord } from '../storage/boardStore';
import type { ActivityRecord, Store } from '../storage/store';
import { boardView } from './boardViews';
import { placeLate, startBreakout } from './breakoutPlacement';
import { breakoutResults } from './breakoutResults';
import { newBoards, roomLabel, roomViews } from './breakoutRooms';
import { copyToSynthesis } from './breakoutSynthesis';
import type { Session } from './meetings';
import { wasApplied } from './replay';

export type BreakoutActivity = ActivityRecord & { spec: BreakoutSpec };
export const isBreakout = (a: ActivityRecord): a is BreakoutActivity => a.spec.kind === 'breakout';

/** A participant's room changed. */
export interface PlaceChange {
  activityId: string;
  participantId: string;
  roomId: string | null;
}

/** Everything a board command needs to decide: the board, its break-out, who asks, and what they may. */
export interface BoardContext {
  board: BoardRecord;
  activity: BreakoutActivity;
  viewer: Viewer;
  access: BoardAccess;
}

/**
 * [BOARD1–BOARD5][BOARD13] Break-out rooms: making them when the break-outs start, placing people
 * (at the start, late, by the facilitator, or by choice), who may see which board, the message to
 * all rooms, the plenary synthesis, and the results.
 */
export class BreakoutService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    /** Participant ids online now (across nodes): only they are placed at the start. */
    private readonly online: (meetingId: string) => Promise<Set<string>>,
    private readonly random: () => number = Math.random,
  ) {}

  async own(meetingId: string, activityId: string, db: Store = this.store): Promise<BreakoutActivity> {
    const a = await db.activities.get(activityId);
    if (!a || a.meetingId !== meetingId || !isBreakout(a)) {
      throw new DomainError('not_found', 'no such break-out');
    }
    return a;
  }

  /** [BOARD5] Rooms and board settings; room membership only for staff. */
  async view(a: BreakoutActivity, staff: boolean): Promise<BreakoutView> {
    const [state, rooms, boards, members] = await Promise.all([
      this.store.breakouts.get(a.id),
      this.store.breakouts.rooms(a.id),
      this.store.breakouts.boards(a.id),
      this.store.breakouts.members(a.id),
    ]);
    const view: BreakoutView = {
      activityId: a.id,
      status: a.status,
      startedAt: state?.startedAt ?? null,
      rooms: roomViews(rooms, members),
      boards: boards.map((b) => boardView(b, a.spec)),
      synthesis: (state?.synthesisAt ?? null) !== null,
      message: state?.message ?? null,
      endsAt: state?.endsAt ?? null,
    };
    if (staff) view.members = Object.fromEntries(members.map((m) => [m.participantId, m.roomId]));
    return view;
  }

  async list(meetingId: string): Promise<BreakoutActivity[]> {
    return (await this.store.activities.list(meetingId)).filter(isBreakout);
  }

  async views(s: Session): Promise<BreakoutView[]> {
    const staff = isStaff(s.role);
    return Promise.all((await this.list(s.meetingId)).map((a) => this.view(a, staff)));
  }

  /** A participant's room in every break-out (read only). */
  async placementsOf(s: Session): Promise<Placement[]> {
    const pid = s.participantId;
    if (!pid) return [];
    return Promise.all(
      (await this.list(s.meetingId)).map(async (a) => ({
        activityId: a.id,
        roomId: await this.roomOf(a.id, pid),
      })),
    );
  }

  /**
   * [BOARD2] Places a participant who is in no room yet, wherever break-outs run with random or
   * mixed assignment: late joiners, and people who were offline at the start. Called when a
   * participant's connection syncs.
   */
  async arrive(s: Session): Promise<PlaceChange[]> {
    const pid = s.participantId;
    if (!pid) return [];
    const changes: PlaceChange[] = [];
    for (const a of await this.list(s.meetingId)) {
      if (a.status !== 'open' || (a.spec.assignment !== 'random' && a.spec.assignment !== 'mixed')) continue;
      if (await this.store.breakouts.member(a.id, pid)) continue;
      const roomId = await this.placeLate(a, pid);
      if (roomId) changes.push({ activityId: a.id, participantId: pid, roomId });
    }
    return changes;
  }

  /** The loads are read and the place taken in one transaction: people arriving at once spread out. */
  private placeLate(a: BreakoutActivity, participantId: string): Promise<string | null> {
    return this.store.transaction((tx) => placeLate(tx, a, participantId, this.now()), {
      lock: `rooms:${a.id}`,
    });
  }

  /**
   * [BOARD2][BOARD3] Starting: rooms and boards the first time, then everyone online in no room is
   * placed (breakoutPlacement.ts). Rooms, loads and placements in one transaction.
   */
  async start(a: BreakoutActivity): Promise<PlaceChange[]> {
    const onlineIds = await this.online(a.meetingId);
    // In turn with late arrivals being placed (placeLate): both read and change the rooms' loads.
    return this.store.transaction((tx) => startBreakout(tx, a, onlineIds, this.now(), this.random), {
      lock: `rooms:${a.id}`,
    });
  }

  /** [BOARD2] Questions and room setup cannot change once rooms exist; wording of a question can. */
  async checkUpdate(a: BreakoutActivity, next: BreakoutSpec): Promise<string | null> {
    if ((await this.store.breakouts.rooms(a.id)).length === 0) return null;
    if (next.questions.length !== a.spec.questions.length) {
      return 'the break-outs have started: the number of questions can no longer change';
    }
    if (
      JSON.stringify(next.rooms) !== JSON.stringify(a.spec.rooms) ||
      next.assignment !== a.spec.assignment
    ) {
      return 'the break-outs have started: rooms and assignment can no longer change';
    }
    return null;
  }

  async roomOf(activityId: string, participantId: string | null): Promise<string | null> {
    if (!participantId) return null;
    return (await this.store.breakouts.member(activityId, participantId))?.roomId ?? null;
  }

  /** [BOARD5] A board of this meeting with what this session may do on it (not found otherwise). */
  async boardContext(s: Session, boardId: string): Promise<BoardContext> {
    const found = await this.store.breakouts.boardContext(boardId, s.participantId);
    if (!found || found.activity.meetingId !== s.meetingId || !isBreakout(found.activity)) {
      throw new DomainError('not_found', 'no such board');
    }
    const { board, activity, state } = found;
    const viewer: Viewer = {
      role: s.role,
      participantId: s.participantId,
      roomId: found.member?.roomId ?? null,
    };
    const access = boardAccess(
      viewer,
      { roomId: board.roomId, locked: board.locked, voting: { open: board.votingOpen } },
      { status: activity.status, spec: activity.spec, synthesis: (state?.synthesisAt ?? null) !== null },
    );
    return { board, activity, viewer, access };
  }

  private async room(a: BreakoutActivity, roomId: string, db: Store = this.store): Promise<RoomRecord> {
    const room = (await db.breakouts.rooms(a.id)).find((r) => r.id === roomId);
    if (!room) throw new DomainError('not_found', 'no such room');
    return room;
  }

  /** [BOARD4] The facilitator moves someone to a room (or out of every room). */
  async move(
    meetingId: string,
    input: { activityId: string; participantId: string; roomId: string | null },
  ): Promise<PlaceChange> {
    const a = await this.own(meetingId, input.activityId);
    const p = await this.store.participants.get(input.participantId);
    if (!p || p.meetingId !== meetingId) throw new DomainError('not_found', 'no such participant');
    if (input.roomId !== null) await this.room(a, input.roomId);
    await this.store.breakouts.place(a.id, [{ participantId: p.id, roomId: input.roomId }], this.now());
    return { activityId: a.id, participantId: p.id, roomId: input.roomId };
  }

  /**
   * [BOARD3] Self-chosen rooms: a participant picks (or changes) their room while the break-outs run.
   * The room's places are counted and one is taken in one transaction: people choosing the last
   * place at once get it once.
   */
  async choose(meetingId: string, participantId: string, input: { activityId: string; roomId: string }) {
    return this.store.transaction(async (tx) => {
      const a = await this.own(meetingId, input.activityId, tx);
      if (a.spec.assignment !== 'self')
        throw new DomainError('forbidden', 'in this break-out rooms are assigned');
      if (a.status !== 'open') throw new DomainError('closed', 'the break-outs are not running');
      const room = await this.room(a, input.roomId, tx);
      const members = await tx.breakouts.members(a.id);
      const current = members.find((m) => m.participantId === participantId)?.roomId ?? null;
      if (current !== room.id && members.filter((m) => m.roomId === room.id).length >= roomCapacity(a.spec)) {
        throw new DomainError('conflict', 'this room is full');
      }
      await tx.breakouts.place(a.id, [{ participantId, roomId: room.id }], this.now());
      return { activityId: a.id, participantId, roomId: room.id };
    });
  }

  /** [BOARD4] One more room, with its boards. Idempotent on the client-made room id (RECON6). */
  async addRoom(
    meetingId: string,
    input: { activityId: string; id: string; label?: string },
  ): Promise<{ added: boolean }> {
    // The rooms are counted and numbered and the new one added in one transaction.
    return this.store.transaction(async (tx) => {
      const a = await this.own(meetingId, input.activityId, tx);
      const rooms = await tx.breakouts.rooms(a.id);
      if (rooms.some((r) => r.id === input.id)) return { added: false };
      const other = await tx.breakouts.board(input.id);
      if (other) throw new DomainError('conflict', 'id already in use');
      if (rooms.length === 0) throw new DomainError('conflict', 'start the break-outs first');
      if (rooms.length >= BOARD_LIMITS.rooms)
        throw new DomainError('too_large', `at most ${BOARD_LIMITS.rooms} rooms`);
      const index = Math.max(...rooms.map((r) => r.index)) + 1;
      const room = { id: input.id, activityId: a.id, index, label: input.label ?? roomLabel(index) };
      await tx.breakouts.addRooms([room], newBoards(a, [room.id], this.now()));
      return { added: true };
    });
  }

  /**
   * [BOARD4] A message to all rooms (the latest one is shown). [RECON6] Applied once per id: a
   * replay of an earlier message never replaces a newer one.
   */
  async message(
    meetingId: string,
    input: { activityId: string; id: string; text: string },
    once?: CommandKey,
  ) {
    return this.store.transaction(async (tx) => {
      const a = await this.own(meetingId, input.activityId, tx);
      const state = await tx.breakouts.get(a.id);
      if (state?.message?.id !== input.id && !(await wasApplied(tx, once))) {
        await tx.breakouts.update(
          a.id,
          { message: { id: input.id, text: input.text, at: this.now() } },
          once,
        );
      }
      return a;
    });
  }

  /**
   * [BOARD13] The plenary synthesis (breakoutSynthesis.ts): every room's post-its copied to a board
   * per question. Answers the synthesis boards that got new post-its.
   */
  async synthesis(
    meetingId: string,
    activityId: string,
  ): Promise<{ activity: BreakoutActivity; grown: string[] }> {
    // What was copied before decides what is copied now: read and copied in one transaction.
    return this.store.transaction(async (tx) => {
      const activity = await this.own(meetingId, activityId, tx);
      return { activity, grown: await copyToSynthesis(tx, activity, this.now()) };
    });
  }

  /** [BOARD15] Every board's themes, post-its and vote counts, per question. For staff and the API. */
  results(a: BreakoutActivity): Promise<BreakoutResults> {
    return breakoutResults(this.store, a);
  }
}
