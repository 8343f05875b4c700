import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { newId } from '../../shared/domain/ids';
import { seeded, spawnScript, spawnServer } from '../helpers/process';
import {
  ack,
  type BenchRow,
  breakoutActivity,
  connect,
  connected,
  pct,
  pool,
  procStats,
  retainedRss,
  round,
  sleep,
  waitUntil,
} from './lib';

const WRITERS = 5;
const RATE = Number(process.env.BENCH_FANOUT_RATE ?? 20); // operations per second, all writers together
const SECONDS = Number(process.env.BENCH_FANOUT_SECONDS ?? 15);
/**
 * Seconds of the same operations before measuring, on every server alike: a node in a meeting has
 * been running for a while, and a fresh one compiles its broadcast path during its first seconds
 * (three fresh nodes do that three times over on the same two cores).
 */
const WARMUP_SECONDS = Number(process.env.BENCH_FANOUT_WARMUP ?? 3);

export interface Run {
  latencies: number[];
  expected: number;
  received: number;
  cpuPercent: number;
  memPerClient: number;
}

/** Sends RATE operations a second for SECONDS from the writers; `op` sends one and returns its keys. */
async function drive(
  pids: number[],
  clients: Socket[],
  listen: (s: Socket, onKey: (key: string) => void) => void,
  op: (writer: Socket, w: number, i: number) => Promise<string>,
  rssBefore: number,
): Promise<Run> {
  const memPerClient = ((await retained(pids)) - rssBefore) / clients.length;
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let received = 0;
  for (const s of clients) {
    listen(s, (key) => {
      const t = sentAt.get(key);
      if (t === undefined) return;
      received++;
      latencies.push(Date.now() - t);
    });
  }
  // The warm-up: the same operations at the same rate, their deliveries not counted.
  const warmup = RATE * WARMUP_SECONDS;
  const w0 = Date.now();
  for (let i = 0; i < warmup; i++) {
    const wait = w0 + (i * 1000) / RATE - Date.now();
    if (wait > 0) await sleep(wait);
    await op(clients[i % WRITERS]!, i % WRITERS, i);
  }
  if (warmup > 0) await sleep(1000);
  const cpu0 = cpuOf(pids);
  const t0 = Date.now();
  const total = RATE * SECONDS;
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / RATE - Date.now();
    if (wait > 0) await sleep(wait);
    const w = i % WRITERS;
    const sendTime = Date.now();
    pending.push(op(clients[w]!, w, warmup + i).then((key) => sentAt.set(key, sendTime)));
  }
  await Promise.all(pending);
  const expected = total * clients.length;
  await waitUntil(() => received >= expected, 20_000);
  const cpuPercent = ((cpuOf(pids) - cpu0) / ((Date.now() - t0) / 1000)) * 100;
  return { latencies, expected, received, cpuPercent, memPerClient };
}

/** CPU seconds of the server processes together. */
const cpuOf = (pids: number[]) => pids.reduce((sum, pid) => sum + procStats(pid).cpuSeconds, 0);
/** Memory kept after a full collection, of the server processes together. */
async function retained(pids: number[]): Promise<number> {
  let sum = 0;
  for (const pid of pids) sum += await retainedRss(pid);
  return sum;
}

/** Where the bench sends its clients: one address (a node, or the balancer) and the node processes. */
export interface FanoutTarget {
  url: string;
  pids: number[];
}

/** Oogst: N participants in one break-out room watch its board; writers create and move post-its. */
export async function oogst(n: number): Promise<Run> {
  const srv = await spawnServer(fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-bench-fan-')));
  try {
    return await oogstOn({ url: srv.url, pids: [srv.proc.pid!] }, n);
  } finally {
    await srv.kill('SIGTERM');
  }
}

/** The board fan-out against any Oogst: one node, or several behind a balancer (bench/cluster.ts). */
export async function oogstOn(srv: FanoutTarget, n: number): Promise<Run> {
  const m = await (
    await fetch(`${srv.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Fan-out' }),
    })
  ).json();
  const fac = connect(srv.url, { code: m.code, token: m.facilitatorToken });
  await connected(fac);
  const activityId = newId();
  await ack(fac, 'activity:create', breakoutActivity(activityId));
  await sleep(500);
  const rssBefore = await retained(srv.pids);
  const joined = await pool(Array.from({ length: n }), 50, async (_, i) => {
    const res = await fetch(`${srv.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: m.code, name: `Deelnemer ${i + 1}` }),
    });
    const j = await res.json();
    const s = connect(srv.url, { code: m.code, token: j.token });
    await connected(s);
    return s;
  });
  await ack(fac, 'activity:open', { id: activityId });
  let boardId = '';
  await pool(joined, 50, async (s) => {
    // A participant's place comes with the start, or just after on another node: ask until it is there.
    for (let tries = 0; ; tries++) {
      const snap = (await ack(s, 'session:sync', null)) as {
        breakouts: { activityId: string; boards: { id: string; roomId: string | null }[] }[];
        placements: { activityId: string; roomId: string | null }[];
      };
      const roomId = snap.placements.find((p) => p.activityId === activityId)?.roomId;
      const board = snap.breakouts[0]?.boards.find((b) => b.roomId === roomId);
      if (board) {
        boardId = board.id;
        break;
      }
      if (tries > 50) throw new Error('no room for a participant');
      await sleep(100);
    }
    await ack(s, 'board:sync', { boardId });
  });
  const mine: string[][] = Array.from({ length: WRITERS }, () => []);
  const rand = seeded(n);
  const run = await drive(
    srv.pids,
    joined,
    (s, onKey) => {
      s.on('note:created', (note: { id: string }) => onKey(`c:${note.id}`));
      s.on('note:updated', (u: { notes: { id: string; x: number; y: number }[] }) => {
        for (const note of u.notes) onKey(`m:${note.id}:${note.x}:${note.y}`);
      });
    },
    async (writer, w, i) => {
      const own = mine[w]!;
      const x = Math.floor(rand() * 3000);
      const y = Math.floor(rand() * 2000);
      if (own.length < 5 || i % 2 === 0) {
        const id = newId();
        own.push(id);
        const key = `c:${id}`;
        void ack(writer, 'note:create', {
          id,
          boardId,
          text: `Post-it ${i}: koplopers leggen verbindingen`,
          colour: 'geel',
          x,
          y,
        });
        return key;
      }
      const id = own[i % own.length]!;
      void ack(writer, 'note:move', { id, x, y });
      return `m:${id}:${x}:${y}`;
    },
    rssBefore,
  );
  for (const s of [fac, ...joined]) s.disconnect();
  return run;
}

/** The bare baseline: the same clients, the same payload sizes, a server that only relays. */
export async function bare(n: number): Promise<Run> {
  const srv = await spawnScript(path.resolve(import.meta.dirname, 'bare/socketioRelay.ts'));
  try {
    await sleep(500);
    const rssBefore = await retained([srv.proc.pid!]);
    const clients = await pool(Array.from({ length: n }), 50, async () => {
      const s = connect(srv.url, {});
      await connected(s);
      return s;
    });
    const rand = seeded(n);
    const run = await drive(
      [srv.proc.pid!],
      clients,
      (s, onKey) => s.on('note', (p: { key: string }) => onKey(p.key)),
      async (writer, _w, i) => {
        const id = newId();
        const x = Math.floor(rand() * 3000);
        const y = Math.floor(rand() * 2000);
        const key = i % 2 === 0 ? `c:${id}` : `m:${id}:${x}:${y}`;
        // About the size of Oogst's note broadcast.
        const payload = {
          key,
          id,
          boardId: id,
          text: `Post-it ${i}: koplopers leggen verbindingen`,
          colour: 'geel',
          x,
          y,
          themeId: null,
          author: 'Deelnemer 1',
          version: i,
          updatedAt: Date.now(),
        };
        void writer.timeout(30_000).emitWithAck('relay', payload);
        return key;
      },
      rssBefore,
    );
    for (const s of clients) s.disconnect();
    return run;
  } finally {
    await srv.kill('SIGTERM');
  }
}

/**
 * Fan-out: N participants on one board; post-it creates and moves from 5 writers at a steady rate;
 * latency from send to receipt at every client; server CPU and memory per participant; the same
 * against a bare Socket.IO relay in the same run.
 */
export async function fanout(sizes: number[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of sizes) {
    const base = await bare(n);
    const ours = await oogst(n);
    const p = (r: Run, q: number) => pct(r.latencies, q);
    const ratio = p(ours, 99) / Math.max(1, p(base, 99));
    const lost = ours.expected - ours.received;
    const memAbove = (ours.memPerClient - base.memPerClient) / 1024;
    const big = n >= 1000;
    rows.push(
      {
        bench: `fan-out ${n}`,
        metric: `Oogst p50 / p95 / p99 (${RATE} ops/s, ${SECONDS} s)`,
        value: `${p(ours, 50)} / ${p(ours, 95)} / ${p(ours, 99)} ms`,
        ...(big ? { budget: '< 250 ms', ok: p(ours, 99) < 250 } : {}),
      },
      {
        bench: `fan-out ${n}`,
        metric: 'bare Socket.IO p50 / p95 / p99',
        value: `${p(base, 50)} / ${p(base, 95)} / ${p(base, 99)} ms`,
      },
      {
        bench: `fan-out ${n}`,
        metric: 'p99 Oogst / bare',
        value: `${round(ratio, 2)}×`,
        ...(big ? { budget: '≤ 1.5×', ok: ratio <= 1.5 } : {}),
      },
      {
        bench: `fan-out ${n}`,
        metric: 'messages lost',
        value: `${lost} of ${ours.expected}`,
        budget: '0',
        ok: lost === 0,
      },
      {
        bench: `fan-out ${n}`,
        metric: 'server CPU, Oogst / bare',
        value: `${round(ours.cpuPercent)} % / ${round(base.cpuPercent)} %`,
      },
      {
        bench: `fan-out ${n}`,
        metric: 'server memory per participant, Oogst / bare (above)',
        value: `${round(ours.memPerClient / 1024)} KB / ${round(base.memPerClient / 1024)} KB (${round(memAbove)} KB)`,
        ...(big ? { budget: '≤ 50 KB above', ok: memAbove <= 50 } : {}),
      },
    );
  }
  return rows;
}
