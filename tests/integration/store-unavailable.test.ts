import type { Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { Connection, type ConnStatus, STORE_RETRY_MS } from '../../client/connection';
import { isStoreUnavailable } from '../../server/storage/unavailable';
import { DEFAULT_SCALE_LEVELS } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import { startPgApp } from '../helpers/pgServer';
import { startProxy } from '../helpers/proxy';
import { eventually } from '../helpers/server';
import { servicesFor } from '../helpers/services';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f();
});

type Ack = { ok: boolean; error?: string; message?: string; data?: unknown };

/**
 * [DEPLOY3] PostgreSQL unreachable (the network to it cut): commands are refused with
 * `unavailable` and one sentence, never acknowledged without being stored; HTTP answers 503; once
 * it is back, the same command (same id) goes through once.
 */
/** A server on a fresh PostgreSQL database reached through a proxy the test can cut. */
async function behindProxy() {
  const proxy = await startProxy(5432);
  cleanup.push(() => proxy.close());
  const srv = await startPgApp({
    via: (url) => {
      const u = new URL(url);
      u.port = new URL(proxy.url).port;
      return u.toString();
    },
  });
  cleanup.push(() => srv.close());
  return { proxy, srv };
}

const ready = await servicesFor('store-unavailable.test.ts', 'postgres');

describe.runIf(ready)('the store unreachable', () => {
  it('[DEPLOY3] refused, not acked, while PostgreSQL is away; the same command goes through once when it is back', async () => {
    const { proxy, srv } = await behindProxy();
    const { url, post } = srv;
    const m = await srv.meeting('Opslag weg');
    const j = await srv.join(m.code, 'Ann');
    const fac = await srv.connect(m.code, m.facilitatorToken);
    const ann = await srv.connect(m.code, j.token);
    const pollId = newId();
    const send = (s: Socket, event: string, payload: unknown) =>
      s.timeout(20_000).emitWithAck(event, payload) as Promise<Ack>;
    expect(
      (
        await send(fac, 'activity:create', {
          id: pollId,
          agendaItemId: null,
          anonymous: false,
          spec: { kind: 'scale', question: 'Hoe tevreden?', levels: [...DEFAULT_SCALE_LEVELS] },
        })
      ).ok,
    ).toBe(true);
    expect((await send(fac, 'activity:open', { id: pollId })).ok).toBe(true);

    proxy.drop();
    const answer = { id: newId(), activityId: pollId, value: { level: 2 }, note: 'Net op tijd' };
    const t0 = Date.now();
    const refused = await send(ann, 'response:submit', answer);
    expect(refused).toMatchObject({ ok: false, error: 'unavailable' });
    expect(refused.message).toMatch(/^[^\n{]+$/);
    expect(Date.now() - t0).toBeLessThan(10_000);
    const http = await post('/api/meetings', { title: 'Nog een' });
    expect(http.status).toBe(503);
    expect(((await http.json()) as Ack).error).toBe('unavailable');

    proxy.restore();
    // The same command again (the app's outbox resends it): stored once.
    expect((await send(ann, 'response:submit', answer)).ok).toBe(true);
    expect((await send(ann, 'response:submit', answer)).ok).toBe(true);
    const results = (await (
      await fetch(`${url}/api/meetings/${m.id}/results`, {
        headers: { authorization: `Bearer ${m.facilitatorToken}` },
      })
    ).json()) as { activities: { results: { total: number; notes: { text: string }[] } }[] };
    expect(results.activities[0]!.results.total).toBe(1);
    expect(results.activities[0]!.results.notes.map((n) => n.text)).toEqual(['Net op tijd']);
  }, 60_000);

  it('[DEPLOY3] the connection lost while a transaction holds it: that transaction fails as unavailable, the process goes on, the next one works once it is back', async () => {
    const { proxy, srv } = await behindProxy();
    const { store } = srv.app.ctx;
    let entered = () => {};
    const inside = new Promise<void>((r) => {
      entered = r;
    });
    let go = () => {};
    const gate = new Promise<void>((r) => {
      go = r;
    });
    const tx = store.transaction(async (t) => {
      await t.meetings.get('nergens');
      entered();
      await gate;
      return t.meetings.get('nergens');
    });
    const failed = tx.then(
      () => null,
      (err: unknown) => err,
    );
    await inside;
    // The connection breaks between two statements: `pg` says so with an 'error' event on the
    // checked-out client, which used to be unheard and end the whole process (a node of a cluster;
    // here vitest fails the run on that unhandled error).
    proxy.drop();
    await new Promise((r) => setTimeout(r, 300));
    go();
    expect(isStoreUnavailable(await failed)).toBe(true);
    proxy.restore();
    expect(await store.transaction((t) => t.meetings.get('nergens'))).toBeUndefined();
  });

  it('[DEPLOY3][RECON5] the app keeps an answer the storage could not take, sends it again by itself, and it is stored once', async () => {
    const { proxy, srv } = await behindProxy();
    const m = await srv.meeting('De app wacht');
    const fac = await srv.connect(m.code, m.facilitatorToken);
    const pollId = newId();
    await fac.timeout(10_000).emitWithAck('activity:create', {
      id: pollId,
      agendaItemId: null,
      anonymous: false,
      spec: { kind: 'scale', question: 'Hoe tevreden?', levels: [...DEFAULT_SCALE_LEVELS] },
    });
    await fac.timeout(10_000).emitWithAck('activity:open', { id: pollId });
    const j = await srv.join(m.code, 'Bert');
    const queued: number[] = [];
    const conn = new Connection(
      { code: m.code, token: j.token },
      { onStatus: (_s, n) => queued.push(n), onConnect: async () => {}, onRefused: () => {} },
      srv.url,
    );
    cleanup.push(async () => conn.close());
    await new Promise<void>((r) => conn.socket.once('connect', () => r()));
    await new Promise((r) => setTimeout(r, 50));

    proxy.drop();
    let settled = false;
    const answer = conn
      .send('response:submit', { id: newId(), activityId: pollId, value: { level: 3 }, note: 'Toch bewaard' })
      .finally(() => {
        settled = true;
      });
    await new Promise((r) => setTimeout(r, STORE_RETRY_MS + 500));
    // Still waiting in the outbox (the UI says one change waits), not refused.
    expect(settled).toBe(false);
    expect(conn.queued).toBe(1);
    proxy.restore();
    expect(await answer).toMatchObject({ ok: true });
    expect(conn.queued).toBe(0);
    const results = (await (
      await fetch(`${srv.url}/api/meetings/${m.id}/results`, {
        headers: { authorization: `Bearer ${m.facilitatorToken}` },
      })
    ).json()) as { activities: { results: { total: number; notes: { text: string }[] } }[] };
    expect(results.activities[0]!.results.notes.map((n) => n.text)).toEqual(['Toch bewaard']);
  }, 60_000);

  it('[DEPLOY3] the app opened while PostgreSQL is away is turned down with `unavailable`, tries again by itself, and gets in once it is back', async () => {
    const { proxy, srv } = await behindProxy();
    const m = await srv.meeting('Later binnen');
    const j = await srv.join(m.code, 'Carla');
    proxy.drop();
    const statuses: ConnStatus[] = [];
    const conn = new Connection(
      { code: m.code, token: j.token },
      { onStatus: (st) => statuses.push(st), onConnect: async () => {}, onRefused: () => {} },
      srv.url,
    );
    cleanup.push(async () => conn.close());
    const turnedDown: string[] = [];
    conn.socket.on('connect_error', (e) => turnedDown.push(e.message));
    // Socket.IO does not try again after the server's refusal; the app does.
    await eventually(() => turnedDown.length >= 2, 10_000);
    expect(new Set(turnedDown)).toEqual(new Set(['unavailable']));
    expect(conn.socket.connected).toBe(false);
    proxy.restore();
    await eventually(() => conn.socket.connected, 10_000);
    expect(statuses).not.toContain('refused');
  }, 60_000);
});
