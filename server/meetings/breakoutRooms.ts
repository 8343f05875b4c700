import { BOARD_LIMITS } from '../../shared/domain/board/limits';
import type { BreakoutView } from '../../shared/domain/board/types';
import { newId } from '../../shared/domain/ids';
import type { BoardRecord, MemberRecord, RoomRecord } from '../storage/boardStore';
import type { BreakoutActivity } from './breakouts';

/** A room's name until the facilitator gives it another. */
export const roomLabel = (index: number) => `Kamer ${index + 1}`;

/** `n` new rooms for a break-out, numbered from the first. */
export const newRooms = (a: BreakoutActivity, n: number): RoomRecord[] =>
  Array.from({ length: n }, (_, i) => ({ id: newId(), activityId: a.id, index: i, label: roomLabel(i) }));

/** A board per question for each of these rooms (`null`: the plenary synthesis). */
export function newBoards(a: BreakoutActivity, roomIds: (string | null)[], t: number): BoardRecord[] {
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

/** The rooms as shown, with how many people are placed in each. */
export function roomViews(rooms: RoomRecord[], members: MemberRecord[]): BreakoutView['rooms'] {
  const sizes = new Map<string, number>();
  for (const m of members) sizes.set(m.roomId, (sizes.get(m.roomId) ?? 0) + 1);
  return rooms.map((r) => ({ id: r.id, label: r.label, index: r.index, size: sizes.get(r.id) ?? 0 }));
}
