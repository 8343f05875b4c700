import { isStaff } from '../../shared/domain/roles';
import type { Logger } from '../log';
import type { ActivityService } from '../meetings/activities';
import { boardCounts } from '../meetings/boardCounts';
import { boardView, noteView, themeView } from '../meetings/boardViews';
import type { BreakoutService, PlaceChange } from '../meetings/breakouts';
import type { Session } from '../meetings/meetings';
import type { BoardRecord, NoteRecord, ThemeRecord } from '../storage/boardStore';
import type { Store } from '../storage/store';
import { Coalescer } from './coalesce';
import { rooms } from './rooms';
import type { AppServer } from './types';

/**
 * [BOARD14] Socket.IO rooms per board: a connection joins a board's room when it syncs that board
 * (after its read access was checked), so each post-it change reaches only the people looking at
 * that board, not the whole meeting. Staff also join the board's staff room (live vote counts).
 */
export const boardRooms = {
  board: (boardId: string) => `b:${boardId}`,
  staff: (boardId: string) => `b:${boardId}:staff`,
};

const HARVEST_DELAY_MS = 1000;
/** The pause after a harvest is at least this many times what it took (Coalescer). */
const HARVEST_COST_FACTOR = 10;

/** Every break-out and board broadcast, each to the audience that may see it. */
export class BoardPublisher {
  private readonly coalescer: Coalescer;
  /** Results of a whole break-out are large: gathered for longer than other broadcasts. */
  private readonly slow: Coalescer;

  constructor(
    private readonly io: AppServer,
    private readonly store: Store,
    private readonly breakouts: BreakoutService,
    private readonly activities: ActivityService,
    log: Logger,
    delayMs: number,
  ) {
    const onError = (err: unknown) =>
      log.error('board broadcast failed', { err: err instanceof Error ? err.message : String(err) });
    this.coalescer = new Coalescer(delayMs, onError);
    // A harvest reads every board of the break-out: at most a tenth of the time goes to it.
    this.slow = new Coalescer(Math.max(delayMs, HARVEST_DELAY_MS), onError, HARVEST_COST_FACTOR);
  }

  close(): void {
    this.coalescer.close();
    this.slow.close();
  }

  /**
   * [BOARD15] Staff keep the break-out's results (themes, post-its, votes) current for the verslag:
   * after changes on any of its boards, gathered for a second, to staff only (never revealed).
   */
  harvest(board: BoardRecord): void {
    this.slow.schedule(`harvest:${board.activityId}`, async () => {
      const a = await this.store.activities.get(board.activityId);
      if (!a) return;
      this.io.to(rooms.staff(a.meetingId)).emit('results:updated', await this.activities.results(a));
    });
  }

  /** [BOARD5] Rooms and board settings: staff with who is where, everyone else without. Gathered. */
  breakout(meetingId: string, activityId: string): void {
    this.coalescer.schedule(`breakout:${activityId}`, async () => {
      const a = await this.store.activities.get(activityId);
      if (!a || a.meetingId !== meetingId || a.spec.kind !== 'breakout') return;
      const full = await this.breakouts.view(a as never, true);
      const { members: _m, ...open } = full;
      this.io.to(rooms.staff(meetingId)).emit('breakout:updated', full);
      this.io.to([rooms.participants(meetingId), rooms.observers(meetingId)]).emit('breakout:updated', open);
    });
  }

  /**
   * Tells all tabs of a participant their room, and moves those connections into that room's
   * Socket.IO room (and out of the other rooms of this break-out): room chat and timer follow.
   */
  tell(change: PlaceChange): void {
    const tabs = this.io.in(rooms.participant(change.participantId));
    void this.store.breakouts.rooms(change.activityId).then(async (all) => {
      tabs.socketsLeave(all.filter((r) => r.id !== change.roomId).map((r) => rooms.breakoutRoom(r.id)));
      if (!change.roomId) return;
      tabs.socketsJoin(rooms.breakoutRoom(change.roomId));
      // [SCOPE2] A timer already running in the new room is theirs now too (it is in no snapshot they have).
      const a = await this.store.activities.get(change.activityId);
      const timer = a && (await this.store.timers.get(a.meetingId, `room:${change.roomId}`));
      if (timer) {
        const { lastCommandId: _c, ...view } = timer;
        tabs.emit('timer:updated', view);
      }
    });
    tabs.emit('breakout:placed', { activityId: change.activityId, roomId: change.roomId });
  }

  /** A participant's room changed: all their tabs are told, and lose boards they may no longer see. */
  async placed(meetingId: string, change: PlaceChange): Promise<void> {
    this.tell(change);
    await this.revalidate(change.activityId, rooms.participant(change.participantId));
    this.breakout(meetingId, change.activityId);
  }

  /**
   * Takes connections out of the boards of this break-out they may no longer read (moved to
   * another room, other rooms hidden again). `within` limits it to one audience.
   */
  async revalidate(activityId: string, within?: string): Promise<void> {
    const boards = await this.store.breakouts.boards(activityId);
    const ids = new Set(boards.map((b) => boardRooms.board(b.id)));
    const sockets = await this.io.in(within ?? [...ids]).fetchSockets();
    for (const socket of sockets) {
      if (isStaff(socket.data.role)) continue;
      for (const room of socket.rooms) {
        if (!ids.has(room)) continue;
        const boardId = room.slice(2);
        const ok = await this.breakouts
          .boardContext(socket.data as Session, boardId)
          .then((c) => c.access.read)
          .catch(() => false);
        if (!ok) socket.leave(room);
      }
    }
  }

  /** Lock, anonymity and voting settings go to the whole meeting (everyone has the board list). */
  board(meetingId: string, board: BoardRecord, spec: Parameters<typeof boardView>[1]): void {
    this.io.to(rooms.meeting(meetingId)).emit('board:updated', boardView(board, spec));
  }

  /** Viewers of a board sync it again (authors hidden, the synthesis grew). */
  reset(boardId: string): void {
    this.io.to(boardRooms.board(boardId)).emit('board:reset', { boardId });
  }

  noteCreated(board: BoardRecord, note: NoteRecord): void {
    this.harvest(board);
    this.io.to(boardRooms.board(board.id)).emit('note:created', noteView(note, board));
    // On an anonymous board no one can tell whose post-it it is, except the writer's own tabs.
    if (note.authorId)
      this.io.to(rooms.participant(note.authorId)).emit('note:mine', { boardId: board.id, id: note.id });
  }

  notes(board: BoardRecord, notes: NoteRecord[]): void {
    if (notes.length === 0) return;
    this.harvest(board);
    this.io.to(boardRooms.board(board.id)).emit('note:updated', {
      boardId: board.id,
      notes: notes.map((n) => noteView(n, board)),
    });
  }

  noteDeleted(board: BoardRecord, id: string, version: number, voters: string[]): void {
    this.harvest(board);
    this.io.to(boardRooms.board(board.id)).emit('note:deleted', { boardId: board.id, id, version });
    for (const pid of voters) void this.myVotes(pid, board.id);
    if (voters.length > 0) this.votes(board.id);
  }

  theme(theme: ThemeRecord): void {
    this.io.to(boardRooms.board(theme.boardId)).emit('theme:updated', themeView(theme));
  }

  themeRemoved(boardId: string, id: string): void {
    this.io.to(boardRooms.board(boardId)).emit('theme:removed', { boardId, id });
  }

  /**
   * [BOARD12] Vote counts: to staff always, to every viewer once revealed. Gathered per board.
   * [BOARD13] A room board's votes are also part of the synthesis board of its question.
   */
  votes(boardId: string): void {
    this.coalescer.schedule(`votes:${boardId}`, async () => {
      const board = await this.store.breakouts.board(boardId);
      if (!board) return;
      const { counts, roomCounts } = await boardCounts(this.store, board);
      this.harvest(board);
      const to = board.votesRevealed ? boardRooms.board(boardId) : boardRooms.staff(boardId);
      this.io.to(to).emit('votes:counted', { boardId, counts, roomCounts });
      if (board.roomId === null) return;
      const synthesis = (await this.store.breakouts.boards(board.activityId)).find(
        (b) => b.roomId === null && b.questionIndex === board.questionIndex,
      );
      if (synthesis) this.votes(synthesis.id);
    });
  }

  /** [BOARD12] Counts hidden again: participants and observers drop them. */
  votesHidden(boardId: string): void {
    this.io.to(boardRooms.board(boardId)).except(boardRooms.staff(boardId)).emit('votes:hidden', { boardId });
  }

  async myVotes(participantId: string, boardId: string): Promise<void> {
    const votes = await this.store.boards.myVotes(boardId, participantId);
    this.io.to(rooms.participant(participantId)).emit('votes:mine', { boardId, votes });
  }
}
