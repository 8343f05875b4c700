import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { DEFAULT_SCALE_LEVELS } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import { spawnServer } from '../helpers/process';
import { type BenchRow, connect, connected, pool, procStats, round, sleep, waitUntil } from './lib';

/** Poll burst: N connected participants answer within `spreadMs`; time until the facilitator's tally is final. */
export async function pollBurst(n = 1000, spreadMs = 5000): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-bench-poll-'));
  const srv = await spawnServer(dataDir);
  const created = await (
    await fetch(`${srv.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Poll burst' }),
    })
  ).json();
  const fac = connect(srv.url, { code: created.code, token: created.facilitatorToken });
  await connected(fac);
  const people = await pool(Array.from({ length: n }), 50, async (_, i) => {
    const res = await fetch(`${srv.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: created.code, name: `P${i}` }),
    });
    const j = await res.json();
    const s: Socket = connect(srv.url, { code: created.code, token: j.token });
    await connected(s);
    return s;
  });
  const pollId = newId();
  const ack = (s: Socket, e: string, p: unknown) =>
    s.timeout(30_000).emitWithAck(e, p) as Promise<{ ok: boolean }>;
  await ack(fac, 'activity:create', {
    id: pollId,
    agendaItemId: null,
    anonymous: false,
    spec: { kind: 'scale', question: 'Hoe tevreden?', levels: [...DEFAULT_SCALE_LEVELS] },
  });
  await ack(fac, 'activity:open', { id: pollId });
  await sleep(500);

  let finalAt = 0;
  fac.on('results:updated', (r: { activityId: string; total: number }) => {
    if (r.activityId === pollId && r.total === n && finalAt === 0) finalAt = Date.now();
  });
  const cpu0 = procStats(srv.proc.pid!).cpuSeconds;
  const t0 = Date.now();
  let errors = 0;
  let lastAck = 0;
  await Promise.all(
    people.map(async (s, i) => {
      await sleep((i * spreadMs) / n);
      const r = await ack(s, 'response:submit', {
        id: newId(),
        activityId: pollId,
        value: { level: i % 4 },
        note: i % 3 === 0 ? `Toelichting ${i}: het gesprek gaat van wijk naar straat.` : '',
      }).catch(() => ({ ok: false }));
      if (!r.ok) errors++;
      lastAck = Math.max(lastAck, Date.now() - t0);
    }),
  );
  await waitUntil(() => finalAt > 0, 30_000);
  const cpu = procStats(srv.proc.pid!).cpuSeconds - cpu0;
  for (const s of people) s.disconnect();
  fac.disconnect();
  await srv.kill('SIGTERM');
  const final = finalAt ? finalAt - t0 : Number.NaN;
  return [
    {
      bench: 'poll burst',
      metric: `${n} answers within ${spreadMs / 1000} s: tally final at facilitator after`,
      value: `${round(final / 1000, 2)} s`,
    },
    {
      bench: 'poll burst',
      metric: 'after the last answer was sent (tally lag)',
      value: `${Math.max(0, final - spreadMs)} ms`,
    },
    { bench: 'poll burst', metric: 'last ack after', value: `${round(lastAck / 1000, 2)} s` },
    { bench: 'poll burst', metric: 'errors', value: String(errors), budget: '0', ok: errors === 0 },
    { bench: 'poll burst', metric: 'server CPU during the burst', value: `${round(cpu, 2)} s` },
  ];
}
