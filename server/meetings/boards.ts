import { mayEditNote } from '../../shared/domain/board/access';
import type { BoardState } from '../../shared/domain/board/types';
import { DomainError } from '../../shared/protocol/ack';
import type { Store } from '../storage/store';
import { boardCounts } from './boardCounts';
import { need } from './boardGuards';
import { NoteService } from './boardNotes';
import { ThemeService } from './boardThemes';
import { boardView, noteView, themeView } from './boardViews';
import { VoteService } from './boardVotes';
import type { BoardContext, BreakoutService } from './breakouts';
import type { Session } from './meetings';

/**
 * [BOARD6–BOARD14] One board, server-authoritative: what a viewer sees of it, its lock, anonymity
 * and voting here; its post-its (`notes`), themes (`themes`) and dot votes (`votes`) each in their
 * own service. Every method checks what this session may do on the board (domain/board/access.ts),
 * stores, and answers what is stored now; the realtime handler acks and broadcasts. [RECON6] A
 * change with a key (`once`) is applied once: a replay answers what is stored now and changes nothing.
 */
export class BoardService {
  readonly notes: NoteService;
  readonly themes: ThemeService;
  readonly votes: VoteService;

  constructor(
    private readonly store: Store,
    now: () => number,
    private readonly breakouts: BreakoutService,
  ) {
    this.notes = new NoteService(store, now, breakouts);
    this.themes = new ThemeService(store, now, breakouts);
    this.votes = new VoteService(store, now, breakouts);
  }

  context(s: Session, boardId: string): Promise<BoardContext> {
    return this.breakouts.boardContext(s, boardId);
  }

  /** [BOARD14] The whole board for this viewer. */
  async state(s: Session, boardId: string): Promise<{ ctx: BoardContext; state: BoardState }> {
    const ctx = await this.breakouts.boardContext(s, boardId);
    need(ctx, 'read');
    const { board } = ctx;
    const [all, themes, { counts, roomCounts }, myVotes] = await Promise.all([
      this.store.boards.notes(board.id, true),
      this.store.boards.themes(board.id),
      boardCounts(this.store, board),
      s.participantId ? this.store.boards.myVotes(board.id, s.participantId) : Promise.resolve([]),
    ]);
    const live = all.filter((n) => !n.deleted);
    const showCounts = ctx.access.manage || ctx.viewer.role === 'secretary' || board.votesRevealed;
    return {
      ctx,
      state: {
        board: boardView(board, ctx.activity.spec),
        notes: live.map((n) => noteView(n, board)),
        themes: themes.map(themeView),
        counts: showCounts ? counts : null,
        roomCounts: showCounts ? roomCounts : null,
        myVotes,
        mine: live.filter((n) => mayEditNote(ctx.viewer, n)).map((n) => n.id),
        deleted: all.filter((n) => n.deleted).map((n) => ({ id: n.id, version: n.version })),
      },
    };
  }

  /**
   * [BOARD10] Lock and anonymity. Anonymity can be switched on at any time; off only while the
   * board is empty (switching it off later would show names people were promised to be hidden).
   */
  async settings(s: Session, input: { boardId: string; locked?: boolean; anonymous?: boolean }) {
    const ctx = await this.breakouts.boardContext(s, input.boardId);
    need(ctx, 'manage');
    // "Still empty" is checked and anonymity switched off in one transaction.
    const board = await this.store.transaction(async (tx) => {
      const current = (await tx.breakouts.board(ctx.board.id)) ?? ctx.board;
      if (input.anonymous === false && current.anonymous) {
        if ((await tx.boards.notes(current.id, true)).length > 0) {
          throw new DomainError('conflict', 'post-its were written anonymously: anonymity stays on');
        }
      }
      return tx.breakouts.updateBoard(current.id, {
        ...(input.locked !== undefined ? { locked: input.locked } : {}),
        ...(input.anonymous !== undefined ? { anonymous: input.anonymous } : {}),
      });
    });
    return { ctx, board: board! };
  }

  /** [BOARD12] Voting: open or close, votes per participant (lowered only before anyone voted), reveal. */
  async voting(s: Session, input: { boardId: string; open?: boolean; limit?: number; revealed?: boolean }) {
    const ctx = await this.breakouts.boardContext(s, input.boardId);
    need(ctx, 'manage');
    // "Nobody voted yet" is checked and the limit lowered in one transaction.
    const board = await this.store.transaction(async (tx) => {
      const current = (await tx.breakouts.board(ctx.board.id)) ?? ctx.board;
      if (input.limit !== undefined && input.limit < current.voteLimit) {
        if ((await tx.boards.voteTotal(current.id)) > 0) {
          throw new DomainError('conflict', 'votes were cast: the number of votes can only go up');
        }
      }
      return tx.breakouts.updateBoard(current.id, {
        ...(input.open !== undefined ? { votingOpen: input.open } : {}),
        ...(input.limit !== undefined ? { voteLimit: input.limit } : {}),
        ...(input.revealed !== undefined ? { votesRevealed: input.revealed } : {}),
      });
    });
    return { ctx, board: board! };
  }
}
