import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { countIn, listIn, pct, procStats, retainedRss, round, type WindowCounts } from './lib';
import type { LoadMessage, LoadResult } from './meetingLoad';

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
  /** Connections closed during the script, by reason (`LoadResult.disconnects`). */
  disconnects: Record<string, number>;
  /** Expected less received, by kind. */
  missing: LoadResult['missing'];
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

/** A load generator process (meetingLoad.ts): its figures, and the messages it sends (a part of one meeting). */
interface LoadProcess {
  child: ChildProcess;
  result: Promise<LoadResult>;
  /** Its first message of this type (refused if it ends before it). */
  heard(type: LoadMessage['type']): Promise<LoadMessage>;
}

function spawnLoad(i: number, env: Record<string, string>): LoadProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.resolve(import.meta.dirname, 'meetingLoad.ts')],
    {
      env: { ...process.env, ...env },
      // A channel as well: the parts of one meeting over several processes wait for each other.
      stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
    },
  );
  const messages = new Map<string, LoadMessage>();
  const waiting = new Map<string, (m: LoadMessage) => void>();
  child.on('message', (m: LoadMessage) => {
    messages.set(m.type, m);
    waiting.get(m.type)?.(m);
  });
  const result = new Promise<LoadResult>((resolve, reject) => {
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
  // Awaited by `launch`, unless another load generator failed first (then this one is ended).
  result.catch(() => {});
  const heard = (type: LoadMessage['type']) =>
    Promise.race([
      new Promise<LoadMessage>((resolve) => {
        const m = messages.get(type);
        if (m) resolve(m);
        else waiting.set(type, resolve);
      }),
      result.then(() => {
        throw new Error(`load generator ${i} finished before it said "${type}"`);
      }),
    ]);
  return { child, result, heard };
}

/** Latencies of sends and arrivals listed by key (epoch ms): each arrival against the latest send of its key before it. */
function paired(sends: Record<string, number[]>, arrivals: Record<string, number[]>): number[] {
  const out: number[] = [];
  for (const [key, times] of Object.entries(arrivals)) {
    const sent = [...(sends[key] ?? [])].sort((a, b) => a - b);
    for (const t of times) {
      const from = sent.findLast((s) => s <= t);
      if (from !== undefined) out.push(t - from);
    }
  }
  return out;
}

/**
 * A load against `target` (one node, or the balancer of several; `pids` are the node processes):
 * `launch` starts the load generators with `spawnLoad` (the env every one gets is added) and
 * answers their figures; around it, the nodes' CPU and memory, the services' and the load
 * generators' CPU over the script, which starts for all at the same moment.
 */
async function loadRun(
  target: { url: string; pids: number[] },
  opts: { people: number; seconds: number } & LongRunOptions,
  launch: (spawnLoad: (env: Record<string, string>) => LoadProcess) => Promise<LoadResult[]>,
): Promise<ManyMeetingsRun> {
  const cpu = () => target.pids.reduce((s, pid) => s + procStats(pid).cpuSeconds, 0);
  let memBefore = 0;
  for (const pid of target.pids) memBefore += await retainedRss(pid);
  // Set-up (joins, rooms) takes a while: every process starts its script at the same moment.
  const startAt = Date.now() + 20_000 + opts.people * 15;
  opts.onStart?.(startAt);
  const common: Record<string, string> = {
    LOAD_URL: target.url,
    LOAD_SECONDS: String(opts.seconds),
    LOAD_START_AT: String(startAt),
  };
  if (opts.rate !== undefined) common.LOAD_RATE = String(opts.rate);
  if (opts.windowSeconds !== undefined) common.LOAD_WINDOW_SECONDS = String(opts.windowSeconds);
  if (opts.notesPerRoom !== undefined) common.LOAD_NOTES_PER_ROOM = String(opts.notesPerRoom);
  let cpuAtStart = 0;
  let services = null as ReturnType<typeof namedCpu> | null;
  let loadAtStart = 0;
  const children: ChildProcess[] = [];
  const startTimer = setTimeout(() => {
    cpuAtStart = cpu();
    services = namedCpu(['postgres', 'redis-server', 'haproxy']);
    loadAtStart = children.reduce((sum, c) => sum + procStats(c.pid!).cpuSeconds, 0);
  }, startAt - Date.now());
  const outputs = await launch((env) => {
    const load = spawnLoad(children.length, { ...common, ...env });
    children.push(load.child);
    return load;
  })
    .catch((err) => {
      // No load generator waits for the others for ever.
      for (const c of children) c.kill();
      throw err;
    })
    .finally(() => clearTimeout(startTimer));
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
    disconnects: {},
    missing: { board: 0, chat: 0, timer: 0, verslag: 0 },
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
    for (const k of Object.keys(run.missing) as (keyof LoadResult['missing'])[])
      run.missing[k] += o.missing?.[k] ?? 0;
    for (const [why, c] of Object.entries(o.disconnects ?? {}))
      run.disconnects[why] = (run.disconnects[why] ?? 0) + c;
    for (const [w, counts] of (o.windows ?? []).entries()) {
      for (const [ms, n] of Object.entries(counts ?? {})) countIn(run.windows, w, Number(ms), n);
    }
  }
  // Over several processes the timer's sends and arrivals were listed, to be paired here.
  const sends: Record<string, number[]> = {};
  const arrivals: Record<string, number[]> = {};
  for (const o of outputs) {
    for (const [key, times] of Object.entries(o.timerSends ?? {})) listIn(sends, key, ...times);
    for (const [key, times] of Object.entries(o.timerArrivals ?? {})) listIn(arrivals, key, ...times);
  }
  byKind.timer.push(...paired(sends, arrivals));
  run.all = Object.values(byKind).flat();
  return run;
}

/**
 * `meetings` meetings of `size` people at once against `target`, each running the script of
 * meetingLoad.ts for `seconds`. The clients are spread over load generator processes of at most
 * 500 each; a meeting's people are all in one.
 */
export function manyMeetings(
  target: { url: string; pids: number[] },
  opts: { meetings: number; size: number; rooms?: number; seconds: number } & LongRunOptions,
): Promise<ManyMeetingsRun> {
  const perProc = Math.max(1, Math.floor(PER_PROCESS / opts.size));
  const procs = Math.ceil(opts.meetings / perProc);
  return loadRun(target, { ...opts, people: opts.meetings * opts.size }, (spawnLoad) =>
    Promise.all(
      Array.from(
        { length: procs },
        (_, i) =>
          spawnLoad({
            LOAD_MEETINGS: String(Math.min(perProc, opts.meetings - i * perProc)),
            LOAD_SIZE: String(opts.size),
            LOAD_ROOMS: String(opts.rooms ?? 5),
          }).result,
      ),
    ),
  );
}

/**
 * The same load as `manyMeetings` with the same options, as ONE meeting of `meetings` × `size`
 * people (the cost of isolation between meetings): as many break-out rooms of the same size, with
 * the same post-its; the chat of all meetings into the one meeting chat (each message now reaches
 * everyone); the poll answers at the same rate into one poll; one timer. One meeting has one
 * verslag: one secretary types, where `meetings` did. Its people are spread over load generator
 * processes of at most 500 (meetingLoad.ts, LOAD_PART); each process's people choose rooms only
 * they use, so a post-it's latency is one process's clock; the chat carries its send time, the
 * timer's sends and arrivals are paired here (one machine: one clock).
 */
export function oneBigMeeting(
  target: { url: string; pids: number[] },
  opts: { meetings: number; size: number; rooms?: number; seconds: number },
): Promise<ManyMeetingsRun> {
  const people = opts.meetings * opts.size;
  const parts = Math.ceil(people / PER_PROCESS);
  const env = (i: number) => ({
    LOAD_MEETINGS: '1',
    LOAD_SIZE: String(people),
    LOAD_ROOMS: String(opts.meetings * (opts.rooms ?? 5)),
    LOAD_CHAT_PER_S: String(opts.meetings),
    LOAD_PART: `${i}/${parts}`,
  });
  return loadRun(target, { people, seconds: opts.seconds }, async (spawnLoad) => {
    const first = spawnLoad(env(0));
    const made = await first.heard('meeting');
    const meeting = JSON.stringify((made as Extract<LoadMessage, { type: 'meeting' }>).meeting);
    const rest = Array.from({ length: parts - 1 }, (_, i) =>
      spawnLoad({ ...env(i + 1), LOAD_MEETING: meeting }),
    );
    // The rooms are made for everyone online when the break-out opens: everyone joins first.
    await Promise.all([first, ...rest].map((p) => p.heard('joined')));
    first.child.send({ type: 'open' } satisfies LoadMessage);
    await first.heard('opened');
    for (const p of rest) p.child.send({ type: 'opened' } satisfies LoadMessage);
    return Promise.all([first, ...rest].map((p) => p.result));
  });
}

/** What was lost, by kind, when anything was. */
function missingBy(missing: LoadResult['missing']): string {
  const some = Object.entries(missing).filter(([, n]) => n !== 0);
  return some.length ? ` (${some.map(([k, n]) => `${k} ${n}`).join(', ')})` : '';
}

/** Connections closed during a run, by reason: what was lost is what they would have got. */
function dropped(disconnects: Record<string, number>): string {
  const all = Object.entries(disconnects);
  if (all.length === 0) return '';
  const n = all.reduce((a, [, c]) => a + c, 0);
  return ` (${n} connection${n === 1 ? '' : 's'} closed during the run: ${all.map(([why, c]) => `${c} ${why}`).join(', ')}; the bench's clients do not reconnect)`;
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
    lost: `${r.expected - r.received} of ${r.expected}${missingBy(r.missing)}${dropped(r.disconnects)}`,
    cpu: `${round(r.nodeCpu)} % nodes + ${round(r.serviceCpu)} % PostgreSQL, Redis and HAProxy; load generators ${round(r.loadCpu)} %`,
  };
}
