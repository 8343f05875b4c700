import { type BoardAccess, boardAccess, type Viewer } from '../../shared/domain/board/access';
import {
  assignRooms,
  type Person,
  placeLateJoiner,
  roomCapacity,
  roomCount,
} from '../../shared/domain/board/assign';
import { freeSpot, MARGIN, noteRect, synthesisLayout } from '../../shared/domain/board/layout';
import { BOARD_LIMITS } from '../../shared/domain/board/limits';
import { type BreakoutResults, summariseBoard } from '../../shared/domain/board/results';
import type {
  BoardView,
  BreakoutView,
  NoteView,
  Placement,
  ThemeView,
} from '../../shared/domain/board/types';
import { newId } from '../../shared/domain/ids';
import { isStaff } from '../../shared/domain/roles';
import { DomainError } from '../../shared/protocol/ack';
import type { BreakoutSpec } from '../../shared/protocol/schemas/board';
import type { CommandKey } from '../storage/applied';
import type { BoardRecord, NoteRecord, RoomRecord, ThemeRecord } from '../storage/boardStore';
import type { ActivityRecord, Store } from '../storage/store';
import { boardCounts } from './boardCounts';
import type { Session } from './meetings';
import { wasApplied } from './replay';

export type BreakoutActivity = ActivityRecord & { spec: BreakoutSpec };
export const isBreakout = (a: ActivityRecord): a is BreakoutActivity => a.spec.kind === 'breakout';

export const boardView = (b: BoardRecord, spec: BreakoutSpec): BoardView => ({
  id: b.id,
  activityId: b.activityId,
  roomId: b.roomId,
  questionIndex: b.questionIndex,
  question: spec.questions[b.questionIndex] ?? '',
  locked: b.locked,
  anonymous: b.anonymous,
  voting: { open: b.votingOpen, limit: b.voteLimit, revealed: b.votesRevealed },
});

/** [BOARD10] On an anonymous board the writer's name is never sent, to anyone. */
export const noteView = (n: NoteRecord, board: Pick<BoardRecord, 'anonymous'>): NoteView => ({
  id: n.id,
  boardId: n.boardId,
  text: n.text,
  colour: n.colour,
  x: n.x,
  y: n.y,
  themeId: n.themeId,
  author: board.anonymous || n.byStaff ? null : n.authorName,
  byStaff: n.byStaff,
  roomLabel: n.roomLabel,
  version: n.version,
  createdAt: n.createdAt,
});

export const themeView = (t: ThemeRecord): ThemeView => ({
  id: t.id,
  boardId: t.boardId,
  heading: t.heading,
  x: t.x,
  y: t.y,
  version: t.version,
  createdAt: t.createdAt,
});

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

const roomLabel = (index: number) => `Kamer ${index + 1}`;

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
    const sizes = new Map<string, number>();
    for (const m of members) sizes.set(m.roomId, (sizes.get(m.roomId) ?? 0) + 1);
    const view: BreakoutView = {
      activityId: a.id,
      status: a.status,
      startedAt: state?.startedAt ?? null,
      rooms: rooms.map((r) => ({ id: r.id, label: r.label, index: r.index, size: sizes.get(r.id) ?? 0 })),
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

  private async people(db: Store, meetingId: string, ids?: Set<string>): Promise<Person[]> {
    return (await db.participants.list(meetingId))
      .filter((p) => !ids || ids.has(p.id))
      .map((p) => ({ id: p.id, orgType: p.orgType }));
  }

  /** The loads are read and the place taken in one transaction: people arriving at once spread out. */
  private placeLate(a: BreakoutActivity, participantId: string): Promise<string | null> {
    return this.store.transaction((tx) => this.placeLateIn(tx, a, participantId));
  }

  private async placeLateIn(tx: Store, a: BreakoutActivity, participantId: string): Promise<string | null> {
    const rooms = await tx.breakouts.rooms(a.id);
    const members = await tx.breakouts.members(a.id);
    const people = await this.people(tx, a.meetingId);
    const byId = new Map(people.map((p) => [p.id, p]));
    const person = byId.get(participantId);
    if (!person || rooms.length === 0) return null;
    const loads = rooms.map((r) => ({
      id: r.id,
      members: members
        .filter((m) => m.roomId === r.id)
        .map((m) => byId.get(m.participantId)!)
        .filter(Boolean),
    }));
    const roomId = placeLateJoiner(person, loads, a.spec.assignment === 'mixed' ? 'mixed' : 'random');
    if (!roomId) return null;
    const [stored] = await tx.breakouts.placeNew(a.id, [{ participantId, roomId }], this.now());
    return stored?.roomId ?? roomId;
  }

  private newBoards(a: BreakoutActivity, roomIds: (string | null)[], t: number): BoardRecord[] {
    return roomIds.flatMap((roomId) =>
      a.spec.questions.map((_, questionIndex) => ({
        id: newId(),
        activityId: a.id,
        roomId,
        questionIndex,
        locked: false,
        anonymous: a.anonymous,
        votingOpen: false,
        voteLimit: BOARD_LIMITS.defaultVotes,
        votesRevealed: false,
        createdAt: t,
      })),
    );
  }

  /**
   * [BOARD2][BOARD3] Starting: the first time, rooms (by count, or by size for the people online)
   * with a board per question; then everyone online who is in no room is placed (random, mixed).
   * Starting again after an end continues with the same rooms, boards and placements.
   */
  async start(a: BreakoutActivity): Promise<PlaceChange[]> {
    const onlineIds = await this.online(a.meetingId);
    // Rooms, loads and placements in one transaction: people arriving meanwhile are counted.
    return this.store.transaction((tx) => this.startIn(tx, a, onlineIds));
  }

  private async startIn(tx: Store, a: BreakoutActivity, onlineIds: Set<string>): Promise<PlaceChange[]> {
    const t = this.now();
    const people = await this.people(tx, a.meetingId, onlineIds);
    if ((await tx.breakouts.rooms(a.id)).length === 0) {
      const n = roomCount(a.spec, people.length);
      const rooms: RoomRecord[] = Array.from({ length: n }, (_, i) => ({
        id: newId(),
        activityId: a.id,
        index: i,
        label: roomLabel(i),
      }));
      await tx.breakouts.addRooms(
        rooms,
        this.newBoards(
          a,
          rooms.map((r) => r.id),
          t,
        ),
        true,
      );
    }
    await tx.breakouts.update(a.id, { startedAt: t });
    if (a.spec.assignment !== 'random' && a.spec.assignment !== 'mixed') return [];
    const rooms = await tx.breakouts.rooms(a.id);
    const members = await tx.breakouts.members(a.id);
    const placed = new Set(members.map((m) => m.participantId));
    const waiting = people.filter((p) => !placed.has(p.id));
    if (waiting.length === 0) return [];
    let entries: { participantId: string; roomId: string }[];
    if (members.length === 0) {
      const plan = assignRooms(
        waiting,
        rooms.map((r) => r.id),
        a.spec.assignment,
        this.random,
      );
      entries = [...plan].map(([participantId, roomId]) => ({ participantId, roomId }));
    } else {
      const byId = new Map(people.map((p) => [p.id, p]));
      const all = new Map((await this.people(tx, a.meetingId)).map((p) => [p.id, p]));
      const loads = rooms.map((r) => ({
        id: r.id,
        members: members
          .filter((m) => m.roomId === r.id)
          .map((m) => all.get(m.participantId)!)
          .filter(Boolean),
      }));
      entries = [];
      for (const p of waiting) {
        const roomId = placeLateJoiner(byId.get(p.id)!, loads, a.spec.assignment);
        if (!roomId) continue;
        loads.find((l) => l.id === roomId)!.members.push(p);
        entries.push({ participantId: p.id, roomId });
      }
    }
    const stored = await tx.breakouts.placeNew(a.id, entries, t);
    return stored.map((m) => ({ activityId: a.id, participantId: m.participantId, roomId: m.roomId }));
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

  async viewer(s: Session, activityId: string): Promise<Viewer> {
    return {
      role: s.role,
      participantId: s.participantId,
      roomId: await this.roomOf(activityId, s.participantId),
    };
  }

  /** [BOARD5] A board of this meeting with what this session may do on it (not found otherwise). */
  async boardContext(s: Session, boardId: string): Promise<BoardContext> {
    const board = await this.store.breakouts.board(boardId);
    const activity = board && (await this.store.activities.get(board.activityId));
    if (!board || !activity || activity.meetingId !== s.meetingId || !isBreakout(activity)) {
      throw new DomainError('not_found', 'no such board');
    }
    const [viewer, state] = await Promise.all([
      this.viewer(s, activity.id),
      this.store.breakouts.get(activity.id),
    ]);
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
      await tx.breakouts.addRooms([room], this.newBoards(a, [room.id], this.now()));
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
   * [BOARD13] The plenary synthesis: one board per question with a copy of every room's post-its
   * (room label kept, writer kept unless the room's board was anonymous). The first time they are
   * laid out in a block per room; doing it again adds only post-its not copied before (deleted
   * copies stay deleted). Answers the synthesis boards that got new post-its.
   */
  async synthesis(
    meetingId: string,
    activityId: string,
  ): Promise<{ activity: BreakoutActivity; grown: string[] }> {
    // What was copied before decides what is copied now: read and copied in one transaction.
    return this.store.transaction((tx) => this.synthesisIn(tx, meetingId, activityId));
  }

  private async synthesisIn(tx: Store, meetingId: string, activityId: string) {
    const a = await this.own(meetingId, activityId, tx);
    const rooms = await tx.breakouts.rooms(a.id);
    if (rooms.length === 0) throw new DomainError('conflict', 'start the break-outs first');
    const t = this.now();
    await tx.breakouts.addBoards(this.newBoards(a, [null], t));
    const boards = await tx.breakouts.boards(a.id);
    const grown: string[] = [];
    for (const [qi] of a.spec.questions.entries()) {
      const target = boards.find((b) => b.roomId === null && b.questionIndex === qi);
      if (!target) continue;
      const existing = await tx.boards.notes(target.id, true);
      const copied = new Set(existing.map((n) => n.originId));
      const perRoom: { room: RoomRecord; board: BoardRecord; notes: NoteRecord[] }[] = [];
      for (const room of rooms) {
        const board = boards.find((b) => b.roomId === room.id && b.questionIndex === qi);
        if (!board) continue;
        const notes = (await tx.boards.notes(board.id)).filter((n) => !copied.has(n.id));
        perRoom.push({ room, board, notes });
      }
      const fresh = existing.length === 0;
      const layout = fresh ? synthesisLayout(perRoom.map((r) => r.notes.length)) : [];
      const taken = existing.filter((n) => !n.deleted).map(noteRect);
      const copies: Omit<NoteRecord, 'authorName'>[] = [];
      perRoom.forEach(({ room, board, notes }, ri) => {
        notes.forEach((n, k) => {
          let at = layout[ri]?.[k];
          if (!at) {
            at = freeSpot(taken, { x: MARGIN, y: MARGIN + 40 });
            taken.push(noteRect(at));
          }
          copies.push({
            id: newId(),
            boardId: target.id,
            authorId: board.anonymous ? null : n.authorId,
            byStaff: n.byStaff,
            text: n.text,
            colour: n.colour,
            x: at.x,
            y: at.y,
            themeId: null,
            originId: n.id,
            roomLabel: room.label,
            version: 1,
            deleted: false,
            createdAt: n.createdAt,
            updatedAt: t,
          });
        });
      });
      if (copies.length > 0 && (await tx.boards.copyNotes(copies)) > 0) grown.push(target.id);
    }
    const state = await tx.breakouts.get(a.id);
    if (!state?.synthesisAt) await tx.breakouts.update(a.id, { synthesisAt: t });
    return { activity: a, grown };
  }

  /** [BOARD15] Every board's themes, post-its and vote counts, per question. For staff and the API. */
  async results(a: BreakoutActivity): Promise<BreakoutResults> {
    const [rooms, boards, members] = await Promise.all([
      this.store.breakouts.rooms(a.id),
      this.store.breakouts.boards(a.id),
      this.store.breakouts.members(a.id),
    ]);
    const label = new Map(rooms.map((r) => [r.id, r.label]));
    const order = new Map(rooms.map((r) => [r.id, r.index]));
    let total = 0;
    const summaries = await Promise.all(
      boards.map(async (b) => {
        const [notes, themes, { counts, roomCounts }] = await Promise.all([
          this.store.boards.notes(b.id),
          this.store.boards.themes(b.id),
          boardCounts(this.store, b),
        ]);
        total += notes.length;
        return summariseBoard(
          {
            id: b.id,
            roomId: b.roomId,
            questionIndex: b.questionIndex,
            question: a.spec.questions[b.questionIndex] ?? '',
            revealed: b.votesRevealed,
          },
          b.roomId ? (label.get(b.roomId) ?? null) : null,
          notes.map((n) => noteView(n, b)),
          themes.map(themeView),
          counts,
          roomCounts,
        );
      }),
    );
    const sizes = new Map<string, number>();
    for (const m of members) sizes.set(m.roomId, (sizes.get(m.roomId) ?? 0) + 1);
    return {
      kind: 'breakout',
      activityId: a.id,
      total,
      rooms: rooms.map((r) => ({ id: r.id, label: r.label, index: r.index, size: sizes.get(r.id) ?? 0 })),
      questions: a.spec.questions.map((question, index) => ({
        index,
        question,
        rooms: summaries
          .filter((s) => s.questionIndex === index && s.roomId !== null)
          .sort((x, y) => (order.get(x.roomId!) ?? 0) - (order.get(y.roomId!) ?? 0)),
        synthesis: summaries.find((s) => s.questionIndex === index && s.roomId === null) ?? null,
      })),
    };
  }
}
