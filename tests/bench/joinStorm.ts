import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { spawnServer } from '../helpers/process';
import { type BenchRow, connect, connected, pct, round, sleep, waitUntil } from './lib';

/**
 * Join storm: N participants join within `spreadMs` (HTTP join, live connection, full snapshot).
 * Then the server is killed and restarted on the same port and data: time until every client has
 * reconnected and has the full state again.
 */
export async function joinStorm(n = 1000, spreadMs = 10_000): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-bench-join-'));
  let srv = await spawnServer(dataDir);
  const port = srv.port;
  const created = await (
    await fetch(`${srv.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Join storm' }),
    })
  ).json();
  const fac = connect(
    srv.url,
    { code: created.code, token: created.facilitatorToken },
    { reconnection: true },
  );
  await connected(fac);

  const errors: string[] = [];
  const syncedAt: number[] = [];
  const latency: number[] = [];
  const resyncedAt: number[] = [];
  let restartAt = 0;
  const sockets: Socket[] = [];
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      await sleep((i * spreadMs) / n);
      const started = Date.now();
      try {
        const res = await fetch(`${srv.url}/api/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: created.code, name: `Deelnemer ${i + 1}` }),
        });
        if (res.status !== 201) throw new Error(`join ${res.status}`);
        const j = await res.json();
        const s = connect(srv.url, { code: created.code, token: j.token }, { reconnection: true });
        sockets.push(s);
        s.on('connect', async () => {
          try {
            const r = (await s.timeout(30_000).emitWithAck('session:sync', null)) as { ok: boolean };
            if (!r.ok) throw new Error('sync refused');
            if (restartAt === 0) {
              syncedAt.push(Date.now() - t0);
              latency.push(Date.now() - started);
            } else resyncedAt.push(Date.now() - restartAt);
          } catch (e) {
            errors.push(String(e));
          }
        });
        s.on('connect_error', (e) => errors.push(`connect_error ${e.message}`));
      } catch (e) {
        errors.push(String(e));
      }
    }),
  );
  await waitUntil(() => syncedAt.length + errors.length >= n, 60_000);
  const joinErrors = errors.length;
  const allIn = syncedAt.length === n ? Math.max(...syncedAt) : Number.NaN;

  // Crash and restart on the same port and data.
  await srv.kill('SIGKILL');
  const reconnectErrorsBefore = errors.length;
  srv = await spawnServer(dataDir, { PORT: String(port) });
  restartAt = Date.now();
  await waitUntil(() => resyncedAt.length >= syncedAt.length, 60_000);
  const back = resyncedAt.length === syncedAt.length ? Math.max(...resyncedAt) : Number.NaN;
  // connect_errors while the server was down are expected retries, not failures.
  const resyncErrors = errors
    .slice(reconnectErrorsBefore)
    .filter((e) => !e.startsWith('connect_error')).length;

  for (const s of sockets) s.disconnect();
  fac.disconnect();
  await srv.kill('SIGTERM');

  return [
    {
      bench: 'join storm',
      metric: `${n} join within ${spreadMs / 1000} s: all have full state after`,
      value: `${round(allIn / 1000, 2)} s`,
      budget: '≤ 15 s',
      ok: allIn <= 15_000,
    },
    {
      bench: 'join storm',
      metric: 'one join (HTTP join → connected → snapshot) p50 / p95 / max',
      value: `${pct(latency, 50)} / ${pct(latency, 95)} / ${pct(latency, 100)} ms`,
    },
    {
      bench: 'join storm',
      metric: 'errors while joining',
      value: String(joinErrors),
      budget: '0',
      ok: joinErrors === 0,
    },
    {
      bench: 'join storm',
      metric: `restart (kill -9): all ${n} back with full state after`,
      value: `${round(back / 1000, 2)} s`,
      budget: '≤ 15 s',
      ok: back <= 15_000,
    },
    {
      bench: 'join storm',
      metric: 'errors after restart',
      value: String(resyncErrors),
      budget: '0',
      ok: resyncErrors === 0,
    },
  ];
}
