import { type MutableRefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  contains,
  contentBounds,
  freeSpot,
  MARGIN,
  NOTE_H,
  NOTE_W,
  noteRect,
  type Point,
  THEME_HEADER,
} from '../../../shared/domain/board/layout';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import { dragPresence, moveNote, updateTheme } from './actions';
import { openingCameraOf } from './camera';
import type { BoardModel } from './model';
import { type CanvasApi, CanvasApiContext, NoteCard } from './NoteCard';
import { ThemeFrame } from './ThemeFrame';

/** What the board around the canvas may ask of it. */
export interface CanvasHandle {
  /** A free spot near the middle of what is on screen. */
  freeSpotInView(): Point;
  /** The middle of what is on screen, in board units. */
  centre(): Point;
  fitToContent(): void;
  focusNote(id: string): void;
}

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

const MIN_Z = 0.2;
const MAX_Z = 2.5;
const FAR_ZOOM = 0.4;

/**
 * [BOARD17] The Mural-style surface: one container moved and scaled with a CSS transform, so
 * panning and zooming never re-render a post-it (the camera lives in a ref and is written to the
 * DOM once per animation frame). Keyboard: on the surface arrows pan, + and − zoom, 0 fits;
 * on a post-it arrows move it (see `keyDown`).
 */
export function BoardCanvas(props: {
  model: BoardModel;
  selection: ReadonlySet<string>;
  onSelect(id: string, add: boolean): void;
  onCommand(cmd: NoteCommand, noteId: string | null): void;
  onThemeActions(themeId: string): void;
  announce(msg: string): void;
  handle: MutableRefObject<CanvasHandle | null>;
  label: string;
  helpId: string;
  captureWheel: boolean;
  themeDrag: { id: string; x: number; y: number } | null;
  setThemeDrag(d: { id: string; x: number; y: number } | null): void;
  /** A double click on the empty board: a new post-it there (BOARD17). */
  onNewAt(p: Point): void;
}) {
  const t = useT();
  const { model } = props;
  const viewport = useRef<HTMLDivElement>(null);
  const world = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const cam = useRef({ x: MARGIN / 2, y: MARGIN / 2, z: 1 });
  const frame = useRef(0);
  const [zoomShown, setZoomShown] = useState(100);
  const drags = useAppStore((s) => s.drags);
  const latest = useRef(props);
  latest.current = props;
  // `t` is a new function on every render: read through a ref, so the API below stays one object.
  const tr = useRef(t);
  tr.current = t;

  const apply = useCallback(() => {
    frame.current = 0;
    const { x, y, z } = cam.current;
    if (world.current) world.current.style.transform = `translate3d(${x}px, ${y}px, 0) scale(${z})`;
    // The dot grid is its own layer, moved by less than one cell: panning never repaints it.
    if (grid.current) {
      const cell = 24 * z;
      const mod = (n: number) => ((n % cell) + cell) % cell;
      grid.current.style.transform = `translate3d(${mod(x) - cell}px, ${mod(y) - cell}px, 0)`;
      if (grid.current.dataset.cell !== String(cell)) {
        grid.current.dataset.cell = String(cell);
        grid.current.style.backgroundSize = `${cell}px ${cell}px`;
      }
    }
  }, []);
  const schedule = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(apply);
  }, [apply]);

  // Far out, text is too small to read: post-its are drawn as coloured cards only (cheaper to draw).
  // A theme's heading (a button) stays at least 24 px tall on screen at any zoom (WCAG 2.5.8): far
  // out it grows upward, out of its frame (`--theme-head`, in board units).
  const detail = useCallback((z: number) => {
    world.current?.classList.toggle('board__world--far', z < FAR_ZOOM);
    world.current?.style.setProperty('--theme-head', `${Math.max(THEME_HEADER, Math.ceil(26 / z))}px`);
    // Vote buttons (30 units tall) likewise stay at least 25 px on screen (BOARD12).
    world.current?.style.setProperty('--vote-scale', String(Math.max(1, 0.85 / z)));
  }, []);

  const zoomAt = useCallback(
    (factor: number, px?: number, py?: number) => {
      touched.current = true;
      const v = viewport.current;
      if (!v) return;
      const c = cam.current;
      const z = Math.min(MAX_Z, Math.max(MIN_Z, c.z * factor));
      const ax = px ?? v.clientWidth / 2;
      const ay = py ?? v.clientHeight / 2;
      c.x = ax - ((ax - c.x) * z) / c.z;
      c.y = ay - ((ay - c.y) * z) / c.z;
      c.z = z;
      schedule();
      setZoomShown(Math.round(z * 100));
      detail(z);
    },
    [schedule, detail],
  );

  const rects = useCallback(() => {
    const m = latest.current.model;
    return [
      ...m.themes.map((b) => b.rect),
      ...m.notes.filter((n) => !m.themeOf.has(n.id)).map((n) => noteRect(m.position.get(n.id)!)),
    ];
  }, []);

  const fitToContent = useCallback(() => {
    const v = viewport.current;
    if (!v) return;
    const b = contentBounds(rects());
    const z = Math.min(
      MAX_Z,
      Math.max(MIN_Z, Math.min(v.clientWidth / (b.w + 2 * MARGIN), v.clientHeight / (b.h + 2 * MARGIN), 1)),
    );
    cam.current = {
      z,
      x: (v.clientWidth - b.w * z) / 2 - b.x * z,
      y: Math.min(MARGIN / 2, (v.clientHeight - b.h * z) / 2) - b.y * z + (b.h * z < v.clientHeight ? 0 : 0),
    };
    schedule();
    setZoomShown(Math.round(z * 100));
    detail(z);
  }, [rects, schedule, detail]);

  // [BOARD17] Opening (and following the surface's size until the user pans or zooms): readable.
  const openView = useCallback(() => {
    const m = latest.current.model;
    const recent = m.notes.slice(-6).map((n) => m.position.get(n.id)!);
    if (!viewport.current) return;
    cam.current = openingCameraOf(viewport.current, rects(), recent);
    schedule();
    setZoomShown(Math.round(cam.current.z * 100));
    detail(cam.current.z);
  }, [rects, schedule, detail]);

  const toWorld = useCallback((clientX: number, clientY: number): Point => {
    const r = viewport.current!.getBoundingClientRect();
    const c = cam.current;
    return { x: (clientX - r.left - c.x) / c.z, y: (clientY - r.top - c.y) / c.z };
  }, []);

  const centre = useCallback((): Point => {
    const v = viewport.current;
    const c = cam.current;
    if (!v) return { x: MARGIN, y: MARGIN };
    return { x: (v.clientWidth / 2 - c.x) / c.z, y: (v.clientHeight / 2 - c.y) / c.z };
  }, []);

  props.handle.current = {
    centre,
    fitToContent,
    freeSpotInView: () => {
      const c = centre();
      return freeSpot(rects(), { x: Math.max(0, c.x - 90), y: Math.max(0, c.y - 60) });
    },
    focusNote: (id) => world.current?.querySelector<HTMLElement>(`[data-note-id="${id}"]`)?.focus(),
  };

  // Until the user pans or zooms, the view follows the surface's size (a dialog still laying out,
  // a window resized): everything stays in view.
  const touched = useRef(false);
  useEffect(() => {
    const v = viewport.current;
    if (!v || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => {
      if (!touched.current && fitted.current) openView();
    });
    ro.observe(v);
    return () => ro.disconnect();
  }, [openView]);

  // Opened once, when the board's contents first arrive.
  const fitted = useRef(false);
  useEffect(() => {
    if (!fitted.current && model.data?.synced) {
      fitted.current = true;
      openView();
    }
  }, [model.data?.synced, openView]);

  // Someone else's drag that stopped arriving (a dropped connection) is no longer shown.
  useEffect(() => {
    const timer = setInterval(() => useAppStore.getState().dropStaleDrags(Date.now() - 2500), 1000);
    return () => clearInterval(timer);
  }, []);

  // Wheel: Ctrl/⌘ (or a pinch) zooms at the pointer; otherwise it pans when the board is full-screen.
  useEffect(() => {
    const v = viewport.current;
    if (!v) return;
    const onWheel = (e: WheelEvent) => {
      touched.current = true;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        const r = v.getBoundingClientRect();
        zoomAt(Math.exp(-e.deltaY / 300), e.clientX - r.left, e.clientY - r.top);
      } else if (latest.current.captureWheel) {
        e.preventDefault();
        cam.current.x -= e.deltaX;
        cam.current.y -= e.deltaY;
        schedule();
      }
    };
    v.addEventListener('wheel', onWheel, { passive: false });
    return () => v.removeEventListener('wheel', onWheel);
  }, [zoomAt, schedule]);

  // Panning by dragging the empty surface.
  const pan = useRef<{ id: number; x: number; y: number } | null>(null);
  const onPointerDown = (e: React.PointerEvent) => {
    if (
      e.button !== 0 ||
      (e.target !== viewport.current && e.target !== world.current && e.target !== grid.current)
    ) {
      return;
    }
    pan.current = { id: e.pointerId, x: e.clientX, y: e.clientY };
    touched.current = true;
    viewport.current?.setPointerCapture(e.pointerId);
    viewport.current?.classList.add('board__viewport--panning');
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const p = pan.current;
    if (!p || p.id !== e.pointerId) return;
    cam.current.x += e.clientX - p.x;
    cam.current.y += e.clientY - p.y;
    p.x = e.clientX;
    p.y = e.clientY;
    schedule();
  };
  const endPan = (e: React.PointerEvent) => {
    if (pan.current?.id !== e.pointerId) return;
    pan.current = null;
    viewport.current?.classList.remove('board__viewport--panning');
  };

  const onViewportKey = (e: React.KeyboardEvent) => {
    if (e.target !== viewport.current) return;
    touched.current = true;
    const step = e.shiftKey ? 200 : 60;
    const c = cam.current;
    const pans: Record<string, [number, number]> = {
      ArrowLeft: [step, 0],
      ArrowRight: [-step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const by = pans[e.key];
    if (by && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      c.x += by[0];
      c.y += by[1];
      schedule();
      return;
    }
    const keys: Record<string, () => void> = {
      '+': () => zoomAt(1.25),
      '=': () => zoomAt(1.25),
      '-': () => zoomAt(0.8),
      '0': () => fitToContent(),
      '1': () => zoomAt(1 / c.z),
    };
    const run = keys[e.key];
    if (!run || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    run();
    schedule();
  };

  // The API post-its call: one stable object reading the latest props through a ref.
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
    return {
      zoom: () => cam.current.z,
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
        if (into === note.themeId && into !== null) {
          // Dropped back into its own theme: it returns to its slot.
          const el = world.current?.querySelector<HTMLElement>(`[data-note-id="${id}"]`);
          const at = m.position.get(id)!;
          if (el) el.style.transform = `translate(${at.x}px, ${at.y}px)`;
          return;
        }
        const themeChange = into !== note.themeId && m.access.cluster ? into : undefined;
        if (themeChange === undefined && note.themeId !== null) {
          // Stays in its theme (no right to take it out): back to its slot.
          const el = world.current?.querySelector<HTMLElement>(`[data-note-id="${id}"]`);
          const at = m.position.get(id)!;
          if (el) el.style.transform = `translate(${at.x}px, ${at.y}px)`;
          return;
        }
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
        const arrows: Record<string, [number, number]> = {
          ArrowLeft: [-1, 0],
          ArrowRight: [1, 0],
          ArrowUp: [0, -1],
          ArrowDown: [0, 1],
        };
        const dir = arrows[e.key];
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
  }, [toWorld]);

  const onThemeDrag = useCallback((id: string, x: number, y: number, done: boolean) => {
    if (done) {
      latest.current.setThemeDrag({ id, x, y });
      void updateTheme(id, { x, y }).finally(() => latest.current.setThemeDrag(null));
    } else latest.current.setThemeDrag({ id, x, y });
  }, []);
  const onThemeKey = useCallback((id: string, e: React.KeyboardEvent) => {
    const m = latest.current.model;
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const dir = arrows[e.key];
    if (!dir || !m.access.cluster) return;
    e.preventDefault();
    const box = m.themes.find((b) => b.theme.id === id);
    if (!box) return;
    const step = e.shiftKey ? 60 : 12;
    void updateTheme(id, { x: box.theme.x + dir[0] * step, y: box.theme.y + dir[1] * step });
  }, []);
  const zoom = useCallback(() => cam.current.z, []);
  const onThemeActions = useCallback((id: string) => latest.current.onThemeActions(id), []);

  const counts = model.data?.counts ?? null;
  return (
    <CanvasApiContext.Provider value={api}>
      <div className="board__zoom" role="group" aria-label={t('board.zoom', { n: zoomShown })}>
        <button
          type="button"
          className="btn btn--icon"
          onClick={() => zoomAt(0.8)}
          aria-label={t('board.zoomOut')}
        >
          −
        </button>
        <button
          type="button"
          className="btn btn--quiet board__zoom-level"
          aria-label={t('board.zoomReset', { n: zoomShown })}
          onClick={() => zoomAt(1 / cam.current.z)}
        >
          {zoomShown}%
        </button>
        <button
          type="button"
          className="btn btn--icon"
          onClick={() => zoomAt(1.25)}
          aria-label={t('board.zoomIn')}
        >
          +
        </button>
        <button type="button" className="btn btn--quiet" onClick={fitToContent}>
          {t('board.zoomFit')}
        </button>
      </div>
      <div
        ref={viewport}
        className="board__viewport"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the surface itself pans and zooms by keyboard
        tabIndex={0}
        role="region"
        aria-label={props.label}
        aria-describedby={props.helpId}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endPan}
        onPointerCancel={endPan}
        onKeyDown={onViewportKey}
        onDoubleClick={(e) => {
          if (e.target !== viewport.current && e.target !== world.current && e.target !== grid.current)
            return;
          const p = toWorld(e.clientX, e.clientY);
          props.onNewAt({ x: p.x - NOTE_W / 2, y: p.y - NOTE_H / 2 });
        }}
      >
        <div ref={grid} className="board__grid" aria-hidden="true" />
        <div ref={world} className="board__world">
          {model.themes.map((box) => (
            <ThemeFrame
              key={box.theme.id}
              theme={box.theme}
              rect={box.rect}
              count={box.notes.length}
              votes={counts ? box.notes.reduce((s, n) => s + (counts[n.id] ?? 0), 0) : null}
              canCluster={model.access.cluster}
              onActions={onThemeActions}
              onDrag={onThemeDrag}
              onKey={onThemeKey}
              zoom={zoom}
            />
          ))}
          {model.notes.map((n) => {
            const at = model.position.get(n.id)!;
            return (
              <NoteCard
                key={n.id}
                note={n}
                x={at.x}
                y={at.y}
                selected={props.selection.has(n.id)}
                mine={model.isMine(n.id)}
                canMove={model.access.write}
                votes={counts ? (counts[n.id] ?? 0) : null}
                roomVotes={model.data?.roomCounts?.[n.id] ?? 0}
                myVotes={model.myVotesOn.get(n.id)?.length ?? 0}
                canVote={model.access.vote}
                canAddVote={model.votesLeft > 0}
                themeHeading={model.themeOf.get(n.id)?.theme.heading ?? null}
                drag={drags[n.id]}
                helpId={props.helpId}
              />
            );
          })}
        </div>
      </div>
    </CanvasApiContext.Provider>
  );
}
