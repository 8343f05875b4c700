import { type RefObject, useCallback, useMemo, useRef } from 'react';
import { contains, type Point } from '../../../shared/domain/board/layout';
import { useT } from '../../i18n';
import { dragPresence, moveNote, updateTheme } from './actions';
import type { BoardModel } from './model';
import type { CanvasApi } from './NoteCard';

export type NoteCommand =
  | 'actions'
  | 'edit'
  | 'move'
  | 'theme'
  | 'delete'
  | 'vote'
  | 'unvote'
  | 'new'
  | 'select';

/** A theme being dragged: where it is drawn until the server has its new place. */
export interface ThemeDrag {
  id: string;
  x: number;
  y: number;
}

/** What the gestures ask of the board around the canvas; read when a gesture happens. */
export interface GestureTarget {
  model: BoardModel;
  selection: ReadonlySet<string>;
  onSelect(id: string, add: boolean): void;
  onCommand(cmd: NoteCommand, noteId: string | null): void;
  onThemeActions(themeId: string): void;
  announce(msg: string): void;
  setThemeDrag(d: ThemeDrag | null): void;
}

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * [BOARD9][BOARD11][BOARD17] What post-its and themes do when dragged, dropped or used by keyboard:
 * drags are shown to others as presence, a drop on a theme puts the post-it in it, arrows move a
 * post-it or a theme, letters run a command (see `keyDown`). One stable object, reading the latest
 * props through a ref, so post-its never re-render for it.
 */
export function useNoteGestures(
  target: GestureTarget,
  camera: {
    toWorld(clientX: number, clientY: number): Point;
    zoom(): number;
    world: RefObject<HTMLDivElement | null>;
  },
) {
  const t = useT();
  const latest = useRef(target);
  latest.current = target;
  // `t` is a new function on every render: read through a ref, so the API below stays one object.
  const tr = useRef(t);
  tr.current = t;
  const { toWorld, zoom, world } = camera;

  const hover = useRef<HTMLElement | null>(null);
  const api = useMemo<CanvasApi>(() => {
    const targetTheme = (clientX: number, clientY: number) => {
      const p = toWorld(clientX, clientY);
      const boxes = latest.current.model.themes;
      for (let i = boxes.length - 1; i >= 0; i--) if (contains(boxes[i]!.rect, p)) return boxes[i]!;
      return null;
    };
    const setHover = (id: string | null) => {
      const el = id ? world.current?.querySelector<HTMLElement>(`[data-theme-id="${id}"]`) : null;
      if (hover.current === el) return;
      hover.current?.classList.remove('theme--target');
      el?.classList.add('theme--target');
      hover.current = el ?? null;
    };
    // Back to its slot in its theme.
    const backToSlot = (m: BoardModel, id: string) => {
      const el = world.current?.querySelector<HTMLElement>(`[data-note-id="${id}"]`);
      const at = m.position.get(id)!;
      if (el) el.style.transform = `translate(${at.x}px, ${at.y}px)`;
    };
    return {
      zoom,
      select: (id, add) => latest.current.onSelect(id, add),
      // Focus does not select: selection is Space, a click, or a checkbox, so it can hold many.
      focusNote: () => {},
      dragMove: (id, x, y, cx, cy) => {
        const m = latest.current.model;
        dragPresence(m.board.id, id, x, y);
        setHover(m.access.cluster ? (targetTheme(cx, cy)?.theme.id ?? null) : null);
      },
      drop: (id, x, y, cx, cy) => {
        setHover(null);
        const m = latest.current.model;
        dragPresence(m.board.id, id, x, y, true);
        const note = m.notes.find((n) => n.id === id);
        if (!note) return;
        const target = targetTheme(cx, cy);
        const into = target?.theme.id ?? null;
        // Dropped back into its own theme: it returns to its slot.
        if (into === note.themeId && into !== null) return backToSlot(m, id);
        const themeChange = into !== note.themeId && m.access.cluster ? into : undefined;
        // Stays in its theme (no right to take it out): back to its slot.
        if (themeChange === undefined && note.themeId !== null) return backToSlot(m, id);
        void moveNote(m.board.id, id, x, y, themeChange).then((r) => {
          if (r.ok && themeChange) {
            const heading = target?.theme.heading;
            latest.current.announce(
              heading ? tr.current('board.themed', { heading }) : tr.current('board.moved'),
            );
          }
        });
      },
      dragCancel: (id) => {
        setHover(null);
        dragPresence(latest.current.model.board.id, id, 0, 0, true);
      },
      keyDown: (id, e) => {
        const m = latest.current.model;
        const run = latest.current.onCommand;
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        const dir = ARROWS[e.key];
        if (dir) {
          e.preventDefault();
          if (!m.access.write) return latest.current.announce(tr.current('board.notAllowed'));
          if (m.themeOf.has(id)) return latest.current.announce(tr.current('board.inThemeKeys'));
          const at = m.position.get(id)!;
          const step = e.shiftKey ? 60 : 12;
          void moveNote(m.board.id, id, at.x + dir[0] * step, at.y + dir[1] * step);
          return;
        }
        const keys: Record<string, NoteCommand> = {
          Enter: 'actions',
          e: 'edit',
          E: 'edit',
          m: 'move',
          M: 'move',
          t: 'theme',
          T: 'theme',
          ' ': 'select',
          v: 'vote',
          V: e.shiftKey ? 'unvote' : 'vote',
          Delete: 'delete',
          Backspace: 'delete',
        };
        const cmd = keys[e.key];
        if (cmd) {
          e.preventDefault();
          run(cmd, id);
        } else if (e.key === 'Escape' && latest.current.selection.size > 0) {
          e.preventDefault();
          latest.current.onSelect('', false);
        }
      },
      openActions: (id) => latest.current.onCommand('actions', id),
      vote: (id) => latest.current.onCommand('vote', id),
      unvote: (id) => latest.current.onCommand('unvote', id),
    };
  }, [toWorld, zoom, world]);

  const onThemeDrag = useCallback((id: string, x: number, y: number, done: boolean) => {
    latest.current.setThemeDrag({ id, x, y });
    if (done) void updateTheme(id, { x, y }).finally(() => latest.current.setThemeDrag(null));
  }, []);
  const onThemeKey = useCallback((id: string, e: React.KeyboardEvent) => {
    const m = latest.current.model;
    const dir = ARROWS[e.key];
    if (!dir || !m.access.cluster) return;
    e.preventDefault();
    const box = m.themes.find((b) => b.theme.id === id);
    if (!box) return;
    const step = e.shiftKey ? 60 : 12;
    void updateTheme(id, { x: box.theme.x + dir[0] * step, y: box.theme.y + dir[1] * step });
  }, []);
  const onThemeActions = useCallback((id: string) => latest.current.onThemeActions(id), []);

  return { api, onThemeDrag, onThemeKey, onThemeActions };
}
