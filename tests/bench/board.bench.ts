/**
 * Board responsiveness in Chromium: frame times while panning the surface and while dragging a
 * post-it, on a board with 500 and with 2,000 post-its (and 20 themes). Not part of `npm test`:
 * `npm run bench:board` (BENCH_SIZES=500,2000 to choose; BENCH_STEPS=180 pointer moves per gesture).
 *
 * How: the real server and the real built client; post-its are created over Socket.IO; a
 * participant's page opens the board; the page records every animation frame (rAF timestamps) and
 * every long animation frame (PerformanceObserver 'long-animation-frame') while Playwright moves
 * the mouse at ~60 Hz. A frame interval above 20 ms counts as a dropped frame at 60 Hz.
 */
import os from 'node:os';
import type { Page } from 'playwright-core';
import { newId } from '../../shared/domain/ids';
import { launchBrowser } from '../helpers/browser';
import { ok, startServer } from '../helpers/server';
import { type BenchRow, pct } from './lib';

const SIZES = (process.env.BENCH_SIZES ?? '500,2000').split(',').map(Number);
const STEPS = Number(process.env.BENCH_STEPS ?? 180);

interface Figures {
  frames: number;
  median: number;
  p95: number;
  p99: number;
  max: number;
  dropped: number;
  longFrames: number;
  longestLoaf: number;
  /** Main-thread work per frame (rAF callbacks, style, layout, paint): what the budget is about. */
  workMedian: number;
  workP95: number;
}

async function record(page: Page, gesture: () => Promise<void>): Promise<Figures> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  await page.evaluate(`(() => {
    const w = window;
    w.__frames = [];
    w.__work = [];
    w.__loaf = [];
    w.__stop = false;
    // One loop per recording: a loop of an earlier recording sees another generation and ends.
    const gen = (w.__gen = (w.__gen || 0) + 1);
    const tick = (t) => {
      if (w.__gen !== gen) return;
      w.__frames.push(t);
      // The message runs as the next task, after this frame's style, layout and paint.
      const start = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => w.__work.push(performance.now() - start);
      ch.port2.postMessage(0);
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          w.__loaf.push(e.duration);
          const top = (e.scripts || []).slice().sort((a, b) => b.duration - a.duration)[0];
          (w.__loafWho = w.__loafWho || []).push(
            Math.round(e.duration) + 'ms ' + (top ? top.invoker + ' ' + Math.round(top.duration) + 'ms' : 'render ' + Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0) + 'ms'),
          );
        }
      }).observe({ type: 'long-animation-frame', buffered: false });
    } catch {}
  })()`);
  await gesture();
  await page.waitForTimeout(300);
  const { frames, loaf, who, work } = await page.evaluate(() => {
    const w = window as unknown as {
      __frames: number[];
      __loaf: number[];
      __stop: boolean;
      __work: number[];
    };
    w.__stop = true;
    return {
      work: w.__work,
      frames: w.__frames,
      loaf: w.__loaf,
      who: (w as unknown as { __loafWho?: string[] }).__loafWho ?? [],
    };
  });
  if (process.env.BENCH_VERBOSE) console.log('long frames:', who.slice(0, 8).join(' | '));
  await page.evaluate('window.__loafWho = []');
  const deltas = frames
    .slice(1)
    .map((t, i) => t - frames[i]!)
    .sort((a, b) => a - b);
  const q = (p: number) => deltas[Math.min(deltas.length - 1, Math.floor(p * deltas.length))] ?? 0;
  return {
    frames: deltas.length,
    median: q(0.5),
    p95: q(0.95),
    p99: q(0.99),
    max: deltas[deltas.length - 1] ?? 0,
    dropped: deltas.filter((d) => d > 20).length,
    longFrames: loaf.length,
    longestLoaf: Math.max(0, ...loaf),
    workMedian: pct(work, 50),
    workP95: pct(work, 95),
  };
}

/** Moves the mouse from a to b in `STEPS` steps at about 60 Hz, button held. */
async function gesture(page: Page, from: { x: number; y: number }, dx: number, dy: number) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const t0 = Date.now();
  for (let i = 1; i <= STEPS; i++) {
    const f = i / STEPS;
    // Back and forth, so the gesture stays on screen however long it is.
    const s = Math.sin(f * Math.PI * 2);
    await page.mouse.move(from.x + dx * s, from.y + dy * s);
    const wait = t0 + i * 16.7 - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
  }
  await page.mouse.up();
}

type Result = { size: number; zoom: string; what: string; f: Figures };

/** Runs the board benchmark; returns every gesture's figures. */
export async function boardFrames(sizes = SIZES): Promise<Result[]> {
  const results: Result[] = [];
  const srv = await startServer({ config: { broadcastDelayMs: 50 } });
  const browser = await launchBrowser();

  try {
    for (const size of sizes) {
      const meeting = await srv.createMeeting(`Bench ${size}`);
      const fac = await srv.connect(meeting.code, meeting.facilitatorToken);
      const activityId = newId();
      await ok(fac, 'activity:create', {
        id: activityId,
        agendaItemId: null,
        anonymous: false,
        spec: {
          kind: 'breakout',
          questions: ['Wat kunnen koplopers betekenen voor de aardgasvrije transitie?'],
          rooms: { by: 'count', count: 1 },
          assignment: 'random',
          timeboxMinutes: null,
          seeOtherRooms: false,
          participantsCluster: true,
          colourBy: 'choice',
        },
      });
      const joined = await srv.join(meeting.code, 'Bench');
      await ok(fac, 'activity:open', { id: activityId });
      const snap = await ok(fac, 'session:sync');
      const boardId = snap.breakouts[0]!.boards[0]!.id;
      const colours = ['geel', 'oranje', 'roze', 'paars', 'blauw', 'groen', 'grijs'] as const;
      const cols = Math.ceil(Math.sqrt(size * 1.6));
      const ids: string[] = [];
      const t0 = Date.now();
      for (let start = 0; start < size; start += 100) {
        await Promise.all(
          Array.from({ length: Math.min(100, size - start) }, (_, k) => {
            const i = start + k;
            const id = newId();
            ids.push(id);
            return ok(fac, 'note:create', {
              id,
              boardId,
              text: `Post-it ${i + 1}: koplopers laten zien dat het kan, en trekken anderen mee.`,
              colour: colours[i % colours.length]!,
              x: 300 + (i % cols) * 196,
              y: 40 + Math.floor(i / cols) * 136,
            });
          }),
        );
      }
      const created = Date.now() - t0;
      for (let th = 0; th < 20; th++) {
        await ok(fac, 'theme:create', {
          id: newId(),
          boardId,
          heading: `Thema ${th + 1}`,
          x: 300 + cols * 196 + 60 + (th % 4) * 620,
          y: 40 + Math.floor(th / 4) * 600,
          noteIds: ids.slice(th * 5, th * 5 + 5),
        });
      }

      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      const page = await context.newPage();
      await page.goto(`${srv.url}/m/${meeting.code}`);
      await page.evaluate(
        ([code, token, id]) =>
          localStorage.setItem(
            `oogst:p:${code}`,
            JSON.stringify({ token, participantId: id, name: 'Bench' }),
          ),
        [meeting.code, joined.token, joined.participant.id],
      );
      const tLoad = Date.now();
      await page.reload();
      await page.waitForFunction((n) => document.querySelectorAll('.note').length === n, size, {
        timeout: 120_000,
      });
      const loaded = Date.now() - tLoad;
      // Full screen, as a facilitator would show a synthesis board.
      await page.getByRole('button', { name: 'Volledig scherm' }).first().click();
      await page.waitForFunction((n) => document.querySelectorAll('dialog .note').length === n, size, {
        timeout: 120_000,
      });
      await page.waitForTimeout(800);
      // First the whole board in view (the overview, zoomed out), then at 100 % (working on it).
      for (const at of ['overview', '100%'] as const) {
        if (at === '100%') {
          await page.locator('dialog .board__zoom-level').click();
          await page.waitForTimeout(800);
        }
        const zoom = (await page.locator('dialog .board__zoom-level').textContent())?.trim() ?? '?';
        const vp = (await page.locator('dialog .board__viewport').boundingBox())!;
        const box = { x: vp.x, y: vp.y, w: vp.width, h: vp.height };
        // An empty spot of the surface to grab, and a post-it well inside the view to drag.
        const empty = await page.evaluate(({ x, y, w, h }) => {
          for (let yy = y + 20; yy < y + h - 20; yy += 20)
            for (let xx = x + 20; xx < x + w - 20; xx += 20) {
              const el = document.elementFromPoint(xx, yy);
              if (el?.classList.contains('board__viewport') || el?.classList.contains('board__world'))
                return { x: xx, y: yy };
            }
          return null;
        }, box);
        if (!empty) throw new Error('no empty spot to pan from');
        results.push({
          size,
          zoom,
          what: 'pan',
          f: await record(page, () => gesture(page, empty, 400, 250)),
        });
        const visible = await page.evaluate(({ x, y, w, h }) => {
          for (const el of document.querySelectorAll('dialog .note')) {
            const r = el.getBoundingClientRect();
            if (r.x > x + 250 && r.y > y + 150 && r.right < x + w - 250 && r.bottom < y + h - 150)
              return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          }
          return null;
        }, box);
        if (!visible) throw new Error('no post-it in view to drag');
        results.push({
          size,
          zoom,
          what: 'drag',
          f: await record(page, () => gesture(page, visible, 220, 140)),
        });
      }
      console.log(
        `board of ${size}: created over Socket.IO in ${created} ms; page showed all post-its in ${loaded} ms`,
      );
      await context.close();
      fac.disconnect();
    }
  } finally {
    await browser.close();
    await srv.close();
  }

  return results;
}

/** Rows for `npm run bench`: the median frame work per gesture, against the 16 ms budget. */
export async function boardBench(): Promise<BenchRow[]> {
  const results = await boardFrames();
  return results.map((r) => ({
    bench: `board ${r.size}`,
    metric: `${r.what} at ${r.zoom}: frame work median / p95; frame interval median; frames > 20 ms`,
    value: `${r.f.workMedian.toFixed(1)} / ${r.f.workP95.toFixed(1)} ms; ${r.f.median.toFixed(1)} ms; ${((100 * r.f.dropped) / Math.max(1, r.f.frames)).toFixed(1)} %`,
    ...(r.what === 'pan' ? { budget: 'median ≤ 16 ms', ok: r.f.workMedian <= 16 } : {}),
  }));
}

if (process.argv[1]?.endsWith('board.bench.ts')) {
  const results = await boardFrames();
  const browserVersion = 'Chromium';
  const ms = (n: number) => n.toFixed(1);
  console.log(
    `\nChromium ${browserVersion} · ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length} · ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log(`${STEPS} pointer moves per gesture at ~60 Hz; frame interval in ms (16.7 = 60 fps)\n`);
  console.log(
    '| post-its | zoom | gesture | frames | work median | work p95 | interval median | p95 | p99 | max | frames > 20 ms | long frames (> 50 ms) | longest |',
  );
  console.log('|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const f = r.f;
    console.log(
      `| ${r.size} | ${r.zoom} | ${r.what} | ${f.frames} | ${ms(f.workMedian)} | ${ms(f.workP95)} | ${ms(f.median)} | ${ms(f.p95)} | ${ms(f.p99)} | ${ms(f.max)} | ${f.dropped} (${((100 * f.dropped) / Math.max(1, f.frames)).toFixed(1)} %) | ${f.longFrames} | ${ms(f.longestLoaf)} |`,
    );
  }
}
