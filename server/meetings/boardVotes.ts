import type { VoteRef } from '../../shared/domain/board/types';
import { DomainError } from '../../shared/protocol/ack';
import type { CommandKey } from '../storage/applied';
import type { Store } from '../storage/store';
import { liveNote, need, REFUSALS } from './boardGuards';
import type { BoardContext, BreakoutService } from './breakouts';
import type { Session } from './meetings';
import { appliedBefore } from './replay';

/** [BOARD12] Dot votes on a board's post-its: casting and taking back. */
export class VoteService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly breakouts: BreakoutService,
  ) {}

  /**
   * [BOARD12] A dot vote: while voting is open, at most the board's limit per participant (checked
   * and stored in one transaction, capped by a database key). A retry with the same id counts once;
   * [RECON6] a replay after the vote was taken back does not cast it again.
   */
  async cast(
    s: Session,
    input: { id: string; noteId: string },
    once?: CommandKey,
  ): Promise<{ ctx: BoardContext; votes: VoteRef[] }> {
    const pid = s.participantId!;
    const existing = await this.store.boards.vote(input.id);
    if (existing && existing.participantId !== pid) throw new DomainError('conflict', 'id already in use');
    const replayed = !existing && (await appliedBefore(this.store, once));
    const note =
      existing || replayed
        ? await this.store.boards.note(existing?.noteId ?? input.noteId)
        : await liveNote(this.store, input.noteId);
    if (!note) throw new DomainError('not_found', 'no such post-it');
    const ctx = await this.breakouts.boardContext(s, note.boardId);
    if (!existing && !replayed) {
      need(ctx, 'vote');
      // Voting still open, with the board's limit as it is now: read with the vote, in one transaction.
      const { outcome, limit } = await this.store.transaction(
        async (tx) => {
          const board = (await tx.breakouts.board(note.boardId)) ?? ctx.board;
          if (!board.votingOpen) throw new DomainError('forbidden', REFUSALS.vote);
          const v = {
            id: input.id,
            boardId: note.boardId,
            noteId: note.id,
            participantId: pid,
            at: this.now(),
          };
          return { outcome: await tx.boards.castVote(v, board.voteLimit, once), limit: board.voteLimit };
        },
        { lock: `votes:${note.boardId}` },
      );
      if (outcome === 'limit') {
        throw new DomainError('conflict', `you have used all ${limit} votes on this board`);
      }
      if (outcome === 'gone') throw new DomainError('not_found', 'this post-it was deleted');
    }
    return { ctx, votes: await this.store.boards.myVotes(note.boardId, pid) };
  }

  /** [BOARD12] Taking a vote back, while voting is open. Taking back a vote that is gone changes nothing. */
  async retract(s: Session, input: { id: string }): Promise<{ ctx: BoardContext | null; votes: VoteRef[] }> {
    const pid = s.participantId!;
    const v = await this.store.boards.vote(input.id);
    if (!v || v.participantId !== pid) return { ctx: null, votes: [] };
    const ctx = await this.breakouts.boardContext(s, v.boardId);
    need(ctx, 'vote');
    await this.store.boards.retractVote(v.id, pid);
    return { ctx, votes: await this.store.boards.myVotes(v.boardId, pid) };
  }
}
