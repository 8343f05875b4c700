import { useCallback, useEffect, useRef, useState } from 'react';
import {
  contentBounds,
  MARGIN,
  type Point,
  type Rect,
  THEME_HEADER,
} from '../../../shared/domain/board/layout';
import { type Camera, openingCameraOf } from './camera';

const MIN_Z = 0.2;
const MAX_Z = 2.5;
const FAR_ZOOM = 0.4;

/** What the camera needs to know of the board, read at the moment it is needed. */
export interface CameraSource {
  /** What is on the board: themes and post-its outside a theme. */
  rects(): Rect[];
  /** The newest post-its, oldest first (the opening view shows them). */
  recent(): Point[];
  /** The board's contents have arrived (the view opens once, then). */
  synced: boolean;
  /** The wheel pans the board (full screen) instead of scrolling the page. */
  captureWheel: boolean;
}

/**
 * [BOARD17] The canvas's viewport: one container moved and scaled with a CSS transform, so panning
 * and zooming never re-render a post-it (the camera lives in a ref and is written to the DOM once
 * per animation frame). Wheel and pinch zoom, dragging the empty surface pans; on the surface arrows
 * pan, + and − zoom, 0 fits, 1 is 100 %.
 */
export function useCamera(source: CameraSource) {
  const viewport = useRef<HTMLDivElement>(null);
  const world = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const cam = useRef<Camera>({ x: MARGIN / 2, y: MARGIN / 2, z: 1 });
  const frame = useRef(0);
  const [zoomShown, setZoomShown] = useState(100);
  const latest = useRef(source);
  latest.current = source;
  // Until the user pans or zooms, the view follows the surface's size (a dialog still laying out,
  // a window resized): everything stays in view.
  const touched = useRef(false);
  const fitted = useRef(false);

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

  // A new zoom: drawn, shown in the zoom bar, and the detail that goes with it.
  // Far out, text is too small to read: post-its are drawn as coloured cards only (cheaper to draw).
  // A theme's heading (a button) stays at least 24 px tall on screen at any zoom (WCAG 2.5.8): far
  // out it grows upward, out of its frame (`--theme-head`, in board units).
  const zoomed = useCallback(
    (z: number) => {
      schedule();
      setZoomShown(Math.round(z * 100));
      world.current?.classList.toggle('board__world--far', z < FAR_ZOOM);
      world.current?.style.setProperty('--theme-head', `${Math.max(THEME_HEADER, Math.ceil(26 / z))}px`);
      // Vote buttons (30 units tall) likewise stay at least 25 px on screen (BOARD12).
      world.current?.style.setProperty('--vote-scale', String(Math.max(1, 0.85 / z)));
    },
    [schedule],
  );

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
      zoomed(z);
    },
    [zoomed],
  );

  const fitToContent = useCallback(() => {
    const v = viewport.current;
    if (!v) return;
    const b = contentBounds(latest.current.rects());
    const z = Math.min(
      MAX_Z,
      Math.max(MIN_Z, Math.min(v.clientWidth / (b.w + 2 * MARGIN), v.clientHeight / (b.h + 2 * MARGIN), 1)),
    );
    cam.current = {
      z,
      x: (v.clientWidth - b.w * z) / 2 - b.x * z,
      y: Math.min(MARGIN / 2, (v.clientHeight - b.h * z) / 2) - b.y * z,
    };
    zoomed(z);
  }, [zoomed]);

  // [BOARD17] Opening (and following the surface's size until the user pans or zooms): readable.
  const openView = useCallback(() => {
    if (!viewport.current) return;
    cam.current = openingCameraOf(viewport.current, latest.current.rects(), latest.current.recent());
    zoomed(cam.current.z);
  }, [zoomed]);

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

  const zoom = useCallback(() => cam.current.z, []);

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
  useEffect(() => {
    if (!fitted.current && source.synced) {
      fitted.current = true;
      openView();
    }
  }, [source.synced, openView]);

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

  /** The event happened on the empty board, not on a post-it or a theme. */
  const onSurface = (target: EventTarget) =>
    target === viewport.current || target === world.current || target === grid.current;

  // Panning by dragging the empty surface.
  const pan = useRef<{ id: number; x: number; y: number } | null>(null);
  const endPan = (e: React.PointerEvent) => {
    if (pan.current?.id !== e.pointerId) return;
    pan.current = null;
    viewport.current?.classList.remove('board__viewport--panning');
  };
  const surface = {
    onPointerDown: (e: React.PointerEvent) => {
      if (e.button !== 0 || !onSurface(e.target)) return;
      pan.current = { id: e.pointerId, x: e.clientX, y: e.clientY };
      touched.current = true;
      viewport.current?.setPointerCapture(e.pointerId);
      viewport.current?.classList.add('board__viewport--panning');
    },
    onPointerMove: (e: React.PointerEvent) => {
      const p = pan.current;
      if (!p || p.id !== e.pointerId) return;
      cam.current.x += e.clientX - p.x;
      cam.current.y += e.clientY - p.y;
      p.x = e.clientX;
      p.y = e.clientY;
      schedule();
    },
    onPointerUp: endPan,
    onPointerCancel: endPan,
    onKeyDown: (e: React.KeyboardEvent) => {
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
    },
  };

  return {
    viewport,
    world,
    grid,
    zoomShown,
    zoom,
    zoomAt,
    fitToContent,
    toWorld,
    centre,
    onSurface,
    surface,
  };
}
