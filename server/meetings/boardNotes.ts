import { mayDeleteNote, mayEditNote } from '../../shared/domain/board/access';
import { BOARD_LIMITS } from '../../shared/domain/board/limits';
import { colourForOrg, type NoteColour } from '../../shared/domain/board/palette';
import { DomainError } from '../../shared/protocol/ack';
import type { NoteResult } from '../../shared/protocol/boardEvents';
import { type CommandKey, REPLAYED } from '../storage/applied';
import type { NoteRecord } from '../storage/boardStore';
import type { Store } from '../storage/store';
import { liveNote, need } from './boardGuards';
import { noteResult } from './boardViews';
import type { BoardContext, BreakoutService } from './breakouts';
import type { Session } from './meetings';
import { appliedBefore } from './replay';

/**
 * [BOARD6–BOARD8] Post-its on a board: write, edit, move, delete. Each checks what this session may
 * do on the board, stores, and answers what is stored now. [RECON6] A change with a key (`once`)
 * is applied once: a replay answers what is stored now and changes nothing.
 */
export class NoteService {
  /**
   * The last creation time given out: post-its created in the same millisecond on this node get
   * successive ones, so "the newest" (the board's opening view, BOARD17) is the one made last.
   */
  private lastCreated = 0;

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly breakouts: BreakoutService,
  ) {}

  /**
   * [BOARD6] A new post-it. Idempotent on its client-made id: a retry, or the same command from a
   * second tab, answers the stored post-it (or, when it was deleted since, that it is deleted).
   * With "colour by organisation type" the server sets the colour.
   */
  async create(
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
    const ctx = await this.breakouts.boardContext(s, input.boardId);
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
    const t = Math.max(this.now(), this.lastCreated + 1);
    this.lastCreated = t;
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
    const ctx = await this.breakouts.boardContext(s, note.boardId);
    return { ctx, result: noteResult(note, ctx.board), note };
  }

  /** [BOARD7][BOARD8] Text and colour: only the writer; the other fields are left as they are. */
  async edit(s: Session, input: { id: string; text?: string; colour?: NoteColour }, once?: CommandKey) {
    if (await appliedBefore(this.store, once)) return this.noteNow(s, input.id);
    const note = await liveNote(this.store, input.id);
    const ctx = await this.breakouts.boardContext(s, note.boardId);
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
  async move(
    s: Session,
    input: { id: string; x: number; y: number; themeId?: string | null },
    once?: CommandKey,
  ) {
    if (await appliedBefore(this.store, once)) return this.noteNow(s, input.id);
    const note = await liveNote(this.store, input.id);
    const ctx = await this.breakouts.boardContext(s, note.boardId);
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
  async delete(s: Session, input: { id: string }) {
    const note = await this.store.boards.note(input.id);
    if (!note) throw new DomainError('not_found', 'no such post-it');
    const ctx = await this.breakouts.boardContext(s, note.boardId);
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
}
