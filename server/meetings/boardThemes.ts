import { byAge } from '../../shared/domain/board/apply';
import { themeSlot } from '../../shared/domain/board/layout';
import { BOARD_LIMITS } from '../../shared/domain/board/limits';
import { DomainError } from '../../shared/protocol/ack';
import { type CommandKey, REPLAYED } from '../storage/applied';
import type { NoteRecord } from '../storage/boardStore';
import type { Store } from '../storage/store';
import { liveTheme, need } from './boardGuards';
import type { BreakoutService } from './breakouts';
import type { Session } from './meetings';
import { appliedBefore } from './replay';

/**
 * [BOARD11] Themes on a board: post-its into a theme, making, renaming, moving, merging and
 * dissolving themes. [RECON6] A change with a key (`once`) is applied once.
 */
export class ThemeService {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
    private readonly breakouts: BreakoutService,
  ) {}

  /** [BOARD11] Post-its into a theme (or out of every theme), many at once. */
  async assign(s: Session, input: { boardId: string; noteIds: string[]; themeId: string | null }) {
    const ctx = await this.breakouts.boardContext(s, input.boardId);
    need(ctx, 'cluster');
    const changed = await this.store.boards.setTheme(ctx.board.id, input.noteIds, input.themeId, this.now());
    if (changed === 'no_theme') throw new DomainError('not_found', 'no such theme');
    return { ctx, notes: changed };
  }

  /**
   * [BOARD11] A theme with a heading, optionally with post-its put in it at once. Idempotent on id
   * (`created: false` for a retry: nothing to tell anyone, RECON6).
   */
  async create(
    s: Session,
    input: { id: string; boardId: string; heading: string; x: number; y: number; noteIds?: string[] },
  ) {
    const ctx = await this.breakouts.boardContext(s, input.boardId);
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

  async update(
    s: Session,
    input: { id: string; heading?: string; x?: number; y?: number },
    once?: CommandKey,
  ) {
    const t = await liveTheme(this.store, input.id);
    const ctx = await this.breakouts.boardContext(s, t.boardId);
    if (await appliedBefore(this.store, once)) return { ctx, theme: t };
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
    if (stored === REPLAYED) return { ctx, theme: await liveTheme(this.store, t.id) };
    if (!stored || stored.deleted) throw new DomainError('not_found', 'no such theme');
    return { ctx, theme: stored };
  }

  /** A replayed merge or dissolve: the theme is gone already; nothing moved this time. */
  private async themeGone(s: Session, id: string) {
    const t = await this.store.boards.theme(id);
    if (!t) throw new DomainError('not_found', 'no such theme');
    return { ctx: await this.breakouts.boardContext(s, t.boardId), notes: [] as NoteRecord[], removed: t.id };
  }

  /** [BOARD11] Merging: every post-it of `id` goes to `intoId`, then `id` is gone. */
  async merge(s: Session, input: { id: string; intoId: string }, once?: CommandKey) {
    if (await appliedBefore(this.store, once)) {
      return { ...(await this.themeGone(s, input.id)), theme: await liveTheme(this.store, input.intoId) };
    }
    if (input.id === input.intoId)
      throw new DomainError('invalid_payload', 'a theme cannot merge into itself');
    const from = await liveTheme(this.store, input.id);
    const into = await liveTheme(this.store, input.intoId);
    if (from.boardId !== into.boardId)
      throw new DomainError('invalid_payload', 'themes are on different boards');
    const ctx = await this.breakouts.boardContext(s, from.boardId);
    need(ctx, 'cluster');
    const notes = await this.store.boards.mergeTheme(from.id, into.id, this.now(), once);
    return { ctx, theme: into, notes: notes === REPLAYED ? [] : notes, removed: from.id };
  }

  /** [BOARD11] Dissolving: the post-its stay where they were drawn, in no theme. */
  async dissolve(s: Session, input: { id: string }, once?: CommandKey) {
    if (await appliedBefore(this.store, once)) return this.themeGone(s, input.id);
    const t = await liveTheme(this.store, input.id);
    const ctx = await this.breakouts.boardContext(s, t.boardId);
    need(ctx, 'cluster');
    const members = (await this.store.boards.notes(t.boardId)).filter((n) => n.themeId === t.id).sort(byAge);
    const positions = new Map(members.map((n, i) => [n.id, themeSlot(t, i, members.length)]));
    const notes = await this.store.boards.dissolveTheme(t.id, positions, this.now(), once);
    return { ctx, notes: notes === REPLAYED ? [] : notes, removed: t.id };
  }
}
