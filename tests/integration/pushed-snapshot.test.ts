import { io as ioClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connection } from '../../client/connection';
import type { Snapshot } from '../../shared/domain/types';
import type { Ack } from '../../shared/protocol/ack';
import { openScalePoll } from '../helpers/fixtures';
import { type CreatedMeeting, ok, startServer, type TestServer, type TestSocket } from '../helpers/server';

let srv: TestServer;
let m: CreatedMeeting;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  srv = await startServer();
  m = await srv.createMeeting('Snapshot zonder vragen');
  const fac = await srv.connect(m.code, m.facilitatorToken);
  await openScalePoll(fac);
  fac.disconnect();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await srv?.close();
});

/** A raw connection that records every `session:snapshot` from its very first packet on. */
function connectRecording(auth: Record<string, unknown>) {
  const socket: TestSocket = ioClient(srv.url, {
    forceNew: true,
    transports: ['websocket'],
    auth,
    reconnection: false,
  });
  sockets.push(socket);
  const snapshots: Ack<Snapshot>[] = [];
  socket.on('session:snapshot', (r: Ack<Snapshot>) => snapshots.push(r));
  const connected = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, snapshots, connected };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  return check();
};

describe('the snapshot pushed on connect', () => {
  it('[PERF3][MEET4] connecting with auth.sync brings what session:sync answers, once, without asking', async () => {
    const joined = await srv.join(m.code, 'Anna');
    const c = connectRecording({ code: m.code, token: joined.token, sync: true });
    await c.connected;
    expect(await until(() => c.snapshots.length > 0)).toBe(true);
    const pushed = c.snapshots[0]!;
    expect(pushed.ok).toBe(true);
    if (!pushed.ok) return;
    expect(pushed.data.role).toBe('participant');
    expect(pushed.data.me?.id).toBe(joined.participant.id);
    const asked = await ok(c.socket, 'session:sync');
    const { serverTime: _a, presence: _p, ...rest } = pushed.data;
    const { serverTime: _b, presence: _q, ...expected } = asked;
    expect(rest).toEqual(expected);
    // Asking again is answered as before, and pushes nothing more.
    await new Promise((r) => setTimeout(r, 200));
    expect(c.snapshots).toHaveLength(1);
  });

  it('[PERF3] without auth.sync nothing is pushed (clients that ask keep working as they did)', async () => {
    const c = connectRecording({ code: m.code, token: m.secretaryToken });
    await c.connected;
    await new Promise((r) => setTimeout(r, 300));
    expect(c.snapshots).toEqual([]);
    const asked = await ok(c.socket, 'session:sync');
    expect(asked.role).toBe('secretary');
  });

  it('[PERF3] the client connection takes the pushed snapshot in its connect hook; a wrong token is still refused', async () => {
    const joined = await srv.join(m.code, 'Bram');
    const got = await new Promise<Ack<Snapshot> | null>((resolve) => {
      const conn = new Connection(
        { code: m.code, token: joined.token, sync: true },
        {
          onStatus: () => {},
          onRefused: () => resolve(null),
          async onConnect(c) {
            resolve(await c.pushedSnapshot(5000));
            conn.close();
          },
        },
        srv.url,
      );
    });
    expect(got?.ok && got.data.me?.name).toBe('Bram');

    const refused = connectRecording({ code: m.code, token: 'not-a-token', sync: true });
    await expect(refused.connected).rejects.toThrow('unauthorized');
    expect(refused.snapshots).toEqual([]);
  });
});
