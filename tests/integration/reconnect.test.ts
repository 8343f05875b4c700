import { afterEach, describe, expect, it } from 'vitest';
import { Connection, type ConnStatus } from '../../client/connection';
import { newId } from '../../shared/domain/ids';
import { meetingWithFacilitator } from '../helpers/fixtures';
import { startProxy } from '../helpers/proxy';
import { eventually, ok, startServer, type TestServer } from '../helpers/server';

let srv: TestServer | undefined;
const conns: Connection[] = [];
afterEach(async () => {
  for (const c of conns.splice(0)) c.close();
  await srv?.close();
  srv = undefined;
});

/** The browser's own connection class, in Node, recording what the UI would show. */
function clientConnection(url: string, auth: { code: string; token?: string }) {
  const seen: { status: ConnStatus; queued: number }[] = [];
  let syncs = 0;
  const conn = new Connection(
    auth,
    {
      onStatus: (status, queued) => seen.push({ status, queued }),
      onRefused: () => {},
      async onConnect(c) {
        const r = await c.request('session:sync', undefined);
        if (!r.ok) throw new Error(r.message);
        syncs++;
      },
    },
    url,
  );
  conns.push(conn);
  return { conn, seen, syncs: () => syncs };
}

/** Network dropouts to try: 1 s in `npm test`; RECON_DROPS="1,10,60" for the long mode. */
const DROPS = (process.env.RECON_DROPS ?? '1').split(',').map(Number);

describe('reconnecting', () => {
  for (const seconds of DROPS) {
    it(
      `[RECON4] after a ${seconds} s network dropout a participant gets the full current state and their queued answer lands once`,
      async () => {
        srv = await startServer();
        const proxy = await startProxy(srv.port);
        try {
          const { meeting, facilitator } = await meetingWithFacilitator(srv);
          const pollId = newId();
          await ok(facilitator, 'activity:create', {
            id: pollId,
            agendaItemId: null,
            anonymous: false,
            spec: { kind: 'scale', question: 'Hoe tevreden?', levels: ['laag', 'hoog'] },
          });
          await ok(facilitator, 'activity:open', { id: pollId });
          const j = await srv.join(meeting.code, 'Ann');
          const ann = clientConnection(proxy.url, { code: meeting.code, token: j.token });
          await eventually(() => ann.syncs() === 1 && ann.seen.at(-1)?.status === 'online');
          proxy.drop();
          await eventually(() => ann.seen.at(-1)?.status === 'offline');
          // While Ann is away: the meeting moves on, and Ann answers (queued).
          const answered = ann.conn.send('response:submit', {
            id: newId(),
            activityId: pollId,
            value: { level: 1 },
            note: 'onderweg',
          });
          await ok(facilitator, 'agenda:add', { id: newId(), title: 'Tijdens de storing' });
          await ok(facilitator, 'activity:reveal', { id: pollId });
          await new Promise((r) => setTimeout(r, seconds * 1000));
          expect(ann.seen.at(-1)).toEqual({ status: 'offline', queued: 1 });
          proxy.restore();
          expect((await answered).ok).toBe(true);
          const snap = await ann.conn.request('session:sync', undefined);
          expect(snap.ok && snap.data.agenda.map((a) => a.title)).toEqual(['Tijdens de storing']);
          expect(snap.ok && snap.data.activities[0]?.revealed).toBe(true);
          expect(snap.ok && snap.data.results[0]).toMatchObject({ total: 1, counts: [0, 1] });
        } finally {
          await proxy.close();
        }
      },
      30_000 + seconds * 2000,
    );
  }

  it('[RECON1] commands made while the server is down wait, are counted, and are applied once after it is back', async () => {
    srv = await startServer();
    const { meeting } = await meetingWithFacilitator(srv);
    const { conn, seen, syncs } = clientConnection(srv.url, {
      code: meeting.code,
      token: meeting.facilitatorToken,
    });
    await eventually(() => syncs() === 1 && seen.at(-1)?.status === 'online');
    await srv.app.close(); // the server goes away (no goodbye to clients)
    await eventually(() => seen.at(-1)?.status === 'offline');
    const ids = [newId(), newId(), newId()];
    const acks = ids.map((id, i) => conn.send('agenda:add', { id, title: `Offline punt ${i + 1}` }));
    await eventually(() => seen.at(-1)?.queued === 3);
    expect(seen.at(-1)).toEqual({ status: 'offline', queued: 3 });
    // Same data, same port: a restart.
    await srv.restart();
    const results = await Promise.all(acks);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(syncs()).toBe(2);
    await eventually(() => seen.at(-1)?.queued === 0);
    const check = await srv.connect(meeting.code, meeting.facilitatorToken);
    const snap = await ok(check, 'session:sync');
    expect(snap.agenda.map((a) => a.id)).toEqual(ids);
  }, 30_000);

  it('[RECON2] a command whose ack was lost is resent with the same id and applied once', async () => {
    srv = await startServer();
    const { meeting } = await meetingWithFacilitator(srv);
    // The first agenda:add is stored, but instead of its ack the connection drops: the ack is lost.
    let cut = false;
    let received = 0;
    srv.app.ctx.io.on('connection', (socket) => {
      socket.use((packet, next) => {
        if (packet[0] === 'agenda:add') received++;
        if (!cut && packet[0] === 'agenda:add') {
          cut = true;
          packet[packet.length - 1] = () => socket.conn.close();
        }
        next();
      });
    });
    const { conn } = clientConnection(srv.url, { code: meeting.code, token: meeting.facilitatorToken });
    const id = newId();
    const r = await conn.send('agenda:add', { id, title: 'Eén keer' });
    expect(r.ok).toBe(true);
    expect(cut).toBe(true);
    expect(received).toBe(2);
    const check = await srv.connect(meeting.code, meeting.facilitatorToken);
    expect((await ok(check, 'session:sync')).agenda.map((a) => a.id)).toEqual([id]);
  }, 30_000);

  it('[RECON3] 200 clients come back after a restart spread out (backoff with jitter), all with full state', async () => {
    srv = await startServer();
    const { meeting } = await meetingWithFacilitator(srv);
    const clients = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const j = await srv!.join(meeting.code, `P${i}`);
        return clientConnection(srv!.url, { code: meeting.code, token: j.token });
      }),
    );
    await eventually(() => clients.every((c) => c.syncs() === 1), 20_000);
    await srv.app.close();
    const down = Date.now();
    await srv.restart();
    const arrivals: number[] = [];
    srv.app.ctx.io.on('connection', (s) => {
      if (s.data.role === 'participant') arrivals.push(Date.now() - down);
    });
    await eventually(() => clients.every((c) => c.syncs() === 2), 20_000);
    arrivals.sort((a, b) => a - b);
    const p10 = arrivals[Math.floor(arrivals.length * 0.1)]!;
    const p90 = arrivals[Math.floor(arrivals.length * 0.9)]!;
    expect(arrivals).toHaveLength(200);
    // Not a stampede: the middle 80% of reconnects are spread over more than 400 ms.
    expect(p90 - p10).toBeGreaterThan(400);
  }, 60_000);
});
