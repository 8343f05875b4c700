/**
 * `npm run bench throttled`: the real built client in Chromium with its CPU 4× slower and a slow
 * mobile network (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up; `throttle.ts`), against the real
 * server in its own process. WebSocket frames get the same network through `wsDelay.ts`.
 *
 * - Participant: a fresh browser context (empty cache) opens the join link; time = the join form
 *   usable (painted) + from the click on "Meedoen" to the scale's choices painted, enabled and
 *   visible; the time a person takes to type a name is left out. p50 of 10. Then a second visit in
 *   the same context (a new tab): from navigation to the answerable poll painted.
 * - Secretary: a fresh context opens the secretary link; time to the verslag editor painted with
 *   the server's document in it.
 * - Post-its on a board of 500: `throttledBoard.ts`.
 * Times are read inside the page (performance.now(), from the start of navigation; see MARKS_SCRIPT).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { readConfig } from '../../server/config';
import { DEFAULT_SCALE_LEVELS } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import { launchBrowser } from '../helpers/browser';
import { spawnScript } from '../helpers/process';
import { ack, type BenchRow, type CreatedMeeting, connect, connected, pct, post, round } from './lib';
import { freshContext, markOf, personClick, type READY, type ThrottledPage, throttledPage } from './throttle';
import { boardPostIts } from './throttledBoard';
import { wsDelayProxy } from './wsDelay';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The app measured: this checkout, or another one (BENCH_THROTTLED_ROOT: an earlier commit, to compare). */
const APP = path.resolve(process.env.BENCH_THROTTLED_ROOT ?? ROOT);
const RUNS = Number(process.env.BENCH_THROTTLED_RUNS ?? 10);
const SECRETARY_RUNS = Number(process.env.BENCH_THROTTLED_SECRETARY_RUNS ?? 5);

const kb = (b: number) => `${round(b / 1024, 1)} KB`;
const ms = (values: number[]) =>
  `${Math.round(pct(values, 50))} ms (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;

/** Bytes one view transferred until it was ready and 1 s more (lazy chunks, the first live updates). */
async function settle(tp: ThrottledPage) {
  await tp.page.waitForTimeout(1000);
  return { http: tp.httpBytes(), ws: tp.traffic.wsIn + tp.traffic.wsOut };
}

async function participant(browser: Browser, base: string, code: string, i: number) {
  const context = await freshContext(browser, ['joinForm', 'answerable']);
  const first = await throttledPage(context);
  await first.page.goto(`${base}/m/${code}`, { waitUntil: 'commit' });
  const form = await markOf(first.page, 'joinForm');
  await first.page.getByLabel('Je naam').fill(`Deelnemer ${i + 1}`);
  // A person takes a moment between typing and clicking: the page is idle when the click comes.
  await first.page.waitForTimeout(300);
  await personClick(first, first.page.getByRole('button', { name: 'Meedoen' }));
  const ready = await markOf(first.page, 'answerable');
  const submit = (await first.page.evaluate('window.__marks.submit')) as number;
  const cold = { form: form.paint, joined: ready.paint - submit, total: form.paint + (ready.paint - submit) };
  const coldBytes = await settle(first);
  await first.page.close();

  const second = await throttledPage(context);
  await second.page.goto(`${base}/m/${code}`, { waitUntil: 'commit' });
  const again = await markOf(second.page, 'answerable');
  const assets = second.traffic.http.filter((t) => t.url.includes('/assets/'));
  const warm = {
    total: again.paint,
    assets: assets.length,
    cached: assets.filter((t) => t.fromCache).length,
    bytes: second.httpBytes(),
  };
  await context.close();
  return { cold, coldBytes, warm };
}

async function staffView(browser: Browser, link: string, watch: (keyof typeof READY)[]) {
  const context = await freshContext(browser, watch, 1366);
  const tp = await throttledPage(context);
  await tp.page.goto(link, { waitUntil: 'commit' });
  const ready = watch[0] ? (await markOf(tp.page, watch[0])).paint : null;
  if (!watch[0]) await tp.page.waitForLoadState('networkidle');
  const bytes = await settle(tp);
  await context.close();
  return { ready, bytes };
}

export async function throttledBench(): Promise<BenchRow[]> {
  execFileSync('npm', ['run', 'build:client'], { cwd: APP, stdio: 'ignore' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-bench-throttled-'));
  // The server's own broadcast delay (not the 10 ms the tests use): a post-it's way to others.
  const srv = await spawnScript(path.join(APP, 'server/index.ts'), {
    DATA_DIR: dataDir,
    CLIENT_DIR: path.join(APP, 'dist/client'),
    BROADCAST_DELAY_MS: String(readConfig({}).broadcastDelayMs),
  });
  const proxy = await wsDelayProxy({ host: '127.0.0.1', port: srv.port });
  const browser = await launchBrowser();
  const rows: BenchRow[] = [];
  try {
    const m = await post<CreatedMeeting>(`${srv.url}/api/meetings`, {
      title: 'Begeleidingsgroep traag netwerk',
    });
    const fac = connect(srv.url, { code: m.code, token: m.facilitatorToken });
    await connected(fac);
    const pollId = newId();
    await ack(fac, 'activity:create', {
      id: pollId,
      agendaItemId: null,
      anonymous: false,
      spec: { kind: 'scale', question: 'Hoe tevreden ben je?', levels: [...DEFAULT_SCALE_LEVELS] },
    });
    await ack(fac, 'activity:open', { id: pollId });

    const loads = [];
    for (let i = 0; i < RUNS; i++) loads.push(await participant(browser, proxy.url, m.code, i));
    const cold = loads.map((l) => l.cold.total);
    const warm = loads.map((l) => l.warm.total);
    const cached = loads.reduce((s, l) => s + l.warm.cached, 0);
    const assets = loads.reduce((s, l) => s + l.warm.assets, 0);

    const secretary = [];
    for (let i = 0; i < SECRETARY_RUNS; i++)
      secretary.push(
        await staffView(browser, `${proxy.url}/m/${m.code}/verslag#${m.secretaryToken}`, ['editor']),
      );
    const facilitator = await staffView(
      browser,
      `${proxy.url}/m/${m.code}/leiding#${m.facilitatorToken}`,
      [],
    );
    const screen = await staffView(browser, `${proxy.url}/m/${m.code}/scherm`, []);
    fac.disconnect();

    const board = await boardPostIts(browser, srv.url, proxy.url);
    const mid = (xs: number[]) => pct(xs, 50);
    rows.push(
      {
        bench: 'throttled',
        metric: `participant cold load: join link → answerable poll (${RUNS} fresh contexts) p50 (min–max)`,
        value: ms(cold),
        budget: '≤ 3000 ms',
        ok: mid(cold) <= 3000,
      },
      {
        bench: 'throttled',
        metric: '… of which join form usable / click on Meedoen → answerable (p50)',
        value: `${Math.round(mid(loads.map((l) => l.cold.form)))} / ${Math.round(mid(loads.map((l) => l.cold.joined)))} ms`,
      },
      {
        bench: 'throttled',
        metric: `participant second visit (same context) → answerable poll p50 (min–max)`,
        value: ms(warm),
        budget: '≤ 1500 ms',
        ok: mid(warm) <= 1500,
      },
      {
        bench: 'throttled',
        metric: 'second visit: hashed assets from the browser cache; HTTP bytes (p50)',
        value: `${cached} of ${assets}; ${kb(mid(loads.map((l) => l.warm.bytes)))}`,
        budget: 'all',
        ok: cached === assets && assets > 0,
      },
      ...board,
      {
        bench: 'throttled',
        metric: `secretary: verslag editor open (${SECRETARY_RUNS} fresh contexts) p50 (min–max)`,
        value: ms(secretary.map((s) => s.ready!)),
        budget: '≤ 4000 ms',
        ok: mid(secretary.map((s) => s.ready!)) <= 4000,
      },
    );
    const views: [string, { http: number; ws: number }][] = [
      [
        'participant',
        { http: mid(loads.map((l) => l.coldBytes.http)), ws: mid(loads.map((l) => l.coldBytes.ws)) },
      ],
      ['facilitator', facilitator.bytes],
      [
        'secretary',
        { http: mid(secretary.map((s) => s.bytes.http)), ws: mid(secretary.map((s) => s.bytes.ws)) },
      ],
      ['screen', screen.bytes],
    ];
    for (const [view, b] of views)
      rows.push({
        bench: 'throttled',
        metric: `bytes transferred, ${view} view (cold): HTTP as served; WebSocket`,
        value: `${kb(b.http)}; ${kb(b.ws)}`,
      });
  } finally {
    await browser.close();
    await proxy.close();
    await srv.kill('SIGTERM');
  }
  return rows;
}
