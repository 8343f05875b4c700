import { randomUUID } from 'node:crypto';
import type { Logger } from '../log';
import type { Cluster } from '.';
import { connectRedis, streamsAdapter } from './redis';
import { RedisPresence } from './redisPresence';
import { RedisRelay } from './redisRelay';
import { SharedRateLimiter } from './sharedLimits';

/**
 * Several nodes (REDIS_URL): the Socket.IO adapter on Redis streams, presence in Redis, the
 * verslag's relay and the shared limits. Loaded only then (`connectCluster` in ./index.ts): one
 * node never loads the Redis client.
 */
export async function connectRedisCluster(url: string, prefix: string, log: Logger): Promise<Cluster> {
  const nodeId = randomUUID();
  const main = await connectRedis(url, log, { name: 'main' });
  const fast = await connectRedis(url, log, { name: 'presence', failFast: true });
  const presence = new RedisPresence(fast, prefix, nodeId, log);
  // Pub/sub needs a connection of its own.
  const sub = await connectRedis(url, log, { name: 'relay' });
  const relay = new RedisRelay(main, sub, prefix, log);
  log.info('several nodes: sharing through redis', { nodeId, prefix });
  return {
    nodeId,
    presence,
    adapter: streamsAdapter(main, prefix),
    redis: { main, fast, prefix },
    relay,
    async claim(key, ttlMs) {
      try {
        const r = await fast.set(`${prefix}claim:${key}`, nodeId, {
          condition: 'NX',
          expiration: { type: 'PX', value: ttlMs },
        });
        return r === 'OK';
      } catch {
        // Redis is away: better done twice (the job checks the store first) than never.
        return true;
      }
    },
    shareLimit: (name, perSecond, burst, windowMs, limit) =>
      new SharedRateLimiter(perSecond, burst, Date.now, fast, `${prefix}limit:${name}`, windowMs, limit, log),
    sweepMs: 5000,
    async close() {
      await presence.close();
      await Promise.allSettled([main.quit(), fast.quit(), sub.quit()]);
    },
  };
}
