import type { NoteColour } from '../../shared/domain/board/palette';
import type { VoteRef } from '../../shared/domain/board/types';
import type { CommandKey, Replayed } from './applied';
import type { ActivityRecord } from './store';

/** A break-out's own state beside its activity row (BOARD2, BOARD4, BOARD13). */
export interface BreakoutRecord {
  activityId: string;
  startedAt: number | null;
  synthesisAt: number | null;
  message: { id: string; text: string; at: number } | null;
  /** [BOARD18] When the break-outs end by themselves (a countdown the facilitator started), or null. */
  endsAt: number | null;
}

export interface RoomRecord {
  id: string;
  activityId: string;
  index: number;
  label: string;
}

export interface MemberRecord {
  participantId: string;
  roomId: string;
}

export interface BoardRecord {
  id: string;
  activityId: string;
  /** null: the synthesis board of the question. */
  roomId: string | null;
  questionIndex: number;
  locked: boolean;
  anonymous: boolean;
  votingOpen: boolean;
  voteLimit: number;
  votesRevealed: boolean;
  createdAt: number;
}

export interface NoteRecord {
  id: string;
  boardId: string;
  /** The participant who wrote it (null: written by staff, or copied from an anonymous board). */
  authorId: string | null;
  /** Joined from the participant at read time (a rename shows everywhere). */
  authorName: string | null;
  byStaff: boolean;
  text: string;
  colour: NoteColour;
  x: number;
  y: number;
  themeId: string | null;
  /** On a synthesis board: the post-it it was copied from. */
  originId: string | null;
  roomLabel: string | null;
  version: number;
  deleted: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface ThemeRecord {
  id: string;
  boardId: string;
  heading: string;
  x: number;
  y: number;
  version: number;
  deleted: boolean;
  createdAt: number;
}

/** Rooms, placements, boards and the break-out's own state. */
export interface BreakoutRepo {
  get(activityId: string): Promise<BreakoutRecord | undefined>;
  /** Creates the row when missing. With `once` (RECON6): false when applied before, nothing changed. */
  update(
    activityId: string,
    patch: Partial<Omit<BreakoutRecord, 'activityId'>>,
    once?: CommandKey,
  ): Promise<boolean>;
  rooms(activityId: string): Promise<RoomRecord[]>;
  /** [BOARD18] Every break-out with a countdown to its end, of every meeting (re-armed at start-up). */
  pendingEnds(): Promise<{ activityId: string; meetingId: string; endsAt: number }[]>;
  /**
   * Adds rooms with their boards in one transaction; rooms whose id exists are left alone. With
   * `firstOnly`, nothing is added when the activity has rooms already (two starts at once make
   * one set of rooms); answers whether anything was added.
   */
  addRooms(rooms: RoomRecord[], boards: BoardRecord[], firstOnly?: boolean): Promise<boolean>;
  members(activityId: string): Promise<MemberRecord[]>;
  member(activityId: string, participantId: string): Promise<MemberRecord | undefined>;
  /**
   * Places participants who are in no room yet (an existing placement wins: two tabs syncing at
   * once end up in the same room); answers the placements as stored.
   */
  placeNew(activityId: string, entries: MemberRecord[], at: number): Promise<MemberRecord[]>;
  /** Places (roomId) or takes out (null) participants, all in one transaction. */
  place(
    activityId: string,
    entries: { participantId: string; roomId: string | null }[],
    at: number,
  ): Promise<void>;
  boards(activityId: string): Promise<BoardRecord[]>;
  board(id: string): Promise<BoardRecord | undefined>;
  /**
   * A board with what every post-it command checks against: its activity, the break-out's state
   * and where this participant is placed. One read (on PostgreSQL one statement: the commands on
   * boards are the most frequent of a meeting). Undefined when the board or its activity is gone.
   */
  boardContext(
    boardId: string,
    participantId: string | null,
  ): Promise<
    | { board: BoardRecord; activity: ActivityRecord; state?: BreakoutRecord; member?: MemberRecord }
    | undefined
  >;
  /** Adds boards that are not there yet (by room and question). */
  addBoards(boards: BoardRecord[]): Promise<void>;
  updateBoard(
    id: string,
    patch: Partial<Pick<BoardRecord, 'locked' | 'anonymous' | 'votingOpen' | 'voteLimit' | 'votesRevealed'>>,
  ): Promise<BoardRecord | undefined>;
}

export type CastOutcome = 'ok' | 'exists' | 'limit' | 'gone';

/** The vote part of the board repository (each store keeps it in a file of its own). */
export type BoardVoteMethods = Pick<
  BoardRepo,
  'castVote' | 'vote' | 'retractVote' | 'myVotes' | 'voteCounts' | 'originVoteCounts' | 'voteTotal'
>;

/**
 * Post-its, themes and votes. Every change is one atomic statement or transaction that also
 * raises the version, so concurrent commands never lose each other's fields (BOARD8). Writes that
 * take `once` record that command id in the same transaction and answer `REPLAYED`, changing
 * nothing, when it was applied before (RECON6).
 */
export interface BoardRepo {
  /** Live post-its, oldest first; with `withDeleted` also the tombstones. */
  notes(boardId: string, withDeleted?: boolean): Promise<NoteRecord[]>;
  note(id: string): Promise<NoteRecord | undefined>;
  /**
   * Inserts unless the id exists (then returns what is stored, also when deleted), or answers
   * 'full' when the board has `max` live post-its.
   */
  createNote(n: Omit<NoteRecord, 'authorName'>, max: number): Promise<NoteRecord | 'full'>;
  /**
   * Changes the given fields of a live post-it and raises its version. A `themeId` must be a live
   * theme of the same board ('no_theme' otherwise). A deleted post-it is returned unchanged.
   */
  updateNote(
    id: string,
    patch: Partial<Pick<NoteRecord, 'text' | 'colour' | 'x' | 'y' | 'themeId'>>,
    at: number,
    once?: CommandKey,
  ): Promise<NoteRecord | 'no_theme' | Replayed | undefined>;
  /** Marks the post-it deleted (final) and drops its votes; answers the tombstone and who lost votes. */
  deleteNote(id: string, at: number): Promise<{ note: NoteRecord; voters: string[] } | undefined>;
  /** Puts live post-its of this board in a theme (or none); answers those that changed. */
  setTheme(
    boardId: string,
    noteIds: string[],
    themeId: string | null,
    at: number,
  ): Promise<NoteRecord[] | 'no_theme'>;
  /** Copies post-its into a synthesis board; a post-it already copied (same origin) is skipped. */
  copyNotes(notes: Omit<NoteRecord, 'authorName'>[]): Promise<number>;

  themes(boardId: string): Promise<ThemeRecord[]>;
  theme(id: string): Promise<ThemeRecord | undefined>;
  /** Inserts (idempotent on id; a deleted theme is returned as it is) and puts post-its in it. */
  createTheme(
    t: ThemeRecord,
    noteIds: string[],
    max: number,
  ): Promise<{ theme: ThemeRecord; notes: NoteRecord[] } | 'full'>;
  updateTheme(
    id: string,
    patch: Partial<Pick<ThemeRecord, 'heading' | 'x' | 'y'>>,
    once?: CommandKey,
  ): Promise<ThemeRecord | Replayed | undefined>;
  /** Moves the post-its of `id` into `intoId` and deletes `id`. */
  mergeTheme(id: string, intoId: string, at: number, once?: CommandKey): Promise<NoteRecord[] | Replayed>;
  /** Deletes the theme; its post-its get the positions given (where they were drawn) and no theme. */
  dissolveTheme(
    id: string,
    positions: Map<string, { x: number; y: number }>,
    at: number,
    once?: CommandKey,
  ): Promise<NoteRecord[] | Replayed>;

  /** A dot vote, if the participant has fewer than `limit` on this board and the post-it lives. */
  castVote(
    v: { id: string; boardId: string; noteId: string; participantId: string; at: number },
    limit: number,
    once?: CommandKey,
  ): Promise<CastOutcome | Replayed>;
  vote(
    id: string,
  ): Promise<{ id: string; boardId: string; noteId: string; participantId: string } | undefined>;
  retractVote(id: string, participantId: string): Promise<{ boardId: string } | undefined>;
  myVotes(boardId: string, participantId: string): Promise<VoteRef[]>;
  voteCounts(boardId: string): Promise<Record<string, number>>;
  /** Synthesis boards: per live copy, the votes its original has on its room board (only those with any). */
  originVoteCounts(boardId: string): Promise<Record<string, number>>;
  voteTotal(boardId: string): Promise<number>;
}
