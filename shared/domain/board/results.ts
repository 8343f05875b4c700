import { byAge, themesInReadingOrder } from './apply';
import type { NoteColour } from './palette';
import type { NoteView, RoomView, ThemeView } from './types';

/** A post-it in results and in the verslag. */
export interface NoteSummary {
  id: string;
  text: string;
  colour: NoteColour;
  /** All its votes: on this board, and (a synthesis copy) those it got in its room. */
  votes: number;
  /** A synthesis copy: the part of `votes` it got in its room (BOARD13). */
  roomVotes?: number;
  author: string | null;
  roomLabel: string | null;
}

export interface ThemeSummary {
  id: string;
  heading: string;
  /** Sum of the votes on its post-its. */
  votes: number;
  notes: NoteSummary[];
}

/** One board's harvest: its themes with their post-its, and the post-its in no theme. */
export interface BoardSummary {
  boardId: string;
  roomId: string | null;
  roomLabel: string | null;
  questionIndex: number;
  question: string;
  noteCount: number;
  votesRevealed: boolean;
  themes: ThemeSummary[];
  unthemed: NoteSummary[];
}

/** [BOARD15] Results of a break-out: per question, each room's board and the synthesis board. */
export interface BreakoutResults {
  kind: 'breakout';
  activityId: string;
  /** Post-its on all boards together. */
  total: number;
  rooms: RoomView[];
  questions: {
    index: number;
    question: string;
    rooms: BoardSummary[];
    synthesis: BoardSummary | null;
  }[];
}

const byVotes = (a: NoteSummary & { createdAt: number }, b: NoteSummary & { createdAt: number }) =>
  b.votes - a.votes || byAge(a, b);

/**
 * [BOARD15] A board's harvest: themes in reading order (top to bottom, left to right), in each
 * theme its post-its with the most votes first (then oldest first); the same for the post-its
 * in no theme. `counts` are all votes of a post-it, `roomCounts` the part a synthesis copy got in its
 * room (see BoardState).
 */
export function summariseBoard(
  board: { id: string; roomId: string | null; questionIndex: number; question: string; revealed: boolean },
  roomLabel: string | null,
  notes: readonly NoteView[],
  themes: readonly ThemeView[],
  counts: Readonly<Record<string, number>>,
  roomCounts: Readonly<Record<string, number>> = {},
): BoardSummary {
  const summary = (n: NoteView) => ({
    id: n.id,
    text: n.text,
    colour: n.colour,
    votes: counts[n.id] ?? 0,
    ...(roomCounts[n.id] ? { roomVotes: roomCounts[n.id] } : {}),
    author: n.author,
    roomLabel: n.roomLabel,
    createdAt: n.createdAt,
  });
  const strip = ({ createdAt: _c, ...n }: NoteSummary & { createdAt: number }): NoteSummary => n;
  const themeIds = new Set(themes.map((t) => t.id));
  const grouped = new Map<string, (NoteSummary & { createdAt: number })[]>();
  const unthemed: (NoteSummary & { createdAt: number })[] = [];
  for (const n of notes) {
    if (n.themeId && themeIds.has(n.themeId)) {
      grouped.set(n.themeId, [...(grouped.get(n.themeId) ?? []), summary(n)]);
    } else unthemed.push(summary(n));
  }
  return {
    boardId: board.id,
    roomId: board.roomId,
    roomLabel,
    questionIndex: board.questionIndex,
    question: board.question,
    noteCount: notes.length,
    votesRevealed: board.revealed,
    themes: themesInReadingOrder(themes).map((t) => {
      const ns = (grouped.get(t.id) ?? []).sort(byVotes);
      return {
        id: t.id,
        heading: t.heading,
        votes: ns.reduce((s, n) => s + n.votes, 0),
        notes: ns.map(strip),
      };
    }),
    unthemed: unthemed.sort(byVotes).map(strip),
  };
}
