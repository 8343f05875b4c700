import type { StateCreator } from 'zustand';
import {
  type BoardContent,
  emptyContent,
  mergeSync,
  removeNote,
  removeTheme,
  upsertNotes,
  upsertTheme,
} from '../../shared/domain/board/apply';
import type {
  BoardState,
  BoardView,
  BreakoutView,
  NoteView,
  Placement,
  ThemeView,
  VoteRef,
} from '../../shared/domain/board/types';
import type { Snapshot } from '../../shared/domain/types';
import type { NoteDragging, NoteResult } from '../../shared/protocol/boardEvents';
import type { AppState } from './index';

/** A watched board's contents and this viewer's part in it. */
export interface BoardData {
  content: BoardContent;
  counts: Record<string, number> | null;
  /** Synthesis boards: the room votes inside `counts` (BOARD13). */
  roomCounts: Record<string, number> | null;
  myVotes: VoteRef[];
  /** Post-its this viewer may edit as their own. */
  mine: Record<string, true>;
  synced: boolean;
}

/** What this client did and the server has not acked yet: shown at once, dropped on the ack. */
export interface Pending {
  seq: number;
  create?: NoteView;
  x?: number;
  y?: number;
  themeId?: string | null;
  text?: string;
  colour?: NoteView['colour'];
  deleted?: boolean;
}

export interface BoardSlice {
  breakouts: Record<string, BreakoutView>;
  placements: Record<string, string | null>;
  boardData: Record<string, BoardData>;
  watchCount: Record<string, number>;
  pending: Record<string, Pending>;
  /** Someone else's drag in progress, by post-it id (BOARD9). */
  drags: Record<string, NoteDragging & { at: number }>;
  breakoutSnapshot(s: Snapshot): void;
  breakoutUpdated(v: BreakoutView): void;
  breakoutRemoved(activityId: string): void;
  placed(p: Placement): void;
  boardUpdated(b: BoardView): void;
  watchBoard(boardId: string): void;
  unwatchBoard(boardId: string): void;
  syncBoard(boardId: string): Promise<void>;
  boardSynced(state: BoardState): void;
  noteCreated(n: NoteView): void;
  notesUpdated(boardId: string, notes: NoteView[]): void;
  noteDeleted(boardId: string, id: string, version: number): void;
  noteMine(boardId: string, id: string): void;
  themeUpdated(t: ThemeView): void;
  themeRemoved(boardId: string, id: string): void;
  votesCounted(boardId: string, counts: Record<string, number>, roomCounts?: Record<string, number>): void;
  votesHidden(boardId: string): void;
  votesMine(boardId: string, votes: VoteRef[]): void;
  noteDragging(d: NoteDragging): void;
  dropStaleDrags(olderThan: number): void;
  setPending(noteId: string, p: Omit<Pending, 'seq'>): number;
  /** The ack of a post-it command: the server's answer replaces the optimistic one. */
  settle(boardId: string, noteId: string, seq: number, result?: NoteResult): void;
}

const without = <T>(rec: Record<string, T>, id: string) => {
  const { [id]: _gone, ...rest } = rec;
  return rest;
};

let seqCounter = 0;

export const createBoardSlice: StateCreator<AppState, [], [], BoardSlice> = (set, get) => {
  /** Applies `f` to a watched board (ignored when the board is not watched). */
  const edit = (boardId: string, f: (d: BoardData) => BoardData) =>
    set((s) => {
      const d = s.boardData[boardId];
      return d ? { boardData: { ...s.boardData, [boardId]: f(d) } } : {};
    });
  const content = (f: (c: BoardContent) => BoardContent) => (d: BoardData) => {
    const c = f(d.content);
    return c === d.content ? d : { ...d, content: c };
  };

  return {
    breakouts: {},
    placements: {},
    boardData: {},
    watchCount: {},
    pending: {},
    drags: {},
    breakoutSnapshot: (snap) => {
      set({
        breakouts: Object.fromEntries(snap.breakouts.map((b) => [b.activityId, b])),
        placements: Object.fromEntries(snap.placements.map((p) => [p.activityId, p.roomId])),
      });
      // [BOARD14] After every (re)connect, boards on screen are fetched again in full.
      for (const id of Object.keys(get().boardData)) void get().syncBoard(id);
    },
    breakoutUpdated: (v) =>
      set((s) => ({
        breakouts: {
          ...s.breakouts,
          [v.activityId]: { ...v, members: v.members ?? s.breakouts[v.activityId]?.members },
        },
      })),
    breakoutRemoved: (activityId) =>
      set((s) => ({
        breakouts: without(s.breakouts, activityId),
        placements: without(s.placements, activityId),
      })),
    placed: (p) => set((s) => ({ placements: { ...s.placements, [p.activityId]: p.roomId } })),
    boardUpdated: (b) =>
      set((s) => {
        const bo = s.breakouts[b.activityId];
        if (!bo) return {};
        const boards = bo.boards.some((x) => x.id === b.id)
          ? bo.boards.map((x) => (x.id === b.id ? b : x))
          : [...bo.boards, b];
        return { breakouts: { ...s.breakouts, [b.activityId]: { ...bo, boards } } };
      }),
    watchBoard: (boardId) => {
      const n = get().watchCount[boardId] ?? 0;
      set((s) => ({
        watchCount: { ...s.watchCount, [boardId]: n + 1 },
        boardData: s.boardData[boardId]
          ? s.boardData
          : {
              ...s.boardData,
              [boardId]: {
                content: emptyContent(),
                counts: null,
                roomCounts: null,
                myVotes: [],
                mine: {},
                synced: false,
              },
            },
      }));
      if (n === 0) void get().syncBoard(boardId);
    },
    unwatchBoard: (boardId) => {
      const n = (get().watchCount[boardId] ?? 1) - 1;
      if (n > 0) {
        set((s) => ({ watchCount: { ...s.watchCount, [boardId]: n } }));
        return;
      }
      set((s) => ({ watchCount: without(s.watchCount, boardId), boardData: without(s.boardData, boardId) }));
      void get()
        .connection?.request('board:unwatch', { boardId })
        .catch(() => {});
    },
    syncBoard: async (boardId) => {
      const conn = get().connection;
      if (!conn) return;
      try {
        const r = await conn.request('board:sync', { boardId });
        if (r.ok) get().boardSynced(r.data);
      } catch {
        // Offline: the next reconnect syncs again.
      }
    },
    boardSynced: (state) => {
      get().boardUpdated(state.board);
      edit(state.board.id, (d) => ({
        content: mergeSync(d.content, state),
        counts: state.counts,
        roomCounts: state.roomCounts ?? null,
        myVotes: state.myVotes,
        mine: Object.fromEntries(state.mine.map((id) => [id, true as const])),
        synced: true,
      }));
    },
    noteCreated: (n) =>
      edit(
        n.boardId,
        content((c) => upsertNotes(c, [n])),
      ),
    notesUpdated: (boardId, notes) =>
      edit(
        boardId,
        content((c) => upsertNotes(c, notes)),
      ),
    noteDeleted: (boardId, id, version) => {
      edit(
        boardId,
        content((c) => removeNote(c, id, version)),
      );
      set((s) => (s.drags[id] ? { drags: without(s.drags, id) } : {}));
    },
    noteMine: (boardId, id) => edit(boardId, (d) => ({ ...d, mine: { ...d.mine, [id]: true } })),
    themeUpdated: (t) =>
      edit(
        t.boardId,
        content((c) => upsertTheme(c, t)),
      ),
    themeRemoved: (boardId, id) =>
      edit(
        boardId,
        content((c) => removeTheme(c, id)),
      ),
    votesCounted: (boardId, counts, roomCounts) =>
      edit(boardId, (d) => ({ ...d, counts, roomCounts: roomCounts ?? null })),
    votesHidden: (boardId) => edit(boardId, (d) => ({ ...d, counts: null, roomCounts: null })),
    votesMine: (boardId, myVotes) => edit(boardId, (d) => ({ ...d, myVotes })),
    noteDragging: (d) =>
      set((s) =>
        d.end
          ? { drags: without(s.drags, d.id) }
          : { drags: { ...s.drags, [d.id]: { ...d, at: Date.now() } } },
      ),
    dropStaleDrags: (olderThan) =>
      set((s) => {
        const stale = Object.values(s.drags).filter((d) => d.at < olderThan);
        if (stale.length === 0) return {};
        let drags = s.drags;
        for (const d of stale) drags = without(drags, d.id);
        return { drags };
      }),
    setPending: (noteId, p) => {
      const seq = ++seqCounter;
      set((s) => ({ pending: { ...s.pending, [noteId]: { ...s.pending[noteId], ...p, seq } } }));
      return seq;
    },
    settle: (boardId, noteId, seq, result) => {
      if (result) {
        if (result.note) {
          get().notesUpdated(boardId, [result.note]);
          if (seq && get().pending[noteId]?.create) get().noteMine(boardId, noteId);
        } else get().noteDeleted(boardId, noteId, result.version);
      }
      set((s) => (s.pending[noteId]?.seq === seq ? { pending: without(s.pending, noteId) } : {}));
    },
  };
};
