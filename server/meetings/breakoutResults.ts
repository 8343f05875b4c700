import { type BreakoutResults, summariseBoard } from '../../shared/domain/board/results';
import type { Store } from '../storage/store';
import { boardCounts } from './boardCounts';
import { noteView, themeView } from './boardViews';
import { roomViews } from './breakoutRooms';
import type { BreakoutActivity } from './breakouts';

/** [BOARD15] Every board's themes, post-its and vote counts, per question. For staff and the API. */
export async function breakoutResults(store: Store, a: BreakoutActivity): Promise<BreakoutResults> {
  const [rooms, boards, members] = await Promise.all([
    store.breakouts.rooms(a.id),
    store.breakouts.boards(a.id),
    store.breakouts.members(a.id),
  ]);
  const label = new Map(rooms.map((r) => [r.id, r.label]));
  const order = new Map(rooms.map((r) => [r.id, r.index]));
  let total = 0;
  const summaries = await Promise.all(
    boards.map(async (b) => {
      const [notes, themes, { counts, roomCounts }] = await Promise.all([
        store.boards.notes(b.id),
        store.boards.themes(b.id),
        boardCounts(store, b),
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
  return {
    kind: 'breakout',
    activityId: a.id,
    total,
    rooms: roomViews(rooms, members),
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
