import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, type RedisClient } from '../../server/cluster/redis';
import { RedisPresence } from '../../server/cluster/redisPresence';
import { createLogger } from '../../server/log';
import { type PrivateRedis, privateRedis } from '../helpers/redis';
import { servicesFor } from '../helpers/services';

const log = createLogger('error');

/**
 * [MEET5][POLL8] Presence across nodes goes through Redis, never through fetchSockets(): each node
 * counts its own connections, every node sees the union of live nodes, a node that dies drops
 * out, and a Redis that restarts empty is filled again by the nodes.
 */
const ready = await servicesFor('cluster-presence.test.ts', 'redis-server');

describe.runIf(ready)('presence shared between nodes through Redis', () => {
  let redis: PrivateRedis;
  const clients: RedisClient[] = [];
  const open = async () => {
    const c = await connectRedis(redis.url, log, { name: 'test', failFast: true });
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    redis = await privateRedis();
  });
  afterAll(async () => {
    await Promise.allSettled(clients.map((c) => c.quit()));
    await redis.stop();
  });

  it('a participant on node A counts as online at node B; the last tab closing takes them off', async () => {
    const a = new RedisPresence(await open(), 'p1:', 'node-a', log);
    const b = new RedisPresence(await open(), 'p1:', 'node-b', log);
    await a.connected('m1', 'ann');
    await a.connected('m1', 'ann'); // a second tab
    await b.connected('m1', 'bert');
    expect([...(await b.online('m1'))].sort()).toEqual(['ann', 'bert']);
    expect([...(await a.online('m1'))].sort()).toEqual(['ann', 'bert']);
    expect([...(await a.online('m2'))]).toEqual([]);
    await a.disconnected('m1', 'ann');
    expect([...(await b.online('m1'))].sort()).toEqual(['ann', 'bert']);
    await a.disconnected('m1', 'ann');
    expect([...(await b.online('m1'))]).toEqual(['bert']);
    await a.close();
    await b.close();
  });

  it('a node that stops without saying goodbye (SIGKILL) drops out once its heartbeat is gone', async () => {
    const a = new RedisPresence(await open(), 'p2:', 'node-a', log);
    const b = new RedisPresence(await open(), 'p2:', 'node-b', log);
    await a.connected('m1', 'ann');
    expect([...(await b.online('m1'))]).toEqual(['ann']);
    // What a killed node leaves: its fields, and a heartbeat key that expires. Expire it now.
    const raw = clients[clients.length - 1]!;
    await raw.del('p2:node:node-a');
    expect([...(await b.online('m1'))]).toEqual([]);
    // The dead node's fields are cleaned up by the reader.
    await expect.poll(() => raw.hLen('p2:presence:m1')).toBe(0);
    await b.close();
  });

  it('Redis restarts empty: the nodes write their counts again; while it is away each node answers with its own', async () => {
    const a = new RedisPresence(await open(), 'p3:', 'node-a', log);
    const b = new RedisPresence(await open(), 'p3:', 'node-b', log);
    await a.connected('m1', 'ann');
    await b.connected('m1', 'bert');
    expect([...(await b.online('m1'))].sort()).toEqual(['ann', 'bert']);
    await redis.stop();
    // Away: no hanging, this node's own connections.
    expect([...(await b.online('m1'))]).toEqual(['bert']);
    await redis.start();
    await expect
      .poll(async () => [...(await b.online('m1'))].sort(), { timeout: 10_000 })
      .toEqual(['ann', 'bert']);
    await a.close();
    await b.close();
  });
});
