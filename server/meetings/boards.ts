import type { BoardAccess } from '../../shared/domain/board/access';
import { mayDeleteNote, mayEditNote } from '../../shared/domain/board/access';
import { byAge } from '../../shared/domain/board/apply';
import { themeSlot } from '../../shared/domain/board/layout';
import { BOARD_LIMITS } from '../../shared/domain/board/limits';
import { colourForOrg, type NoteColour } from '../../shared/domain/board/palette';
import type { BoardState, VoteRef } from '../../shared/domain/board/types';
import { DomainError } from '../../shared/protocol/ack';
import type { NoteResult } from '../../shared/protocol/boardEvents';
import { type CommandKey, REPLAYED } from '../storage/applied';
import type { BoardRecord, NoteRecord, ThemeRecord } from '../storage/boardStore';
import type { Store } from '../storage/store';
import { boardCounts } from './boardCounts';
import { type BoardContext, type BreakoutService, boardView, noteView, themeView } from './breakouts';
import type { Session } from './meetings';
import { wasApplied } from './replay';

const REFUSALS: Record<keyof BoardAccess, string> = {
  read: 'you cannot see this board',
  write: 'this board is read-only for you now',
  cluster: 'you cannot change themes on this board',
  vote: 'voting is not open for you on this board',
  manage: 'only the facilitator can change this board',
};

function need(ctx: BoardContext, what: keyof BoardAccess): void {
  if (!ctx.access[what]) throw new DomainError('forbidden', REFUSALS[what]);
}

export const noteResult = (n: NoteRecord, board: Pick<BoardRecord, 'anonymous'>): NoteResult => ({
  id: n.id,
  note: n.deleted ? null : noteView(n, board),
  version: n.version,
});

/**
 * [BOARD6–BOARD12] Post-its, themes and dot votes on one board, server-authoritative. Every
 * method checks what this session may do on the board (domain/board/access.ts), stores, and
 * answers what is stored now; the realtime handler acks and broadcasts. [RECON6] A change with a
 * key (`once`) is applied once: a replay answers what is stored now and changes nothing.
 */
export class BoardService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly breakouts: BreakoutService,
  ) {}

  context(s: Session, boardId: string): Promise<BoardContext> {
    return this.breakouts.boardContext(s, boardId);
  }

  /** [BOARD14] The whole board for this viewer. */
  async state(s: Session, boardId: string): Promise<{ ctx: BoardContext; state: BoardState }> {
    const ctx = await this.context(s, boardId);
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

  private async liveNote(id: string): Promise<NoteRecord> {
    const n = await this.store.boards.note(id);
    if (!n) throw new DomainError('not_found', 'no such post-it');
    if (n.deleted) throw new DomainError('not_found', 'this post-it was deleted');
    return n;
  }

  private async liveTheme(id: string): Promise<ThemeRecord> {
    const t = await this.store.boards.theme(id);
    if (!t || t.deleted) throw new DomainError('not_found', 'no such theme');
    return t;
  }

  /**
   * [BOARD6] A new post-it. Idempotent on its client-made id: a retry, or the same command from a
   * second tab, answers the stored post-it (or, when it was deleted since, that it is deleted).
   * With "colour by organisation type" the server sets the colour.
   */
  async createNote(
    s: Session,
    input: {
      id: string;
      boardId: string;
      text: string;
      colour: NoteColour;
      x: number;
      y: number;
      themeId?: string | null;
    },
  ): Promise<{ ctx: BoardContext; result: NoteResult; created: NoteRecord | null }> {
    const ctx = await this.context(s, input.boardId);
    const existing = await this.store.boards.note(input.id);
    if (existing) {
      const sameWriter = s.participantId ? existing.authorId === s.participantId : existing.byStaff;
      if (existing.boardId !== input.boardId || !sameWriter) {
        throw new DomainError('conflict', 'id already in use');
      }
      return { ctx, result: noteResult(existing, ctx.board), created: null };
    }
    need(ctx, 'write');
    if (input.themeId) need(ctx, 'cluster');
    let colour = input.colour;
    if (ctx.activity.spec.colourBy === 'orgType') {
      const p = s.participantId ? await this.store.participants.get(s.participantId) : undefined;
      colour = colourForOrg(p?.orgType);
    }
    const t = this.now();
    const stored = await this.store.boards.createNote(
      {
        id: input.id,
        boardId: ctx.board.id,
        authorId: s.participantId,
        byStaff: s.participantId === null,
        text: input.text,
        colour,
        x: input.x,
        y: input.y,
        themeId: input.themeId ?? null,
        originId: null,
        roomLabel: null,
        version: 1,
        deleted: false,
        createdAt: t,
        updatedAt: t,
      },
      BOARD_LIMITS.notesPerBoard,
    );
    if (stored === 'full') {
      throw new DomainError('too_large', `a board holds at most ${BOARD_LIMITS.notesPerBoard} post-its`);
    }
    return { ctx, result: noteResult(stored, ctx.board), created: stored };
  }

  /** A replayed post-it command: the post-it as stored now (`note: null` once deleted). */
  private async noteNow(s: Session, id: string) {
    const note = await this.store.boards.note(id);
    if (!note) throw new DomainError('not_found', 'no such post-it');
    const ctx = await this.context(s, note.boardId);
    return { ctx, result: noteResult(note, ctx.board), note };
  }

  /** [BOARD7][BOARD8] Text and colour: only the writer; the other fields are left as they are. */
  async editNote(s: Session, input: { id: string; text?: string; colour?: NoteColour }, once?: CommandKey) {
    if (await wasApplied(this.store, once)) return this.noteNow(s, input.id);
    const note = await this.liveNote(input.id);
    const ctx = await this.context(s, note.boardId);
    need(ctx, 'write');
    if (!mayEditNote(ctx.viewer, note))
      throw new DomainError('forbidden', 'you can only change your own post-its');
    if (
      input.colour !== undefined &&
      ctx.activity.spec.colourBy === 'orgType' &&
      input.colour !== note.colour
    ) {
      throw new DomainError('conflict', 'on this board the colour follows the organisation type');
    }
    return this.update(s, ctx, note.id, { text: input.text, colour: input.colour }, once);
  }

  /** [BOARD7][BOARD8] Anyone who may write moves any post-it; into or out of a theme needs clustering. */
  async moveNote(
    s: Session,
    input: { id: string; x: number; y: number; themeId?: string | null },
    once?: CommandKey,
  ) {
    if (await wasApplied(this.store, once)) return this.noteNow(s, input.id);
    const note = await this.liveNote(input.id);
    const ctx = await this.context(s, note.boardId);
    need(ctx, 'write');
    if (input.themeId !== undefined && input.themeId !== note.themeId) need(ctx, 'cluster');
    return this.update(s, ctx, note.id, { x: input.x, y: input.y, themeId: input.themeId }, once);
  }

  private async update(
    s: Session,
    ctx: BoardContext,
    id: string,
    patch: Partial<Pick<NoteRecord, 'text' | 'colour' | 'x' | 'y' | 'themeId'>>,
    once: CommandKey | undefined,
  ) {
    const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const stored = await this.store.boards.updateNote(id, clean, this.now(), once);
    if (stored === REPLAYED) return this.noteNow(s, id);
    if (stored === 'no_theme') throw new DomainError('not_found', 'no such theme');
    if (!stored || stored.deleted) throw new DomainError('not_found', 'this post-it was deleted');
    return { ctx, result: noteResult(stored, ctx.board), note: stored };
  }

  /**
   * [BOARD7][BOARD8] Deleting is final. Deleting again answers the same tombstone (`fresh: false`:
   * nothing to tell anyone, RECON6).
   */
  async deleteNote(s: Session, input: { id: string }) {
    const note = await this.store.boards.note(input.id);
    if (!note) throw new DomainError('not_found', 'no such post-it');
    const ctx = await this.context(s, note.boardId);
    if (note.deleted)
      return { ctx, result: noteResult(note, ctx.board), voters: [] as string[], fresh: false };
    need(ctx, 'write');
    if (!mayDeleteNote(ctx.viewer, note)) {
      throw new DomainError('forbidden', 'you can only delete your own post-its');
    }
    const done = await this.store.boards.deleteNote(note.id, this.now());
    if (!done) throw new DomainError('not_found', 'no such post-it');
    return { ctx, result: noteResult(done.note, ctx.board), voters: done.voters, fresh: true };
  }

  /** [BOARD11] Post-its into a theme (or out of every theme), many at once. */
  async setTheme(s: Session, input: { boardId: string; noteIds: string[]; themeId: string | null }) {
    const ctx = await this.context(s, input.boardId);
    need(ctx, 'cluster');
    const changed = await this.store.boards.setTheme(ctx.board.id, input.noteIds, input.themeId, this.now());
    if (changed === 'no_theme') throw new DomainError('not_found', 'no such theme');
    return { ctx, notes: changed };
  }

  /**
   * [BOARD11] A theme with a heading, optionally with post-its put in it at once. Idempotent on id
   * (`created: false` for a retry: nothing to tell anyone, RECON6).
   */
  async createTheme(
    s: Session,
    input: { id: string; boardId: string; heading: string; x: number; y: number; noteIds?: string[] },
  ) {
    const ctx = await this.context(s, input.boardId);
    const existing = await this.store.boards.theme(input.id);
    if (existing) {
      if (existing.boardId !== input.boardId) throw new DomainError('conflict', 'id already in use');
      if (existing.deleted) throw new DomainError('conflict', 'this theme was removed');
      return { ctx, theme: existing, notes: [] as NoteRecord[], created: false };
    }
    need(ctx, 'cluster');
    const made = await this.store.boards.createTheme(
      {
        id: input.id,
        boardId: ctx.board.id,
        heading: input.heading,
        x: input.x,
        y: input.y,
        version: 1,
        deleted: false,
        createdAt: this.now(),
      },
      input.noteIds ?? [],
      BOARD_LIMITS.themesPerBoard,
    );
    if (made === 'full')
      throw new DomainError('too_large', `a board holds at most ${BOARD_LIMITS.themesPerBoard} themes`);
    return { ctx, theme: made.theme, notes: made.notes, created: true };
  }

  async updateTheme(
    s: Session,
    input: { id: string; heading?: string; x?: number; y?: number },
    once?: CommandKey,
  ) {
    const t = await this.liveTheme(input.id);
    const ctx = await this.context(s, t.boardId);
    if (await wasApplied(this.store, once)) return { ctx, theme: t };
    need(ctx, 'cluster');
    const stored = await this.store.boards.updateTheme(
      t.id,
      {
        ...(input.heading !== undefined ? { heading: input.heading } : {}),
        ...(input.x !== undefined ? { x: input.x } : {}),
        ...(input.y !== undefined ? { y: input.y } : {}),
      },
      once,
    );
    if (stored === REPLAYED) return { ctx, theme: await this.liveTheme(t.id) };
    if (!stored || stored.deleted) throw new DomainError('not_found', 'no such theme');
    return { ctx, theme: stored };
  }

  /** A replayed merge or dissolve: the theme is gone already; nothing moved this time. */
  private async themeGone(s: Session, id: string) {
    const t = await this.store.boards.theme(id);
    if (!t) throw new DomainError('not_found', 'no such theme');
    return { ctx: await this.context(s, t.boardId), notes: [] as NoteRecord[], removed: t.id };
  }

  /** [BOARD11] Merging: every post-it of `id` goes to `intoId`, then `id` is gone. */
  async mergeTheme(s: Session, input: { id: string; intoId: string }, once?: CommandKey) {
    if (await wasApplied(this.store, once)) {
      return { ...(await this.themeGone(s, input.id)), theme: await this.liveTheme(input.intoId) };
    }
    if (input.id === input.intoId)
      throw new DomainError('invalid_payload', 'a theme cannot merge into itself');
    const from = await this.liveTheme(input.id);
    const into = await this.liveTheme(input.intoId);
    if (from.boardId !== into.boardId)
      throw new DomainError('invalid_payload', 'themes are on different boards');
    const ctx = await this.context(s, from.boardId);
    need(ctx, 'cluster');
    const notes = await this.store.boards.mergeTheme(from.id, into.id, this.now(), once);
    return { ctx, theme: into, notes: notes === REPLAYED ? [] : notes, removed: from.id };
  }

  /** [BOARD11] Dissolving: the post-its stay where they were drawn, in no theme. */
  async dissolveTheme(s: Session, input: { id: string }, once?: CommandKey) {
    if (await wasApplied(this.store, once)) return this.themeGone(s, input.id);
    const t = await this.liveTheme(input.id);
    const ctx = await this.context(s, t.boardId);
    need(ctx, 'cluster');
    const members = (await this.store.boards.notes(t.boardId)).filter((n) => n.themeId === t.id).sort(byAge);
    const positions = new Map(members.map((n, i) => [n.id, themeSlot(t, i, members.length)]));
    const notes = await this.store.boards.dissolveTheme(t.id, positions, this.now(), once);
    return { ctx, notes: notes === REPLAYED ? [] : notes, removed: t.id };
  }

  /**
   * [BOARD12] A dot vote: while voting is open, at most the board's limit per participant (checked
   * and stored in one transaction, capped by a database key). A retry with the same id counts once;
   * [RECON6] a replay after the vote was taken back does not cast it again.
   */
  async castVote(
    s: Session,
    input: { id: string; noteId: string },
    once?: CommandKey,
  ): Promise<{ ctx: BoardContext; votes: VoteRef[] }> {
    const pid = s.participantId!;
    const existing = await this.store.boards.vote(input.id);
    if (existing && existing.participantId !== pid) throw new DomainError('conflict', 'id already in use');
    const replayed = !existing && (await wasApplied(this.store, once));
    const note =
      existing || replayed
        ? await this.store.boards.note(existing?.noteId ?? input.noteId)
        : await this.liveNote(input.noteId);
    if (!note) throw new DomainError('not_found', 'no such post-it');
    const ctx = await this.context(s, note.boardId);
    if (!existing && !replayed) {
      need(ctx, 'vote');
      // Voting still open, with the board's limit as it is now: read with the vote, in one transaction.
      const { outcome, limit } = await this.store.transaction(async (tx) => {
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
      });
      if (outcome === 'limit') {
        throw new DomainError('conflict', `you have used all ${limit} votes on this board`);
      }
      if (outcome === 'gone') throw new DomainError('not_found', 'this post-it was deleted');
    }
    return { ctx, votes: await this.store.boards.myVotes(note.boardId, pid) };
  }

  /** [BOARD12] Taking a vote back, while voting is open. Taking back a vote that is gone changes nothing. */
  async retractVote(
    s: Session,
    input: { id: string },
  ): Promise<{ ctx: BoardContext | null; votes: VoteRef[] }> {
    const pid = s.participantId!;
    const v = await this.store.boards.vote(input.id);
    if (!v || v.participantId !== pid) return { ctx: null, votes: [] };
    const ctx = await this.context(s, v.boardId);
    need(ctx, 'vote');
    await this.store.boards.retractVote(v.id, pid);
    return { ctx, votes: await this.store.boards.myVotes(v.boardId, pid) };
  }

  /**
   * [BOARD10] Lock and anonymity. Anonymity can be switched on at any time; off only while the
   * board is empty (switching it off later would show names people were promised to be hidden).
   */
  async settings(s: Session, input: { boardId: string; locked?: boolean; anonymous?: boolean }) {
    const ctx = await this.context(s, input.boardId);
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
    const ctx = await this.context(s, input.boardId);
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
