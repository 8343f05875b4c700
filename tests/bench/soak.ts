import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readConfig } from '../../server/config';
import { SQLITE_FILE } from '../../server/storage/sqlite';
import { spawnServer } from '../helpers/process';
import { type BenchRow, pct, procStats, retainedRss, round, sleep } from './lib';
import { manyMeetings } from './meetings';

/**
 * [Issue 15] The long meeting: one meeting of 200 on one node on SQLite, running the script of
 * meetingLoad.ts (poll answers, a break-out of 5 rooms with post-its, chat, a typing secretary,
 * the timer) at 5× its rate for BENCH_SOAK_MINUTES (30: about the work of a 3-hour meeting). The
 * first and the last window of min(5, minutes / 6) minutes are compared: latency, and the heap
 * after a full garbage collection. Only run when named (`npm run bench soak`): it takes the
 * whole half hour.
 */
const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 30);
const SIZE = 200;
const RATE = 5;
const WINDOW_S = Math.min(5, MINUTES / 6) * 60;
/** A whole number of windows (6 up to 30 minutes), so that the last window ends with the run. */
const WINDOWS = Math.max(6, Math.round((MINUTES * 60) / WINDOW_S));
const SECONDS = WINDOWS * WINDOW_S;
/** Post-it creates a second in a room at RATE (meetingLoad.ts: 2 operations a second, half of them creates). */
const CREATES_PER_S = RATE;
/**
 * Post-its per room: a few hundred, as a long meeting's boards hold. At RATE the script would
 * create thousands and fill the board to its limit (BOARD_LIMITS.notesPerBoard), after which its
 * creates are refused; past this number a room only moves post-its. Reached within the first half
 * of the first window, so that the heap compared is that of boards of the same size.
 */
const NOTES_PER_ROOM = Math.min(400, Math.floor((WINDOW_S / 2) * CREATES_PER_S));

/** The last `heap-after-gc <bytes>` line the server printed (OOGST_BENCH_HEAP, server/index.ts). */
function heapReader(proc: ChildProcess): () => number {
  let last = Number.NaN;
  let partial = '';
  proc.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const m = /^heap-after-gc (\d+)$/.exec(line.trim());
      if (m) last = Number(m[1]);
    }
  });
  return () => last;
}

/** Each latency as often as it was counted (a window of `LoadResult.windows`). */
const spread = (counts: Record<number, number> | undefined) =>
  Object.entries(counts ?? {}).flatMap(([ms, n]) => Array<number>(n).fill(Number(ms)));

const mb = (bytes: number) => `${round(bytes / 2 ** 20)} MB`;

export async function soakBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-bench-soak-'));
  const srv = await spawnServer(dir, { OOGST_BENCH_HEAP: '1' });
  const pid = srv.proc.pid!;
  const heap = heapReader(srv.proc);
  const first = { heap: Number.NaN, rss: 0 };
  const end = { heap: Number.NaN, rss: 0, rows: 0, bytes: 0 };
  let firstMeasured: Promise<void> = Promise.resolve();
  try {
    const run = await manyMeetings(
      { url: srv.url, pids: [pid] },
      {
        meetings: 1,
        size: SIZE,
        seconds: SECONDS,
        rate: RATE,
        windowSeconds: WINDOW_S,
        notesPerRoom: NOTES_PER_ROOM,
        // The heap a second after the first window: the collections' pause falls in the second
        // window, which is not compared.
        onStart: (startAt) => {
          firstMeasured = sleep(startAt + WINDOW_S * 1000 + 1000 - Date.now()).then(async () => {
            first.rss = await retainedRss(pid);
            first.heap = heap();
          });
        },
        // manyMeetings has just collected the garbage (retainedRss); the verslag's log is read
        // before everyone leaves, as the server compacts it once the last reader is gone.
        whileLoaded: async () => {
          await firstMeasured;
          end.heap = heap();
          end.rss = procStats(pid).rssBytes;
          const db = new Database(path.join(dir, SQLITE_FILE), { readonly: true, fileMustExist: true });
          try {
            // The data directory is the bench's own: its one meeting's verslag is all there is.
            const log = db
              .prepare('SELECT count(*) AS n, coalesce(sum(length(data)), 0) AS bytes FROM report_updates')
              .get() as { n: number; bytes: number };
            end.rows = log.n;
            end.bytes = log.bytes;
          } finally {
            db.close();
          }
        },
      },
    );
    const bench = `soak: 1 meeting of ${SIZE}, ${RATE}× rate, ${round(SECONDS / 60)} min`;
    const win = `${round(WINDOW_S / 60, 2)} min`;
    const firstLat = spread(run.windows[0]);
    const lastLat = spread(run.windows[WINDOWS - 1]);
    const p99Ratio = round(pct(lastLat, 99) / Math.max(1, pct(firstLat, 99)), 2);
    const heapRatio = round(end.heap / first.heap, 2);
    const compactEvery = readConfig().reportCompactEvery;
    const lost = run.expected - run.received;
    const p = (xs: number[]) => `${pct(xs, 50)} / ${pct(xs, 99)} ms (${xs.length} events)`;
    const ratio = (metric: string, r: number, max: number): BenchRow => ({
      bench,
      metric,
      value: `${r}×`,
      budget: `≤ ${max}×`,
      ok: r <= max,
    });
    return [
      { bench, metric: `every broadcast p50 / p99, first ${win}`, value: p(firstLat) },
      { bench, metric: `every broadcast p50 / p99, last ${win}`, value: p(lastLat) },
      ratio(`p99 last ${win} / first ${win}`, p99Ratio, 1.2),
      {
        bench,
        metric: `server heap after GC: after the first ${win} / at the end`,
        value: `${mb(first.heap)} / ${mb(end.heap)}`,
      },
      ratio('heap after GC, end / first window', heapRatio, 1.1),
      {
        bench,
        metric: `server RSS after GC: after the first ${win} / at the end`,
        value: `${mb(first.rss)} / ${mb(end.rss)}`,
      },
      {
        bench,
        metric: `verslag's stored log at the end: rows, bytes (${run.keystrokes} keystrokes typed)`,
        value: `${end.rows} rows, ${round(end.bytes / 1024)} KB`,
        budget: `compacted: ≤ ${compactEvery} rows (REPORT_COMPACT_EVERY)`,
        ok: end.rows <= compactEvery,
      },
      { bench, metric: 'events lost', value: `${lost} of ${run.expected}`, budget: '0', ok: lost === 0 },
      {
        bench,
        metric: 'errors',
        value: `${run.errorCount}${run.errors.length ? ` (${run.errors.slice(0, 3).join('; ')})` : ''}`,
        budget: '0',
        ok: run.errorCount === 0,
      },
      {
        bench,
        metric: `server CPU (% of one core); post-its per room ${NOTES_PER_ROOM}, then only moves`,
        value: `${round(run.nodeCpu)} %`,
      },
    ];
  } finally {
    await srv.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
