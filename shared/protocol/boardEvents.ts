import type { z } from 'zod';
import type {
  BoardState,
  BoardView,
  BreakoutView,
  NoteView,
  Placement,
  ThemeView,
  VoteRef,
} from '../domain/board/types';
import type { AckFn } from './ack';
import type * as S from './schemas/board';

type Command<Schema extends z.ZodType, R> = (payload: z.input<Schema>, ack: AckFn<R>) => void;

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

/** Break-out and board commands (client → server), see docs/PROTOCOL.md "Break-outs and boards". */
export interface BoardEvents {
  'breakout:move': Command<typeof S.BreakoutMove, BreakoutView>;
  'breakout:choose': Command<typeof S.BreakoutChoose, Placement>;
  'breakout:addRoom': Command<typeof S.BreakoutAddRoom, BreakoutView>;
  'breakout:message': Command<typeof S.BreakoutMessage, BreakoutView>;
  'breakout:synthesis': Command<typeof S.BreakoutRef, BreakoutView>;
  /** [BOARD18] End the break-outs now or after a countdown the server keeps. */
  'breakout:end': Command<typeof S.BreakoutEnd, BreakoutView>;
  /** The board's full state for this viewer; also subscribes this connection to its updates. */
  'board:sync': Command<typeof S.BoardRef, BoardState>;
  'board:unwatch': Command<typeof S.BoardRef, { boardId: string }>;
  'board:settings': Command<typeof S.BoardSettings, BoardView>;
  'board:voting': Command<typeof S.BoardVoting, BoardView>;
  'note:create': Command<typeof S.NoteCreate, NoteResult>;
  'note:edit': Command<typeof S.NoteEdit, NoteResult>;
  'note:move': Command<typeof S.NoteMove, NoteResult>;
  'note:delete': Command<typeof S.NoteRef, NoteResult>;
  'note:theme': Command<typeof S.NotesToTheme, { notes: NoteView[] }>;
  /** Presence: a drag in progress. Volatile, no ack, never stored. */
  'note:drag': (payload: z.input<typeof S.NoteDrag>) => void;
  'theme:create': Command<typeof S.ThemeCreate, { theme: ThemeView; notes: NoteView[] }>;
  'theme:update': Command<typeof S.ThemeUpdate, ThemeView>;
  'theme:merge': Command<typeof S.ThemeMerge, { theme: ThemeView; notes: NoteView[]; removed: string }>;
  'theme:dissolve': Command<typeof S.ThemeRef, { removed: string; notes: NoteView[] }>;
  'vote:cast': Command<typeof S.VoteCast, VoteRef[]>;
  'vote:retract': Command<typeof S.VoteRetract, VoteRef[]>;
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
