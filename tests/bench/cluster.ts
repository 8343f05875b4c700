import { startCluster } from '../helpers/cluster';
import { bare, oogst, oogstOn, type Run } from './fanout';
import { type BenchRow, pct, round } from './lib';

/**
 * [DEPLOY1] The board fan-out of fanout.ts on three nodes behind HAProxy (PostgreSQL, Redis), side
 * by side with one node on SQLite and the bare Socket.IO relay, at the same size in the same run.
 * On this 2-core machine the three nodes, PostgreSQL, Redis, HAProxy and the load generator share
 * two cores: the figures show what crossing nodes costs, not how far several machines scale.
 */
export async function clusterBench(n: number): Promise<BenchRow[]> {
  const base = await bare(n);
  const one = await oogst(n);
  const c = await startCluster({ nodes: 3 });
  let three: Run;
  try {
    three = await oogstOn({ url: c.url, pids: c.nodes.map((node) => node.proc!.proc.pid!) }, n);
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
      metric: 'node memory per participant, 3 nodes together / 1 node',
      value: `${round(three.memPerClient / 1024)} KB / ${round(one.memPerClient / 1024)} KB`,
    },
  ];
}
