import { BOARD_LIMITS } from './limits';

/**
 * Board geometry, shared by server and client so both agree where things are: post-it size,
 * theme frames (their post-its are laid out in a grid inside), free spots for new post-its, and
 * the areas of the "verplaats naar…" menu. Units are board units (CSS pixels at 100 %).
 */
export const NOTE_W = 180;
export const NOTE_H = 120;
export const GAP = 16;
export const THEME_HEADER = 52;
export const THEME_PAD = 14;
export const MARGIN = 40;

export interface Point {
  x: number;
  y: number;
}
export interface Rect extends Point {
  w: number;
  h: number;
}

const clamp = (n: number) => Math.max(0, Math.min(BOARD_LIMITS.coord, Math.round(n)));

export function themeColumns(count: number): number {
  return Math.max(2, Math.min(3, count));
}

/** A theme's frame: it grows with its post-its (at least room for two). */
export function themeRect(theme: Point, count: number): Rect {
  const cols = themeColumns(count);
  const rows = Math.max(1, Math.ceil(count / cols));
  return {
    x: theme.x,
    y: theme.y,
    w: THEME_PAD * 2 + cols * NOTE_W + (cols - 1) * GAP,
    h: THEME_HEADER + THEME_PAD * 2 + rows * NOTE_H + (rows - 1) * GAP,
  };
}

/** Where the i-th post-it of a theme with `count` post-its is drawn. */
export function themeSlot(theme: Point, i: number, count: number): Point {
  const cols = themeColumns(count);
  return {
    x: theme.x + THEME_PAD + (i % cols) * (NOTE_W + GAP),
    y: theme.y + THEME_HEADER + THEME_PAD + Math.floor(i / cols) * (NOTE_H + GAP),
  };
}

export const noteRect = (p: Point): Rect => ({ x: p.x, y: p.y, w: NOTE_W, h: NOTE_H });

export function overlaps(a: Rect, b: Rect, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

export function contains(r: Rect, p: Point): boolean {
  return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
}

/**
 * The nearest free spot for a post-it near `near`: searched ring by ring on a grid, so a new
 * post-it never lands on another one or inside a theme frame.
 */
export function freeSpot(taken: readonly Rect[], near: Point, maxRings = 80): Point {
  const stepX = NOTE_W + GAP;
  const stepY = NOTE_H + GAP;
  const origin = { x: clamp(near.x), y: clamp(near.y) };
  const free = (p: Point) =>
    p.x >= 0 &&
    p.y >= 0 &&
    p.x <= BOARD_LIMITS.coord - NOTE_W &&
    p.y <= BOARD_LIMITS.coord - NOTE_H &&
    !taken.some((r) => overlaps(noteRect(p), r, GAP / 2));
  if (free(origin)) return origin;
  for (let ring = 1; ring <= maxRings; ring++) {
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const p = { x: origin.x + dx * stepX, y: origin.y + dy * stepY };
        if (free(p)) return p;
      }
    }
  }
  return origin;
}

/**
 * [BOARD11] Where a frame of `size` (a new theme) goes so that it covers nothing on the board: the
 * free position nearest to `near`, chosen among `near` itself and the positions right beside,
 * above and below everything already there (`gap` apart). So a new theme never lands on another
 * one or hides its heading; on a full stretch of board it goes beside or below what is there.
 */
export function freeRect(
  taken: readonly Rect[],
  size: { w: number; h: number },
  near: Point,
  gap = GAP * 2,
): Point {
  const maxX = Math.max(0, BOARD_LIMITS.coord - size.w);
  const maxY = Math.max(0, BOARD_LIMITS.coord - size.h);
  const at = (x: number, y: number): Point => ({
    x: Math.max(0, Math.min(maxX, Math.round(x))),
    y: Math.max(0, Math.min(maxY, Math.round(y))),
  });
  const start = at(near.x, near.y);
  const fits = (p: Point) => !taken.some((r) => overlaps({ x: p.x, y: p.y, w: size.w, h: size.h }, r, gap));
  if (fits(start)) return start;
  const candidates: Point[] = [];
  for (const r of taken) {
    const right = r.x + r.w + gap;
    const below = r.y + r.h + gap;
    const left = r.x - size.w - gap;
    const above = r.y - size.h - gap;
    candidates.push(
      at(right, start.y),
      at(right, r.y),
      at(start.x, below),
      at(r.x, below),
      at(left, start.y),
      at(left, r.y),
      at(start.x, above),
      at(r.x, above),
    );
  }
  const d = (p: Point) => (p.x - start.x) ** 2 + (p.y - start.y) ** 2;
  candidates.sort((a, b) => d(a) - d(b) || a.y - b.y || a.x - b.x);
  for (const p of candidates) if (fits(p)) return p;
  // Everything near is taken (or the edge of the board is reached): below all of it.
  return at(MARGIN, Math.max(...taken.map((r) => r.y + r.h)) + gap);
}

/**
 * [BOARD11] Where a new theme with these post-its goes: where its post-its are now (its grid
 * over their top left) or, without post-its, in the middle of `centre` (what is on screen), moved
 * to the nearest free space. `taken` is everything else on the board: themes and loose post-its.
 */
export function newThemeSpot(taken: readonly Rect[], members: readonly Point[], centre: Point | null): Point {
  const size = themeRect({ x: 0, y: 0 }, members.length);
  const near =
    members.length > 0
      ? {
          x: Math.min(...members.map((p) => p.x)) - THEME_PAD,
          y: Math.min(...members.map((p) => p.y)) - THEME_HEADER - THEME_PAD,
        }
      : centre
        ? { x: centre.x - size.w / 2, y: centre.y - size.h / 2 }
        : { x: MARGIN, y: MARGIN };
  return freeRect(taken, size, near);
}

/** The box around everything on a board (or a default area when it is empty). */
export function contentBounds(rects: readonly Rect[]): Rect {
  if (rects.length === 0) return { x: MARGIN, y: MARGIN, w: 4 * (NOTE_W + GAP), h: 3 * (NOTE_H + GAP) };
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = 0;
  let y1 = 0;
  for (const r of rects) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.w);
    y1 = Math.max(y1, r.y + r.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Areas of the "verplaats naar…" menu, relative to what is on the board. */
export const AREAS = ['topLeft', 'topRight', 'centre', 'bottomLeft', 'bottomRight', 'below'] as const;
export type Area = (typeof AREAS)[number];

export function areaPoint(area: Area, bounds: Rect): Point {
  const right = bounds.x + Math.max(bounds.w - NOTE_W, 0);
  const bottom = bounds.y + Math.max(bounds.h - NOTE_H, 0);
  switch (area) {
    case 'topLeft':
      return { x: bounds.x, y: bounds.y };
    case 'topRight':
      return { x: right + NOTE_W + GAP, y: bounds.y };
    case 'centre':
      return { x: bounds.x + bounds.w / 2 - NOTE_W / 2, y: bounds.y + bounds.h / 2 - NOTE_H / 2 };
    case 'bottomLeft':
      return { x: bounds.x, y: bottom };
    case 'bottomRight':
      return { x: right, y: bottom };
    case 'below':
      return { x: bounds.x, y: bounds.y + bounds.h + GAP * 2 };
  }
}

/**
 * [BOARD13] The synthesis board's first layout: one block per room, two post-its wide, blocks
 * side by side (wrapping after `perRow` blocks), each room's post-its stacked in its block.
 */
export function synthesisLayout(counts: readonly number[], perRow = 6): Point[][] {
  const blockW = 2 * (NOTE_W + GAP) + MARGIN;
  const out: Point[][] = [];
  let rowTop = MARGIN + 40;
  for (let start = 0; start < counts.length; start += perRow) {
    const row = counts.slice(start, start + perRow);
    let rowRows = 1;
    row.forEach((n, j) => {
      const x0 = MARGIN + j * blockW;
      const pts: Point[] = [];
      for (let k = 0; k < n; k++) {
        pts.push({
          x: clamp(x0 + (k % 2) * (NOTE_W + GAP)),
          y: clamp(rowTop + Math.floor(k / 2) * (NOTE_H + GAP)),
        });
      }
      rowRows = Math.max(rowRows, Math.ceil(n / 2));
      out.push(pts);
    });
    rowTop += rowRows * (NOTE_H + GAP) + MARGIN * 2;
  }
  return out;
}
