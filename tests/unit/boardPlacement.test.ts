import { describe, expect, it } from 'vitest';
import { openingCamera, readableZoom } from '../../client/features/board/camera';
import { boardAccess, type Viewer } from '../../shared/domain/board/access';
import {
  freeRect,
  MARGIN,
  NOTE_H,
  NOTE_W,
  newThemeSpot,
  noteRect,
  overlaps,
  type Rect,
  THEME_HEADER,
  THEME_PAD,
  themeRect,
} from '../../shared/domain/board/layout';

const clear = (at: { x: number; y: number }, size: { w: number; h: number }, taken: Rect[]) =>
  taken.every((r) => !overlaps({ ...at, ...size }, r));

describe('free space for a new theme', () => {
  const theme = themeRect({ x: 40, y: 40 }, 0);
  const size = { w: theme.w, h: theme.h };

  it('[BOARD11] takes the wanted spot when it is free', () => {
    expect(freeRect([], size, { x: 300, y: 200 })).toEqual({ x: 300, y: 200 });
    expect(freeRect([theme], size, { x: 40, y: 1000 })).toEqual({ x: 40, y: 1000 });
  });

  it('[BOARD11] a second theme at the same spot goes beside the first, its heading stays in view', () => {
    const at = freeRect([theme], size, { x: 40, y: 40 });
    expect(clear(at, size, [theme])).toBe(true);
    // The nearest free spot: right below it or right beside it, a gap apart.
    expect([
      { x: 40, y: theme.y + theme.h + 32 },
      { x: theme.x + theme.w + 32, y: 40 },
    ]).toContainEqual(at);
  });

  it('[BOARD11] never covers anything on a crowded board, and stays on the board', () => {
    const taken: Rect[] = [];
    for (let i = 0; i < 60; i++)
      taken.push(noteRect({ x: 40 + (i % 10) * 196, y: 40 + Math.floor(i / 10) * 136 }));
    taken.push(themeRect({ x: 2100, y: 40 }, 6));
    for (const near of [
      { x: 500, y: 300 },
      { x: 0, y: 0 },
      { x: 2150, y: 100 },
      { x: 30_000, y: 30_000 },
    ]) {
      const at = freeRect(taken, size, near);
      expect(clear(at, size, taken)).toBe(true);
      expect(at.x).toBeGreaterThanOrEqual(0);
      expect(at.y).toBeGreaterThanOrEqual(0);
      expect(at.x + size.w).toBeLessThanOrEqual(20_000);
      expect(at.y + size.h).toBeLessThanOrEqual(20_000);
    }
  });

  it('[BOARD11] a theme made of post-its forms where they are; an empty one in the middle of the screen', () => {
    const a = { x: 600, y: 400 };
    const b = { x: 796, y: 400 };
    // The post-its going in are not in the way (they move into the frame).
    expect(newThemeSpot([], [a, b], null)).toEqual({ x: 600 - THEME_PAD, y: 400 - THEME_HEADER - THEME_PAD });
    const empty = themeRect({ x: 0, y: 0 }, 0);
    expect(newThemeSpot([], [], { x: 1000, y: 800 })).toEqual({
      x: 1000 - empty.w / 2,
      y: 800 - empty.h / 2,
    });
    expect(newThemeSpot([], [], null)).toEqual({ x: MARGIN, y: MARGIN });
    // Over an existing theme: moved into free space.
    const first = themeRect({ x: 1000 - empty.w / 2, y: 800 - empty.h / 2 }, 0);
    const second = newThemeSpot([first], [], { x: 1000, y: 800 });
    expect(clear(second, empty, [first])).toBe(true);
    // Post-its going into a theme where another theme is: the nearest free spot beside it.
    const there = themeRect({ x: 600 - THEME_PAD, y: 400 - THEME_HEADER - THEME_PAD }, 2);
    const third = newThemeSpot([there], [a, b], null);
    expect(clear(third, empty, [there])).toBe(true);
    expect([
      { x: there.x, y: there.y + there.h + 32 },
      { x: there.x + there.w + 32, y: there.y },
      { x: there.x, y: there.y - there.h - 32 },
    ]).toContainEqual(third);
  });
});

describe('how a board opens', () => {
  const row = (n: number) => Array.from({ length: n }, (_, i) => noteRect({ x: 40 + i * 196, y: 40 }));

  it('[BOARD17] everything in view when it stays readable, never larger than 100 %', () => {
    const cam = openingCamera({ w: 1280, h: 600 }, row(3), [], 16);
    expect(cam.z).toBe(1);
    const wide = openingCamera({ w: 1280, h: 600 }, row(7), [], 16);
    expect(wide.z).toBeGreaterThan(readableZoom(16));
    expect(wide.z).toBeLessThan(1);
  });

  it('[BOARD17] on a phone: the readable zoom, on the newest post-it, no blank board beyond the edges', () => {
    const notes = row(20);
    const newest = { x: 40 + 10 * 196, y: 40 };
    const cam = openingCamera({ w: 360, h: 500 }, notes, [{ x: 40, y: 40 }, newest], 16);
    expect(cam.z).toBeCloseTo(readableZoom(16));
    expect(cam.z * 13).toBeGreaterThanOrEqual(11); // post-it text of 13 units: ≥ 11 px
    // The newest post-it's middle is in the middle of the screen.
    expect((newest.x + NOTE_W / 2) * cam.z + cam.x).toBeCloseTo(180);
    // The newest few when they fit: two side by side, both in view.
    const pair = openingCamera({ w: 800, h: 500 }, notes, [notes[9]!, notes[10]!], 16);
    for (const n of [notes[9]!, notes[10]!]) {
      expect(n.x * pair.z + pair.x).toBeGreaterThanOrEqual(0);
      expect((n.x + NOTE_W) * pair.z + pair.x).toBeLessThanOrEqual(800);
    }
    // The first post-it: the left edge stays at the board's first column, not beyond it.
    const first = openingCamera({ w: 360, h: 500 }, notes, [{ x: 40, y: 40 }], 16);
    expect(40 * first.z + first.x).toBeCloseTo(MARGIN / 2);
    expect((40 + NOTE_H / 2) * first.z + first.y).toBeGreaterThan(0);
  });

  it('[BOARD17] follows the reader’s text size: 200 % text, twice the zoom', () => {
    const notes = row(20);
    const normal = openingCamera({ w: 1280, h: 700 }, notes, [], 16);
    const large = openingCamera({ w: 1280, h: 700 }, notes, [], 32);
    expect(large.z / normal.z).toBeCloseTo(2);
    expect(openingCamera({ w: 1280, h: 700 }, row(2), [], 32).z).toBe(2);
  });
});

describe('voting on room boards', () => {
  it('[BOARD12] a room board takes votes while the break-outs run, not after they end; the synthesis does', () => {
    const ann: Viewer = { role: 'participant', participantId: 'ann', roomId: 'r1' };
    const spec = { seeOtherRooms: false, participantsCluster: false };
    const room = { roomId: 'r1', locked: false, voting: { open: true } };
    expect(boardAccess(ann, room, { status: 'open', spec, synthesis: false }).vote).toBe(true);
    expect(boardAccess(ann, room, { status: 'closed', spec, synthesis: false })).toMatchObject({
      read: true,
      write: false,
      vote: false,
    });
    expect(
      boardAccess(ann, { ...room, roomId: null }, { status: 'closed', spec, synthesis: true }).vote,
    ).toBe(true);
  });
});
