import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCluster } from '../helpers/cluster';
import { spawnServer } from '../helpers/process';
import { bare, oogst, oogstOn, type Run } from './fanout';
import { type BenchRow, connect, pct, round, sleep } from './lib';

/**
 * [DEPLOY1] The board fan-out of fanout.ts on three nodes behind HAProxy (PostgreSQL, Redis), side
 * by side with one node on SQLite and the bare Socket.IO relay, at the same size in the same run.
 * On this 2-core machine the three nodes, PostgreSQL, Redis, HAProxy and the load generator share
 * two cores: the figures show what crossing nodes costs, not how far several machines scale.
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

export async function clusterBench(n: number): Promise<BenchRow[]> {
  const base = await bare(n);
  const one = await oogst(n);
  const single = await spawnServer(fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-bench-join1-')));
  const joinOne = await joinWave(single.url, n, 5000).finally(() => single.kill('SIGTERM'));
  const c = await startCluster({ nodes: 3 });
  let three: Run;
  let joinThree: { latency: number[]; allIn: number };
  try {
    three = await oogstOn({ url: c.url, pids: c.nodes.map((node) => node.proc!.proc.pid!) }, n);
    joinThree = await joinWave(c.url, n, 5000);
  } finally {
    await c.close();
  }
  const p = (r: Run) => `${pct(r.latencies, 50)} / ${pct(r.latencies, 95)} / ${pct(r.latencies, 99)} ms`;
  const lost = three.expected - three.received;
  const bench = `cluster ${n}`;
  return [
    { bench, metric: '3 nodes behind HAProxy: p50 / p95 / p99', value: p(three) },
    { bench, metric: '1 node on SQLite: p50 / p95 / p99', value: p(one) },
    { bench, metric: 'bare Socket.IO: p50 / p95 / p99', value: p(base) },
    {
      bench,
      metric: 'p99 3 nodes / 1 node',
      value: `${round(pct(three.latencies, 99) / Math.max(1, pct(one.latencies, 99)), 2)}×`,
    },
    {
      bench,
      metric: 'messages lost (3 nodes)',
      value: `${lost} of ${three.expected}`,
      budget: '0',
      ok: lost === 0,
    },
    {
      bench,
      metric: 'node CPU, 3 nodes together / 1 node',
      value: `${round(three.cpuPercent)} % / ${round(one.cpuPercent)} %`,
    },
    {
      bench,
      metric: `join storm (${n} in 5 s): all in, 3 nodes / 1 node`,
      value: `${joinThree.allIn} ms / ${joinOne.allIn} ms`,
    },
    {
      bench,
      metric: 'join → snapshot p50 / p99, 3 nodes / 1 node',
      value: `${pct(joinThree.latency, 50)} / ${pct(joinThree.latency, 99)} ms / ${pct(joinOne.latency, 50)} / ${pct(joinOne.latency, 99)} ms`,
    },
    {
      bench,
      metric: 'node memory per participant, 3 nodes together / 1 node',
      value: `${round(three.memPerClient / 1024)} KB / ${round(one.memPerClient / 1024)} KB`,
    },
  ];
}
