import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { countIn, pct, procStats, retainedRss, round, type WindowCounts } from './lib';
import type { LoadResult } from './meetingLoad';

/** At most this many clients in one load generator process: the bench measures the server, not itself. */
const PER_PROCESS = 500;

export interface ManyMeetingsRun {
  /** Every broadcast's latency at every person who got it, all kinds together. */
  all: number[];
  byKind: LoadResult['latencies'];
  answerAcks: number[];
  expected: number;
  received: number;
  /** The first errors of each load generator, and how many there were in all. */
  errors: string[];
  errorCount: number;
  /** Keystrokes typed into the verslagen. */
  keystrokes: number;
  /** With `windowSeconds`: latency counts per window of send time (`LoadResult.windows`), all processes together. */
  windows: WindowCounts;
  /** CPU of the Oogst nodes together, in % of one core, over the script. */
  nodeCpu: number;
  /** CPU of PostgreSQL, Redis and HAProxy together (all their processes), in % of one core. */
  serviceCpu: number;
  /** CPU of the load generator processes together over the script, in % of one core. */
  loadCpu: number;
  /** Memory the nodes keep (after GC) with the meetings loaded, above what they kept before (bytes). */
  memAbove: number;
}

/**
 * CPU seconds of every process whose name is one of `names` (PostgreSQL's backends, Redis,
 * HAProxy), followed by sampling every second: a PostgreSQL backend whose pooled connection closes
 * before the end still counts with what it used until its last sample.
 */
function namedCpu(names: string[]): { total(): number; stop(): void } {
  const last = new Map<number, number>();
  const sample = () => {
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const comm = fs.readFileSync(`/proc/${d}/comm`, 'utf8').trim();
        if (names.some((n) => comm.startsWith(n))) last.set(Number(d), procStats(Number(d)).cpuSeconds);
      } catch {
        // The process ended meanwhile.
      }
    }
  };
  sample();
  const start = new Map(last);
  const timer = setInterval(sample, 1000);
  timer.unref();
  return {
    total() {
      sample();
      let sum = 0;
      for (const [pid, cpu] of last) sum += cpu - (start.get(pid) ?? 0);
      return sum;
    },
    stop: () => clearInterval(timer),
  };
}

/** What a long run (soak.ts) adds to `manyMeetings`; each unset by default. */
export interface LongRunOptions {
  /** Every rate of the script times this (LOAD_RATE). */
  rate?: number;
  /** Latencies counted per window of this many seconds (LOAD_WINDOW_SECONDS). */
  windowSeconds?: number;
  /** Post-its a room creates before it only moves them (LOAD_NOTES_PER_ROOM). */
  notesPerRoom?: number;
  /** Told the moment (epoch ms) at which the script starts, as soon as it is set. */
  onStart?: (startAt: number) => void;
  /** Runs at the end of the script with everyone still there, after the nodes' memory was measured. */
  whileLoaded?: () => void | Promise<void>;
}

/**
 * `meetings` meetings of `size` people at once against `url` (one node, or the balancer of
 * several; `pids` are the node processes), each running the script of meetingLoad.ts for
 * `seconds`. The clients are spread over load generator processes of at most 500 each.
 */
export async function manyMeetings(
  target: { url: string; pids: number[] },
  opts: { meetings: number; size: number; rooms?: number; seconds: number } & LongRunOptions,
): Promise<ManyMeetingsRun> {
  const perProc = Math.max(1, Math.floor(PER_PROCESS / opts.size));
  const procs = Math.ceil(opts.meetings / perProc);
  const cpu = () => target.pids.reduce((s, pid) => s + procStats(pid).cpuSeconds, 0);
  let memBefore = 0;
  for (const pid of target.pids) memBefore += await retainedRss(pid);
  // Set-up (joins, rooms) takes a while: every process starts its script at the same moment.
  const startAt = Date.now() + 20_000 + opts.meetings * opts.size * 15;
  opts.onStart?.(startAt);
  const longRun: Record<string, string> = {};
  if (opts.rate !== undefined) longRun.LOAD_RATE = String(opts.rate);
  if (opts.windowSeconds !== undefined) longRun.LOAD_WINDOW_SECONDS = String(opts.windowSeconds);
  if (opts.notesPerRoom !== undefined) longRun.LOAD_NOTES_PER_ROOM = String(opts.notesPerRoom);
  let cpuAtStart = 0;
  let services = null as ReturnType<typeof namedCpu> | null;
  let loadAtStart = 0;
  const children: ChildProcess[] = [];
  const startTimer = setTimeout(() => {
    cpuAtStart = cpu();
    services = namedCpu(['postgres', 'redis-server', 'haproxy']);
    loadAtStart = children.reduce((sum, c) => sum + procStats(c.pid!).cpuSeconds, 0);
  }, startAt - Date.now());
  const outputs = await Promise.all(
    Array.from({ length: procs }, (_, i) => {
      const meetings = Math.min(perProc, opts.meetings - i * perProc);
      return new Promise<LoadResult>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', path.resolve(import.meta.dirname, 'meetingLoad.ts')],
          {
            env: {
              ...process.env,
              LOAD_URL: target.url,
              LOAD_MEETINGS: String(meetings),
              LOAD_SIZE: String(opts.size),
              LOAD_ROOMS: String(opts.rooms ?? 5),
              LOAD_SECONDS: String(opts.seconds),
              LOAD_START_AT: String(startAt),
              ...longRun,
            },
            stdio: ['pipe', 'pipe', 'pipe'],
          },
        );
        children.push(child);
        let out = '';
        let err = '';
        // Its figures come as one JSON line; it keeps its people connected until told to end.
        child.stdout!.on('data', (c: Buffer) => {
          out += c.toString();
          // The whole line: a pipe hands it over in pieces of 64 KB.
          const at = out.indexOf('{"latencies"');
          const end = at < 0 ? -1 : out.indexOf('\n', at);
          if (end > 0) resolve(JSON.parse(out.slice(at, end)) as LoadResult);
        });
        child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
        child.on('exit', (code) =>
          reject(new Error(`load generator ${i} ended (${code}):\n${err.slice(-2000)}`)),
        );
      });
    }),
  ).finally(() => clearTimeout(startTimer));
  const seconds = (Date.now() - startAt) / 1000;
  const nodeCpu = ((cpu() - cpuAtStart) / seconds) * 100;
  const serviceCpu = ((services?.total() ?? 0) / seconds) * 100;
  services?.stop();
  const loadCpu =
    ((children.reduce((sum, c) => sum + procStats(c.pid!).cpuSeconds, 0) - loadAtStart) / seconds) * 100;
  // The memory the nodes keep with every meeting still loaded; then the people leave.
  let memLoaded = 0;
  for (const pid of target.pids) memLoaded += await retainedRss(pid);
  try {
    await opts.whileLoaded?.();
  } finally {
    await Promise.all(
      children.map(
        (c) =>
          new Promise((r) => {
            c.once('exit', r);
            c.stdin!.end();
          }),
      ),
    );
  }
  const byKind: LoadResult['latencies'] = { board: [], chat: [], timer: [], verslag: [] };
  const run: ManyMeetingsRun = {
    all: [],
    byKind,
    answerAcks: [],
    expected: 0,
    received: 0,
    errors: [],
    errorCount: 0,
    keystrokes: 0,
    windows: [],
    nodeCpu,
    serviceCpu,
    loadCpu,
    memAbove: memLoaded - memBefore,
  };
  for (const o of outputs) {
    for (const k of Object.keys(byKind) as (keyof typeof byKind)[]) {
      for (const v of o.latencies[k]) byKind[k].push(v);
    }
    for (const v of o.answerAcks) run.answerAcks.push(v);
    run.expected += o.expected;
    run.received += o.received;
    run.errors.push(...o.errors);
    run.errorCount += o.errorCount;
    run.keystrokes += o.keystrokes;
    for (const [w, counts] of (o.windows ?? []).entries()) {
      for (const [ms, n] of Object.entries(counts ?? {})) countIn(run.windows, w, Number(ms), n);
    }
  }
  run.all = Object.values(byKind).flat();
  return run;
}

/** The figures of a run, p50 / p99 in ms. */
export function describeRun(r: ManyMeetingsRun): Record<string, string> {
  const p = (xs: number[]) => `${pct(xs, 50)} / ${pct(xs, 99)} ms`;
  return {
    all: p(r.all),
    board: p(r.byKind.board),
    chat: p(r.byKind.chat),
    timer: p(r.byKind.timer),
    verslag: p(r.byKind.verslag),
    answers: p(r.answerAcks),
    lost: `${r.expected - r.received} of ${r.expected}`,
    cpu: `${round(r.nodeCpu)} % nodes + ${round(r.serviceCpu)} % PostgreSQL, Redis and HAProxy; load generators ${round(r.loadCpu)} %`,
  };
}
