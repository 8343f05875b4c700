import type { MutableRefObject } from 'react';
import {
  areaPoint,
  contentBounds,
  freeSpot,
  MARGIN,
  newThemeSpot,
  noteRect,
  type Point,
} from '../../../shared/domain/board/layout';
import type { NoteColour } from '../../../shared/domain/board/palette';
import type { useT } from '../../i18n';
import type { useAppStore } from '../../store';
import { createNote, createTheme, editNote, moveNote, toTheme, unvote, vote } from './actions';
import type { CanvasHandle } from './BoardCanvas';
import type { MoveTarget } from './dialogs/MoveDialog';
import { type BoardModel, occupiedRects } from './model';
import type { NoteCommand } from './useNoteGestures';

/** The dialog open on a board, with what it is about. */
export type BoardDialog =
  | { kind: 'note'; id?: string; at?: Point }
  | { kind: 'actions'; id: string }
  | { kind: 'move'; ids: string[] }
  | { kind: 'theme'; ids: string[] }
  | { kind: 'themeEdit'; id: string };

/** What the board's commands need of the panel around them. */
export interface BoardCommandContext {
  model: BoardModel;
  t: ReturnType<typeof useT>;
  me: ReturnType<typeof useAppStore.getState>['me'];
  selection: ReadonlySet<string>;
  announce(msg: string): void;
  open(d: BoardDialog): void;
  onSelect(id: string, add: boolean): void;
  clearSelection(): void;
  canvas: MutableRefObject<CanvasHandle | null>;
}

/**
 * [BOARD6–BOARD12][BOARD17] What a board's buttons, shortcuts and dialogs do: each action checks
 * the right to it (or says it is not allowed), runs the command and says how it went.
 */
export function boardCommands(c: BoardCommandContext) {
  const { model, t, announce, open } = c;
  const { access, board } = model;
  /** What went wrong in words, or null when it went well. */
  const failed = (r: { ok: boolean; message?: string; error?: string }) =>
    r.ok
      ? null
      : r.error === 'forbidden'
        ? t('board.notAllowed')
        : t('board.failed', { message: r.message ?? '' });
  const note = (id: string) => model.notes.find((n) => n.id === id);

  const taken = (except?: ReadonlySet<string>) => occupiedRects(model, except);

  const moveTo = async (target: MoveTarget, ids: string[]) => {
    if (target.kind === 'theme') {
      const r = await toTheme(board.id, ids, target.themeId);
      const heading = model.themes.find((b) => b.theme.id === target.themeId)?.theme.heading ?? '';
      return announce(failed(r) ?? t('board.themed', { heading }));
    }
    const moving = new Set(ids);
    const rects = taken(moving);
    const anchor =
      target.kind === 'out'
        ? areaPoint('topRight', contentBounds(rects))
        : areaPoint(
            target.area,
            contentBounds(rects.length ? rects : [{ x: MARGIN, y: MARGIN, w: 0, h: 0 }]),
          );
    let problem: string | null = null;
    for (const id of ids) {
      const spot = freeSpot(rects, anchor);
      rects.push(noteRect(spot));
      const leave = model.themeOf.has(id) && access.cluster ? null : undefined;
      const r = await moveNote(board.id, id, spot.x, spot.y, leave);
      problem ??= failed(r);
    }
    announce(problem ?? t('board.moved'));
    if (ids.length === 1) requestAnimationFrame(() => c.canvas.current?.focusNote(ids[0]!));
  };

  const command = (cmd: NoteCommand, noteId: string | null) => {
    const { selection } = c;
    const ids =
      noteId && !(selection.has(noteId) && selection.size > 1)
        ? [noteId]
        : selection.size > 0
          ? [...selection]
          : [];
    const n = noteId ? note(noteId) : undefined;
    switch (cmd) {
      case 'new':
        return access.write ? open({ kind: 'note' }) : announce(t('board.notAllowed'));
      case 'actions':
        return noteId ? open({ kind: 'actions', id: noteId }) : undefined;
      case 'edit':
        return n && access.write && model.isMine(n.id)
          ? open({ kind: 'note', id: n.id })
          : announce(t('board.notAllowed'));
      case 'move':
        return access.write && ids.length ? open({ kind: 'move', ids }) : announce(t('board.notAllowed'));
      case 'theme':
        return access.cluster && ids.length ? open({ kind: 'theme', ids }) : announce(t('board.notAllowed'));
      case 'select':
        return noteId ? c.onSelect(noteId, true) : undefined;
      case 'vote':
        if (!n || !access.vote) return announce(t('board.notAllowed'));
        if (model.votesLeft <= 0) return announce(t('board.noVotesLeft'));
        return void vote(board.id, n.id).then((r) => announce(failed(r) ?? t('board.voted')));
      case 'unvote': {
        const mine = n ? model.myVotesOn.get(n.id) : undefined;
        if (!mine?.length) return;
        return void unvote(mine[mine.length - 1]!).then((r) => announce(failed(r) ?? t('board.unvoted')));
      }
      case 'delete':
        return n && access.write && (model.isMine(n.id) || access.manage)
          ? open({ kind: 'actions', id: n.id })
          : announce(t('board.notAllowed'));
    }
  };

  const saveNote = async (text: string, colour: NoteColour, id?: string, where?: Point) => {
    if (id) return failed(await editNote(board.id, id, { text, colour }));
    const at = where
      ? freeSpot(taken(), where)
      : (c.canvas.current?.freeSpotInView() ?? freeSpot(taken(), { x: MARGIN, y: MARGIN }));
    const r = await createNote({
      boardId: board.id,
      text,
      colour,
      ...at,
      author: board.anonymous ? null : (c.me?.name ?? null),
      byStaff: !c.me,
    });
    const problem = failed(r);
    announce(problem ?? t('board.added'));
    return problem;
  };

  /** [BOARD11] Post-its into a theme: an existing one (`themeId`), or a new one with `heading`. */
  const intoTheme = async (ids: string[], themeId: string | null, heading: string | null) => {
    if (themeId) {
      const r = await toTheme(board.id, ids, themeId);
      const h = model.themes.find((b) => b.theme.id === themeId)?.theme.heading ?? '';
      const problem = failed(r);
      announce(problem ?? t('board.themed', { heading: h }));
      if (!problem) c.clearSelection();
      return problem;
    }
    const members = ids.map((id) => model.position.get(id)).filter((p) => p !== undefined);
    const at = newThemeSpot(taken(new Set(ids)), members, c.canvas.current?.centre() ?? null);
    const r = await createTheme(board.id, heading ?? '', at.x, at.y, ids);
    const problem = failed(r);
    announce(problem ?? t('board.themed', { heading: heading ?? '' }));
    if (!problem) c.clearSelection();
    return problem;
  };

  return { failed, note, command, moveTo, saveNote, intoTheme };
}

export type BoardCommands = ReturnType<typeof boardCommands>;
