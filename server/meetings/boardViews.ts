import type { BoardView, NoteView, ThemeView } from '../../shared/domain/board/types';
import type { NoteResult } from '../../shared/protocol/boardEvents';
import type { BreakoutSpec } from '../../shared/protocol/schemas/board';
import type { BoardRecord, NoteRecord, ThemeRecord } from '../storage/boardStore';

/** What a board, a post-it and a theme look like on the wire, from their stored records. */
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

/** A post-it command's answer: the post-it as stored now (`note: null` once deleted). */
export const noteResult = (n: NoteRecord, board: Pick<BoardRecord, 'anonymous'>): NoteResult => ({
  id: n.id,
  note: n.deleted ? null : noteView(n, board),
  version: n.version,
});
