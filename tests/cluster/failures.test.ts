import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connection } from '../../client/connection';
import { newId } from '../../shared/domain/ids';
import { ERROR_SENTENCES } from '../../shared/protocol/ack';
import { startCluster, type TestCluster } from '../helpers/cluster';
import { eventually } from '../helpers/server';
import { servicesFor } from '../helpers/services';
import { ack, connect, join, next, pause, send, within } from './client';
import { checkLoad, serverFaults, startLoad, summary } from './load';

/**
 * [DEPLOY2][DEPLOY3] Three real nodes behind HAProxy (deploy/haproxy.cfg), on one PostgreSQL
 * database (reached through a TCP proxy the test can cut) and a Redis of their own. Under real
 * load (tests/cluster/load.ts) a node is killed, every node is restarted in turn, Redis restarts
 * and PostgreSQL is away for 5 s: nothing acknowledged is lost or doubled, and everything resumes
 * by itself. OOGST_CLUSTER_SOAK=1 keeps the load running longer after each event.
 */
const SOAK = process.env.OOGST_CLUSTER_SOAK === '1';

const ready = await servicesFor('failures.test.ts', 'postgres', 'redis-server', 'haproxy');

describe.runIf(ready)('nodes, Redis and PostgreSQL going away under load', () => {
  let c: TestCluster;
  beforeAll(async () => {
    c = await startCluster({ nodes: 3, pgProxy: true });
  }, 90_000);
  afterAll(async () => {
    await c?.close();
  });
  const nodeUrl = (i: number) => `http://127.0.0.1:${c.nodes[i]!.port}`;
  /** Every node running again and in the balancer (after a test that failed half-way too). */
  const allUp = async () => {
    for (let i = 0; i < c.nodes.length; i++) if (!c.nodes[i]!.proc) await c.startNode(i);
    await c.settled();
  };

  it('[DEPLOY2] a node killed mid-meeting: 150 people writing reconnect through the balancer within 10 s; every acknowledged answer is there once; the verslag is the same everywhere and in the export', async () => {
    const load = await startLoad(c, 'Een node valt weg', 150);
    try {
      await pause(1500);
      const killedAt = Date.now();
      await c.kill(1);
      // Everyone is connected again (to the two nodes left) within 10 s.
      await eventually(() => load.people.every((p) => p.socket.connected) && load.dropped() > 0, 10_000);
      const back = Date.now() - killedAt;
      expect(back).toBeLessThan(10_000);
      await pause(SOAK ? 10_000 : 1500);
      await load.stop();
      expect(serverFaults(load)).toEqual([]);
      await checkLoad(c, load);
      console.log(
        `[DEPLOY2] kill: every client back on the other nodes ${back} ms after the kill; ${summary(load)}`,
      );
    } finally {
      load.close();
      await allUp();
    }
  }, 90_000);

  it('[DEPLOY2] a rolling restart under the same load (each node stopped with SIGTERM and started again, one after the other): nothing acknowledged lost or doubled, the verslag once everywhere', async () => {
    const load = await startLoad(c, 'Rollend herstarten', 150);
    const t0 = Date.now();
    try {
      await pause(1000);
      for (let i = 0; i < c.nodes.length; i++) {
        await c.stopNode(i);
        // The node boots while the balancer notices it is gone; then it is taken in again.
        const booting = c.startNode(i);
        await c.settled();
        await booting;
        await c.settled();
      }
      const restarted = Date.now() - t0;
      await eventually(() => load.people.every((p) => p.socket.connected), 10_000);
      await pause(SOAK ? 10_000 : 1000);
      await load.stop();
      // Every node held people when it stopped: they all came back by themselves.
      expect(load.dropped()).toBeGreaterThanOrEqual(load.people.length);
      expect(serverFaults(load)).toEqual([]);
      await checkLoad(c, load);
      console.log(
        `[DEPLOY2] rolling restart of ${c.nodes.length} nodes in ${restarted} ms; ${summary(load)}`,
      );
    } finally {
      load.close();
      await allUp();
    }
  }, 90_000);

  it('[DEPLOY3] Redis restarted (empty) while 60 people write: answers are still acked on their own node, nothing acked is lost or doubled, live traffic between nodes resumes by itself', async () => {
    const load = await startLoad(c, 'Redis start opnieuw', 60);
    const m = load.meeting;
    // Two people on known nodes, to see live traffic cross between nodes after the restart.
    const watcher = await connect(nodeUrl(0), m.code, m.facilitatorToken);
    const ann = await connect(nodeUrl(1), m.code, (await join(nodeUrl(1), m.code, 'Ann')).token);
    try {
      await pause(1000);
      const stoppedAt = Date.now();
      await c.redis.stop();
      await pause(2000);
      const startedAt = Date.now();
      await c.redis.start();
      // While Redis was away, answers went on being stored and acked by the node that had them,
      // to the end of it.
      const away = load.replies.filter((r) => r.ok && r.sentAt > stoppedAt && r.at < startedAt);
      expect(away.filter((r) => r.at > stoppedAt + 1000).length).toBeGreaterThan(0);
      // Back: a chat message on node 2 reaches the facilitator on node 1 without anyone doing anything.
      const heard = await eventually(async () => {
        const text = `Na de herstart ${newId()}`;
        const got = next<{ text: string }>(watcher, 'chat:message', (x) => x.text === text, 1000);
        await ack(ann, 'chat:send', { id: newId(), channel: 'meeting', text });
        return got.then(
          () => true,
          () => false,
        );
      }, 15_000).then(() => Date.now() - startedAt);
      await pause(SOAK ? 10_000 : 500);
      await load.stop();
      expect(serverFaults(load)).toEqual([]);
      await checkLoad(c, load);
      console.log(
        `[DEPLOY3] redis: ${away.length} answers acked while it was away; live traffic across nodes ${heard} ms after it started again; ${summary(load)}`,
      );
    } finally {
      for (const s of [watcher, ann]) s.disconnect();
      load.close();
    }
  }, 60_000);

  it('[DEPLOY3] PostgreSQL away for 5 s while 60 people write: refused with `unavailable`, never acked; sent again with the same id, everything resumes by itself; every acked answer stored once', async () => {
    const pg = c.pg!;
    const load = await startLoad(c, 'Opslag even weg', 60);
    const m = load.meeting;
    // Someone whose app opens the meeting while the store is away (a phone waking up).
    const late = await join(c.url, m.code, 'Laat');
    let conn: Connection | null = null;
    try {
      await pause(1000);
      await pg.drop();
      const cutAt = Date.now();
      conn = new Connection(
        { code: m.code, token: late.token },
        { onStatus: () => {}, onConnect: async () => {}, onRefused: () => {} },
        c.url,
      );
      const turnedDown: string[] = [];
      conn.socket.on('connect_error', (e) => turnedDown.push(e.message));
      let lateAt = 0;
      const lateAnswer = conn
        .send('response:submit', {
          id: newId(),
          activityId: load.pollId,
          value: { level: 1 },
          note: 'Laat binnen',
        })
        .finally(() => {
          lateAt = Date.now();
        });
      // Reads need the store too: a fresh session:sync is refused the same way, within seconds.
      const read = await send(load.fac, 'session:sync', undefined, 8000);
      expect(read).toMatchObject({ ok: false, error: 'unavailable', message: ERROR_SENTENCES.unavailable });
      const http = await fetch(`${c.url}/api/meetings/${m.id}/results`, {
        headers: { authorization: `Bearer ${m.facilitatorToken}` },
      });
      expect(http.status).toBe(503);
      await pause(cutAt + 5000 - Date.now());
      const backAt = Date.now();
      await pg.restore();
      await pause(SOAK ? 10_000 : 1500);
      await load.stop();
      // The app that could not get in while it was away gets in by itself, and its answer is stored.
      expect(await within(lateAnswer, 10_000, 'the late answer')).toMatchObject({ ok: true });
      expect(lateAt).toBeGreaterThan(backAt);
      expect(new Set(turnedDown)).toEqual(new Set(['unavailable']));

      // Nothing sent while it was away was acked before it returned: refused, with one sentence.
      const during = load.replies.filter((r) => r.sentAt >= cutAt && r.at < backAt);
      expect(during.filter((r) => r.ok)).toEqual([]);
      expect(during.length).toBeGreaterThan(load.people.length);
      expect(new Set(during.map((r) => `${r.error}: ${r.message}`))).toEqual(
        new Set([`unavailable: ${ERROR_SENTENCES.unavailable}`]),
      );
      // Afterwards every person's answers were acked again, by themselves.
      const after = load.replies.filter((r) => r.ok && r.at >= backAt);
      expect(new Set(after.map((r) => r.who)).size).toBe(load.people.length);
      expect(serverFaults(load)).toEqual([]);
      await checkLoad(c, load, ['Laat binnen']);
      expect((await send(load.fac, 'session:sync', undefined)).ok).toBe(true);
      const resumed = Math.min(...after.map((r) => r.at)) - backAt;
      console.log(
        `[DEPLOY3] postgres: ${during.length} commands refused while away; the first ack ${resumed} ms after it returned; the app turned away ${turnedDown.length}× got in and stored its answer ${lateAt - backAt} ms after; ${summary(load)}`,
      );
    } finally {
      await pg.restore();
      conn?.close();
      load.close();
    }
  }, 60_000);
});
