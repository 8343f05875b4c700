import {
  contentBounds,
  MARGIN,
  NOTE_H,
  NOTE_W,
  type Point,
  type Rect,
} from '../../../shared/domain/board/layout';

/** Where the board is looked at from: pan (screen px) and zoom (screen px per board unit). */
export interface Camera {
  x: number;
  y: number;
  z: number;
}

/** A post-it's text size in board units (board.css draws everything on the board in board units). */
export const NOTE_TEXT_UNITS = 13;
/** Post-it text is readable at 11/16 of the reader's own text size (11 px with the usual 16 px). */
const READABLE = 11 / 16;

/**
 * [BOARD17] The smallest zoom at which post-it text is readable for this reader. It follows the
 * root font size, so a reader who set larger text gets a larger board, and browser zoom (which
 * scales CSS pixels) does the rest: text on the board grows with both ways of resizing text.
 */
export function readableZoom(rootPx: number): number {
  return (READABLE * rootPx) / NOTE_TEXT_UNITS;
}

/**
 * [BOARD17] How a board opens in a viewport of `view` CSS px: everything in view when the post-its
 * stay readable that way (never larger than the reader's 100 %: their root font size / 16);
 * otherwise at the readable zoom, on the newest post-its (`recent`, oldest first: as many of the
 * newest as fit in view, at least the newest; the top left of the board when it is empty),
 * without showing empty space beyond the edges of what is on the board. So a phone or a 200 %
 * browser zoom gets legible post-its, not blank coloured rectangles.
 */
export function openingCamera(
  view: { w: number; h: number },
  rects: readonly Rect[],
  recent: readonly Point[],
  rootPx: number,
): Camera {
  const b = contentBounds(rects);
  const unit = rootPx / 16;
  const readable = readableZoom(rootPx);
  const fit = Math.min(view.w / (b.w + 2 * MARGIN), view.h / (b.h + 2 * MARGIN), unit);
  if (fit >= readable) {
    return {
      z: fit,
      x: (view.w - b.w * fit) / 2 - b.x * fit,
      y: Math.min(MARGIN / 2, (view.h - b.h * fit) / 2) - b.y * fit,
    };
  }
  const z = readable;
  let at = { x: b.x, y: b.y };
  for (let from = 0; from < recent.length; from++) {
    const area = contentBounds(recent.slice(from).map((p) => ({ ...p, w: NOTE_W, h: NOTE_H })));
    if (from === recent.length - 1 || (area.w * z <= view.w - MARGIN && area.h * z <= view.h - MARGIN)) {
      at = { x: area.x + area.w / 2, y: area.y + area.h / 2 };
      break;
    }
  }
  // Keep the content's edges at the viewport's edges (a margin in), never blank board beyond them.
  const axis = (size: number, start: number, length: number, want: number) => {
    const hi = MARGIN / 2 - start * z;
    const lo = size - MARGIN / 2 - (start + length) * z;
    return lo > hi ? (size - length * z) / 2 - start * z : Math.min(hi, Math.max(lo, want));
  };
  return {
    z,
    x: axis(view.w, b.x, b.w, view.w / 2 - at.x * z),
    y: axis(view.h, b.y, b.h, view.h / 2 - at.y * z),
  };
}

/** The opening camera of a canvas: its size, what is on it, its newest post-its, the reader's text size. */
export function openingCameraOf(
  viewport: HTMLElement,
  rects: readonly Rect[],
  recent: readonly Point[],
): Camera {
  const rootPx = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return openingCamera({ w: viewport.clientWidth, h: viewport.clientHeight }, rects, recent, rootPx);
}
