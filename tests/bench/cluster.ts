import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCluster } from '../helpers/cluster';
import { spawnServer } from '../helpers/process';
import { bare, oogstOn, type Run } from './fanout';
import { type BenchRow, connect, pct, round, sleep } from './lib';
import { describeRun, type ManyMeetingsRun, manyMeetings, oneBigMeeting } from './meetings';

/**
 * [DEPLOY1] One meeting of N on three nodes behind HAProxy (PostgreSQL, Redis), side by side in the
 * same run with the same on one node behind the balancer on PostgreSQL and Redis (so the ratio is
 * what crossing nodes costs), one node on SQLite, and the bare Socket.IO relay: the board fan-out
 * and a join storm, in rounds on fresh deployments (BENCH_CLUSTER_ROUNDS). Then the realistic load
 * of a province: 30 meetings of 40 at once (meetings.ts) on three nodes, on one node on PostgreSQL
 * and on one node on SQLite, each on a fresh deployment. On this 2-core machine the nodes,
 * PostgreSQL, Redis, HAProxy and the load generators share two cores: the figures show what
 * crossing nodes costs, not how far several machines scale.
 */
/**
 * N people join one meeting within `spreadMs` (HTTP join, live connection, full snapshot): each
 * one's time from the join request to having the snapshot, and the time until all are in.
 */
export async function joinWave(
  url: string,
  n: number,
  spreadMs: number,
): Promise<{ latency: number[]; allIn: number }> {
  const m = await (
    await fetch(`${url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Join storm' }),
    })
  ).json();
  const t0 = Date.now();
  const latency: number[] = [];
  const sockets = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      await sleep((i * spreadMs) / n);
      const started = Date.now();
      const res = await fetch(`${url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: m.code, name: `Deelnemer ${i + 1}` }),
      });
      const j = await res.json();
      const s = connect(url, { code: m.code, token: j.token });
      await new Promise<void>((resolve) => s.once('connect', () => resolve()));
      const r = (await s.timeout(30_000).emitWithAck('session:sync', null)) as { ok: boolean };
      if (!r.ok) throw new Error('sync refused');
      latency.push(Date.now() - started);
      return s;
    }),
  );
  const allIn = Date.now() - t0;
  for (const s of sockets) s.disconnect();
  return { latency, allIn };
}

type Join = { latency: number[]; allIn: number };
/** The one big meeting on one deployment: the post-it fan-out, then a join storm. */
interface OneMeeting {
  fan: Run;
  join: Join;
}

const MEETINGS = Number(process.env.BENCH_CLUSTER_MEETINGS ?? 30);
/** A smaller province as well on three nodes: on a 2-core machine 30 meetings over 3 nodes is past what it can carry. */
const FEWER = Number(process.env.BENCH_CLUSTER_FEWER ?? 10);
const MEETING_SIZE = 40;
const MEETING_SECONDS = Number(process.env.BENCH_MEETING_SECONDS ?? 30);
/**
 * Rounds of the three-nodes / one-node comparison, each on fresh deployments (a fresh database,
 * fresh nodes), the order turned round every round: on a shared 2-core VM one run of each is a
 * sample of the neighbours too.
 */
const ROUNDS = Number(process.env.BENCH_CLUSTER_ROUNDS ?? 3);

type Target = { url: string; pids: number[] };

async function oneMeeting(target: Target, n: number): Promise<OneMeeting> {
  const fan = await oogstOn(target, n);
  const join = await joinWave(target.url, n, 5000);
  return { fan, join };
}

/** The many-meetings loads one after another: the smaller first, it leaves the nodes less to collect. */
async function manyOn(target: Target, many: number[]): Promise<Map<number, ManyMeetingsRun>> {
  const runs = new Map<number, ManyMeetingsRun>();
  for (const meetings of many) {
    runs.set(
      meetings,
      await manyMeetings(target, { meetings, size: MEETING_SIZE, seconds: MEETING_SECONDS }),
    );
  }
  return runs;
}

/** `fn` on fresh nodes behind the balancer on a fresh database, all stopped after. */
async function onCluster<T>(nodes: number, fn: (target: Target) => Promise<T>): Promise<T> {
  const c = await startCluster({ nodes });
  try {
    return await fn({ url: c.url, pids: c.nodes.map((node) => node.proc!.proc.pid!) });
  } finally {
    await c.close();
  }
}

/** `fn` on a fresh node on SQLite (a data directory of its own), stopped after. */
async function onSqlite<T>(fn: (target: Target) => Promise<T>): Promise<T> {
  const single = await spawnServer(fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-bench-one-')));
  return fn({ url: single.url, pids: [single.proc.pid!] }).finally(() => single.kill('SIGTERM'));
}

/** Several rounds as one: every latency together, the mean of the rest. */
function pooled(rounds: OneMeeting[]): OneMeeting {
  const mean = (f: (r: OneMeeting) => number) => rounds.reduce((a, r) => a + f(r), 0) / rounds.length;
  return {
    fan: {
      latencies: rounds.flatMap((r) => r.fan.latencies),
      expected: rounds.reduce((a, r) => a + r.fan.expected, 0),
      received: rounds.reduce((a, r) => a + r.fan.received, 0),
      cpuPercent: mean((r) => r.fan.cpuPercent),
      memPerClient: mean((r) => r.fan.memPerClient),
    },
    join: { latency: rounds.flatMap((r) => r.join.latency), allIn: Math.round(mean((r) => r.join.allIn)) },
  };
}

/**
 * The figures of a many-meetings run (`meetings` meetings of `people` people together); the
 * memory row is per meeting.
 */
function loadRows(
  b: string,
  m: ManyMeetingsRun,
  meetings: number,
  people: number,
  /** False for the comparison (one meeting of 1,200): the budget is the many meetings'. */
  budgeted = true,
): BenchRow[] {
  const desc = describeRun(m);
  const lostMany = m.expected - m.received;
  const rows: BenchRow[] = [
    {
      bench: b,
      metric: `every broadcast p50 / p99 (${MEETING_SECONDS} s)`,
      value: desc.all!,
      ...(budgeted ? { budget: '≤ 150 ms', ok: pct(m.all, 99) <= 150 } : {}),
    },
    {
      bench: b,
      metric: 'post-its / chat / timer / verslag p50 / p99',
      value: `${desc.board} · ${desc.chat} · ${desc.timer} · ${desc.verslag}`,
    },
    { bench: b, metric: 'poll answer stored and acked p50 / p99', value: desc.answers! },
    { bench: b, metric: 'events lost', value: desc.lost!, budget: '0', ok: lostMany === 0 },
    { bench: b, metric: 'CPU (% of one core)', value: desc.cpu! },
    {
      bench: b,
      metric: 'node CPU per participant',
      value: `${round((m.nodeCpu * 10) / people, 2)} ms a second`,
    },
    {
      bench: b,
      metric: 'node memory kept (after GC) per meeting',
      value: `${round(m.memAbove / meetings / 2 ** 20, 2)} MB`,
    },
  ];
  if (m.errors.length) rows.push({ bench: b, metric: 'errors', value: m.errors.slice(0, 3).join('; ') });
  return rows;
}

/**
 * [issue 15] The same load as 30 meetings of 40 as ONE meeting of 1,200 on a fresh node on SQLite
 * (meetings.ts `oneBigMeeting`), and what isolation between meetings costs: the rows.
 */
async function oneMeetingRows(many: ManyMeetingsRun): Promise<BenchRow[]> {
  const people = MEETINGS * MEETING_SIZE;
  const one = await onSqlite((t) =>
    oneBigMeeting(t, { meetings: MEETINGS, size: MEETING_SIZE, seconds: MEETING_SECONDS }),
  );
  const b = `one meeting of ${people.toLocaleString('en')}, 1 node on SQLite`;
  const ratio = (a: number, c: number) => `${round(a / Math.max(1, c), 2)}×`;
  return [
    {
      bench: b,
      metric: `the load of ${MEETINGS} meetings of ${MEETING_SIZE} as one meeting`,
      value: `${MEETINGS * 5} rooms of 8 with the same post-its; the poll answers at the same rate into one poll; their chat (${MEETINGS} messages a second) into one meeting chat, so each message reaches ${people.toLocaleString('en')} people instead of ${MEETING_SIZE}; one timer; one verslag: one secretary typing where there were ${MEETINGS}`,
    },
    ...loadRows(b, one, 1, people, false),
    {
      bench: b,
      metric: `isolation cost: ${MEETINGS} × ${MEETING_SIZE} / 1 × ${people.toLocaleString('en')}, every broadcast p99 · node CPU · node memory kept`,
      value: `${ratio(pct(many.all, 99), pct(one.all, 99))} · ${ratio(many.nodeCpu, one.nodeCpu)} · ${ratio(many.memAbove, one.memAbove)}`,
    },
  ];
}

export async function clusterBench(n: number): Promise<BenchRow[]> {
  const base = await bare(n);
  // The comparison: one meeting of n on three nodes and on one node, fresh each round.
  const rounds: { three: OneMeeting; one: OneMeeting }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? [1, 3] : [3, 1];
    const got = new Map<number, OneMeeting>();
    for (const nodes of order) got.set(nodes, await onCluster(nodes, (t) => oneMeeting(t, n)));
    rounds.push({ three: got.get(3)!, one: got.get(1)! });
  }
  const pg3 = pooled(rounds.map((r) => r.three));
  const pg1 = pooled(rounds.map((r) => r.one));
  const sqlite = await onSqlite((t) => oneMeeting(t, n));
  // The many meetings, each deployment fresh: their memory is measured against what it kept idle.
  const sqliteMany = await onSqlite((t) => manyOn(t, [MEETINGS]));
  const oneMeetingCompared = await oneMeetingRows(sqliteMany.get(MEETINGS)!);
  const pg1Many = await onCluster(1, (t) => manyOn(t, [MEETINGS]));
  const pg3Many = await onCluster(3, (t) =>
    manyOn(
      t,
      [FEWER, MEETINGS].filter((m, i, all) => m > 0 && all.indexOf(m) === i),
    ),
  );
  const bench = `cluster ${n}`;
  const p = (r: Run) => `${pct(r.latencies, 50)} / ${pct(r.latencies, 95)} / ${pct(r.latencies, 99)} ms`;
  const p99 = (r: Run) => pct(r.latencies, 99);
  const ratio = (a: number, b: number) => round(a / Math.max(1, b), 2);
  const crossFan = ratio(p99(pg3.fan), p99(pg1.fan));
  const crossJoin = ratio(pg3.join.allIn, pg1.join.allIn);
  const lost = pg3.fan.expected - pg3.fan.received;
  const joinP = (m: OneMeeting) =>
    `${m.join.allIn} ms (p50 ${pct(m.join.latency, 50)}, p99 ${pct(m.join.latency, 99)} ms)`;
  const each = (f: (r: { three: OneMeeting; one: OneMeeting }) => string) => rounds.map(f).join(' · ');
  const several = ROUNDS > 1 ? ` (${ROUNDS} rounds together)` : '';
  const rows: BenchRow[] = [
    {
      bench,
      metric: `post-it fan-out p50 / p95 / p99: 3 nodes (PostgreSQL, Redis, HAProxy)${several}`,
      value: p(pg3.fan),
    },
    { bench, metric: 'the same on 1 node (PostgreSQL, Redis, HAProxy)', value: p(pg1.fan) },
    { bench, metric: 'the same on 1 node on SQLite (no balancer)', value: p(sqlite.fan) },
    { bench, metric: 'the same on bare Socket.IO', value: p(base) },
    {
      bench,
      metric: 'fan-out p99, 3 nodes / 1 node (what crossing nodes costs)',
      value: `${crossFan}×`,
      budget: '≤ 1.5×',
      ok: crossFan <= 1.5,
    },
    {
      bench,
      metric: 'fan-out p99 each round, 3 nodes / 1 node',
      value: each(
        (r) => `${p99(r.three.fan)} / ${p99(r.one.fan)} ms (${ratio(p99(r.three.fan), p99(r.one.fan))}×)`,
      ),
    },
    {
      bench,
      metric: 'fan-out p99, 3 nodes / 1 node on SQLite',
      value: `${ratio(p99(pg3.fan), p99(sqlite.fan))}×`,
    },
    {
      bench,
      metric: 'messages lost (3 nodes)',
      value: `${lost} of ${pg3.fan.expected}`,
      budget: '0',
      ok: lost === 0,
    },
    {
      bench,
      metric: 'node CPU during the fan-out: 3 nodes together / 1 node / SQLite',
      value: `${round(pg3.fan.cpuPercent)} % / ${round(pg1.fan.cpuPercent)} % / ${round(sqlite.fan.cpuPercent)} %`,
    },
    {
      bench,
      metric: `join storm (${n} in 5 s), all in: 3 nodes${several ? ' (mean of the rounds)' : ''}`,
      value: joinP(pg3),
    },
    { bench, metric: 'the same on 1 node (PostgreSQL, Redis, HAProxy)', value: joinP(pg1) },
    { bench, metric: 'the same on 1 node on SQLite', value: joinP(sqlite) },
    {
      bench,
      metric: 'join storm, 3 nodes / 1 node',
      value: `${crossJoin}×`,
      budget: '≤ 1.5×',
      ok: crossJoin <= 1.5,
    },
    {
      bench,
      metric: 'join storm all in each round, 3 nodes / 1 node',
      value: each((r) => `${r.three.join.allIn} / ${r.one.join.allIn} ms`),
    },
    {
      bench,
      metric: 'node memory per participant, 3 nodes together / 1 node / SQLite',
      value: `${round(pg3.fan.memPerClient / 1024)} KB / ${round(pg1.fan.memPerClient / 1024)} KB / ${round(sqlite.fan.memPerClient / 1024)} KB`,
    },
  ];
  for (const [where, many] of [
    ['3 nodes', pg3Many],
    ['1 node on PostgreSQL', pg1Many],
    ['1 node on SQLite', sqliteMany],
  ] as const) {
    for (const [meetings, m] of many) {
      rows.push(
        ...loadRows(
          `${meetings} meetings of ${MEETING_SIZE}, ${where}`,
          m,
          meetings,
          meetings * MEETING_SIZE,
        ),
      );
    }
  }
  rows.push(...oneMeetingCompared);
  return rows;
}

/** Under the cluster section: what the figures mean and what changed them (run.ts NOTES). */
export const CLUSTER_NOTE = `Many meetings on PostgreSQL, what changed them (30 meetings of 40 on 1 node on PostgreSQL, quiet machine, every broadcast p50 / p99): 1,300 / 3,600 ms at first. The pool of 10 connections was full: about 3,000 statements a second at 3 ms each, and opening a break-out ran out of its 30 serializable attempts (it placed 40 people one INSERT at a time). Then 258 / 1,520 ms: a board command's context in one statement (board, activity, break-out state, placement), placements and rooms in one statement each, the applied-command look done once per command, the break-out harvest paced by its own cost. Then 178 / 678 ms: statements with parameters as named prepared statements (parsed and planned once per connection). On this 2-core machine three nodes, PostgreSQL, Redis, HAProxy and the load generators share two cores: 30 meetings over 3 nodes is past what it carries (every node also handles what the others broadcast), 10 meetings shows the cost per participant; see the sizing in DEPLOY.md.`;
