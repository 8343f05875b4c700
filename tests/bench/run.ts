/**
 * `npm run bench [names…]`: runs the benchmarks one after another (never two at once: on two cores
 * the load generator competes with the server), prints the figures and writes docs/BENCHMARKS.md.
 */
import os from 'node:os';
import { boardBench } from './board.bench';
import { clientBench } from './client';
import { CLUSTER_NOTE, clusterBench } from './cluster';
import { exportBench } from './export';
import { EXPORT_LOAD_NOTE, exportLoadBench } from './exportLoad';
import { fanout } from './fanout';
import { joinStorm } from './joinStorm';
import { type BenchRow, machine, table, writeSection } from './lib';
import { pollBurst } from './pollBurst';
import { RESTART_NOTE, restartBench } from './restart';
import { soakBench } from './soak';
import { throttledBench } from './throttled';
import { verslagBench } from './verslag';

const BENCHES: Record<string, () => Promise<BenchRow[]>> = {
  fanout: () => fanout((process.env.BENCH_FANOUT_SIZES ?? '40,200,1000').split(',').map(Number)),
  joinstorm: () => joinStorm(Number(process.env.BENCH_N ?? 1000)),
  pollburst: () => pollBurst(Number(process.env.BENCH_N ?? 1000)),
  verslag: () => verslagBench(),
  client: () => clientBench(),
  board: () => boardBench(),
  export: () => exportBench(),
  cluster: () => clusterBench(Number(process.env.BENCH_CLUSTER_N ?? 600)),
  throttled: () => throttledBench(),
  restart: () => restartBench(),
  exportload: () => exportLoadBench(),
  soak: () => soakBench(),
};

/** Run only when named: the soak takes BENCH_SOAK_MINUTES (30), longer than all the others together. */
const ONLY_WHEN_NAMED = new Set(['soak']);

/** What a section says under its table: what the figures mean, and what changed them. */
const NOTES: Record<string, string> = {
  restart: RESTART_NOTE,
  exportload: EXPORT_LOAD_NOTE,
  cluster: CLUSTER_NOTE,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(BENCHES).filter((n) => !ONLY_WHEN_NAMED.has(n));
const rows: BenchRow[] = [];
for (const name of names) {
  const run = BENCHES[name];
  if (!run) throw new Error(`unknown bench "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
  console.log(`\n▶ ${name}`);
  const r = await run();
  console.log(table(r));
  rows.push(...r);
  writeSection(
    name,
    `### ${name}\n\nRun ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine()}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} at the end.\n\n${table(r)}${NOTES[name] ? `\n\n${NOTES[name]}` : ''}`,
  );
}
const missed = rows.filter((r) => r.ok === false);
console.log(missed.length ? `\n${missed.length} budget(s) missed` : '\nAll budgets met.');
process.exit(0);
