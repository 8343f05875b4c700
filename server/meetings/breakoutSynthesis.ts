import { freeSpot, MARGIN, noteRect, synthesisLayout } from '../../shared/domain/board/layout';
import { newId } from '../../shared/domain/ids';
import { DomainError } from '../../shared/protocol/ack';
import type { BoardRecord, NoteRecord, RoomRecord } from '../storage/boardStore';
import type { Store } from '../storage/store';
import { newBoards } from './breakoutRooms';
import type { BreakoutActivity } from './breakouts';

/**
 * [BOARD13] The plenary synthesis, inside a transaction (what was copied before decides what is
 * copied now): one board per question with a copy of every room's post-its (room label kept,
 * writer kept unless the room's board was anonymous). The first time they are laid out in a block
 * per room; doing it again adds only post-its not copied before (deleted copies stay deleted).
 * Answers the synthesis boards that got new post-its.
 */
export async function copyToSynthesis(tx: Store, a: BreakoutActivity, t: number): Promise<string[]> {
  const rooms = await tx.breakouts.rooms(a.id);
  if (rooms.length === 0) throw new DomainError('conflict', 'start the break-outs first');
  await tx.breakouts.addBoards(newBoards(a, [null], t));
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
    const copies = layOut(target, existing, perRoom, t);
    if (copies.length > 0 && (await tx.boards.copyNotes(copies)) > 0) grown.push(target.id);
  }
  const state = await tx.breakouts.get(a.id);
  if (!state?.synthesisAt) await tx.breakouts.update(a.id, { synthesisAt: t });
  return grown;
}

/** The copies for one synthesis board: in a block per room the first time, then in free spots. */
function layOut(
  target: BoardRecord,
  existing: NoteRecord[],
  perRoom: { room: RoomRecord; board: BoardRecord; notes: NoteRecord[] }[],
  t: number,
): Omit<NoteRecord, 'authorName'>[] {
  const layout = existing.length === 0 ? synthesisLayout(perRoom.map((r) => r.notes.length)) : [];
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
  return copies;
}
