import type { BoardRecord } from '../storage/boardStore';
import type { Store } from '../storage/store';

/** A board's vote counts: `counts` are all votes per post-it, `roomCounts` the room part of them. */
export interface BoardCounts {
  counts: Record<string, number>;
  roomCounts: Record<string, number>;
}

/**
 * [BOARD13] Room votes travel with their post-its: on a synthesis board a copy counts the votes its
 * original got in its room plus the votes cast on the synthesis, and says how many came from the
 * room. Read live from the room boards, so a vote taken back in a room (or a deleted original)
 * shows at once; the copies never hold a second, stale number.
 */
export async function boardCounts(
  store: Store,
  board: Pick<BoardRecord, 'id' | 'roomId'>,
): Promise<BoardCounts> {
  const [own, roomCounts] = await Promise.all([
    store.boards.voteCounts(board.id),
    board.roomId === null
      ? store.boards.originVoteCounts(board.id)
      : Promise.resolve<Record<string, number>>({}),
  ]);
  const counts: Record<string, number> = { ...own };
  for (const [id, n] of Object.entries(roomCounts)) counts[id] = (counts[id] ?? 0) + n;
  return { counts, roomCounts };
}
