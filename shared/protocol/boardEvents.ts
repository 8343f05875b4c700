import type { BoardView, BreakoutView, NoteView, Placement, ThemeView, VoteRef } from '../domain/board/types';

/**
 * What a post-it command answers: the post-it as stored now, or `note: null` when it is deleted
 * (at `version`). A retried create of a deleted post-it answers this too: it never comes back.
 */
export interface NoteResult {
  id: string;
  note: NoteView | null;
  version: number;
}

/** A drag in progress as others see it (presence, never stored). */
export interface NoteDragging {
  boardId: string;
  id: string;
  x: number;
  y: number;
  end?: boolean;
  /** Who drags, unless the board is anonymous. */
  by: string | null;
}

/** Break-out and board broadcasts (server → client), each to the audience of its board or room. */
export interface BoardServerEvents {
  'breakout:updated': (view: BreakoutView) => void;
  /** This participant's room changed (placed, moved, chose). To all their tabs. */
  'breakout:placed': (placement: Placement) => void;
  'board:updated': (board: BoardView) => void;
  /** The board changed as a whole (the synthesis got more post-its): sync it again. */
  'board:reset': (info: { boardId: string }) => void;
  'note:created': (note: NoteView) => void;
  'note:updated': (info: { boardId: string; notes: NoteView[] }) => void;
  'note:deleted': (info: { boardId: string; id: string; version: number }) => void;
  /** One of my post-its (made in another tab): I may edit it. */
  'note:mine': (info: { boardId: string; id: string }) => void;
  'note:dragging': (drag: NoteDragging) => void;
  'theme:updated': (theme: ThemeView) => void;
  'theme:removed': (info: { boardId: string; id: string }) => void;
  /** `counts` as in BoardState; `roomCounts` the room votes in them (synthesis boards). */
  'votes:counted': (info: {
    boardId: string;
    counts: Record<string, number>;
    roomCounts: Record<string, number>;
  }) => void;
  'votes:hidden': (info: { boardId: string }) => void;
  'votes:mine': (info: { boardId: string; votes: VoteRef[] }) => void;
}
