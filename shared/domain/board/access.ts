import type { BreakoutSpec } from '../../protocol/schemas/board';
import type { Role } from '../roles';
import type { ActivityStatus } from '../types';

/** Who is looking: role from the server's session, and (participants) the room they are in now. */
export interface Viewer {
  role: Role;
  participantId: string | null;
  /** The participant's room in this break-out, or null. */
  roomId: string | null;
}

export interface BoardFacts {
  /** null: the plenary synthesis board. */
  roomId: string | null;
  locked: boolean;
  voting: { open: boolean };
}

export interface BreakoutFacts {
  status: ActivityStatus;
  spec: Pick<BreakoutSpec, 'seeOtherRooms' | 'participantsCluster'>;
  synthesis: boolean;
}

export interface BoardAccess {
  /** May receive the board's contents. */
  read: boolean;
  /** May add post-its and move any post-it. */
  write: boolean;
  /** May make, change, merge and dissolve themes, and put post-its in them. */
  cluster: boolean;
  /** May spend dot votes (when voting is open). */
  vote: boolean;
  /** May lock, make anonymous, and run voting. */
  manage: boolean;
}

const NONE: BoardAccess = { read: false, write: false, cluster: false, vote: false, manage: false };

/**
 * [BOARD5][BOARD7][BOARD10][BOARD11][BOARD12] What a viewer may do on a board. The client uses it
 * to hide what the server refuses.
 * - Facilitator and secretary read and write every board, locked or not, and cluster; only the
 *   facilitator manages boards. Staff do not vote.
 * - A participant reads and writes the boards of their own room while the break-outs run and the
 *   board is not locked; reads other rooms' boards only when the activity allows it; reads and
 *   writes the synthesis boards once the synthesis has started (unless locked). Clustering only
 *   when the activity allows participants to cluster, wherever they may write. Voting on the
 *   boards of their own room while the break-outs run, and on the synthesis, while voting is open
 *   (also when locked: lock stops writing, not voting). Once the break-outs end a room board is
 *   read-only, for votes too.
 * - Observers read synthesis boards, and room boards when other rooms may be seen.
 */
export function boardAccess(v: Viewer, board: BoardFacts, bo: BreakoutFacts): BoardAccess {
  if (v.role === 'facilitator' || v.role === 'secretary') {
    return { read: true, write: true, cluster: true, vote: false, manage: v.role === 'facilitator' };
  }
  const synthesis = board.roomId === null;
  if (v.role === 'observer') {
    const read = synthesis ? bo.synthesis : bo.spec.seeOtherRooms;
    return { ...NONE, read };
  }
  if (synthesis) {
    if (!bo.synthesis) return NONE;
    const write = !board.locked;
    return {
      read: true,
      write,
      cluster: write && bo.spec.participantsCluster,
      vote: board.voting.open,
      manage: false,
    };
  }
  const own = v.roomId !== null && v.roomId === board.roomId;
  if (!own) return { ...NONE, read: bo.spec.seeOtherRooms };
  const running = bo.status === 'open';
  const write = running && !board.locked;
  return {
    read: true,
    write,
    cluster: write && bo.spec.participantsCluster,
    vote: running && board.voting.open,
    manage: false,
  };
}

export interface NoteFacts {
  authorId: string | null;
  byStaff: boolean;
}

/**
 * [BOARD7] Changing a post-it's text or colour: its writer only (a participant their own; staff
 * the post-its written by staff). Deleting: the writer, or the facilitator (moderation).
 * Both also need write access to the board.
 */
export function mayEditNote(v: Viewer, note: NoteFacts): boolean {
  if (v.role === 'participant') return v.participantId !== null && note.authorId === v.participantId;
  if (v.role === 'facilitator' || v.role === 'secretary') return note.byStaff;
  return false;
}

export function mayDeleteNote(v: Viewer, note: NoteFacts): boolean {
  return v.role === 'facilitator' || mayEditNote(v, note);
}
