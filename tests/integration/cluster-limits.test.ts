import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, type RedisClient } from '../../server/cluster/redis';
import { SharedRateLimiter } from '../../server/cluster/sharedLimits';
import { createLogger } from '../../server/log';
import { testPrefix } from '../helpers/redis';
import { servicesFor } from '../helpers/services';

const log = createLogger('error');
const REDIS = process.env.OOGST_TEST_REDIS ?? 'redis://127.0.0.1:6379';

/**
 * [ABUSE11] A limit per address holds across nodes: three nodes together give one address no more
 * than the limit of one node in a window, give or take one request per other node (a balancer
 * spreading an attacker's requests over the nodes gains nearly nothing), and a new window gives the address its budget back.
 */
const ready = await servicesFor('cluster-limits.test.ts', 'redis');

describe.runIf(ready)('limits per address shared by the nodes', () => {
  let redis: RedisClient;
  const prefix = testPrefix('limits');
  beforeAll(async () => {
    redis = await connectRedis(REDIS, log, { name: 'test', failFast: true });
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(keys);
    await redis.quit();
  });

  it('ten joins a minute for one address, spread over three nodes: at most one more per other node, then refused on every node', async () => {
    let t = 1_000_000;
    const now = () => t;
    // Each node's own bucket would allow 10 a minute: alone, the three would allow 30.
    const nodes = [0, 1, 2].map(
      () => new SharedRateLimiter(10 / 60, 10, now, redis, `${prefix}join`, 60_000, 10, log),
    );
    const settle = () => new Promise((r) => setTimeout(r, 30));
    let given = 0;
    for (let i = 0; i < 30; i++) {
      if (nodes[i % 3]!.take('198.51.100.7')) given++;
      await settle(); // the shared count comes back from Redis
    }
    // Each node learns the others' use with its own next request: at most one more per other node.
    expect(given).toBeGreaterThanOrEqual(10);
    expect(given).toBeLessThanOrEqual(12);
    for (const n of nodes) expect(n.peek('198.51.100.7')).toBe(false);
    // Another address is not touched.
    expect(nodes[0]!.take('198.51.100.8')).toBe(true);
    // A minute later (the next window, buckets refilled): allowed again.
    t += 61_000;
    expect(nodes[1]!.take('198.51.100.7')).toBe(true);
  });
});
