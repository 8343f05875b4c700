import { randomUUID } from 'node:crypto';
import type { Relay } from '../collab/relay';
import type { Logger } from '../log';
import type { ShareLimit } from '../security/rateLimit';
import { LocalPresence, type PresenceRegistry } from './presence';
import { connectRedis, type RedisClient, streamsAdapter } from './redis';
import { RedisPresence } from './redisPresence';
import { RedisRelay } from './redisRelay';
import { SharedRateLimiter } from './sharedLimits';

/**
 * What crosses nodes. One node (no REDIS_URL): everything in this process. Several nodes
 * (REDIS_URL): the Socket.IO adapter on Redis streams, presence in Redis, and the clients the
 * verslag's relay and the shared limits use.
 */
export interface Cluster {
  /** This process's id among the nodes (random per start). */
  readonly nodeId: string;
  readonly presence: PresenceRegistry;
  /** The Socket.IO adapter constructor, when several nodes share the meetings. */
  readonly adapter: ReturnType<typeof streamsAdapter> | null;
  /** Redis clients (a command client; a failing-fast one), when several nodes share the meetings. */
  readonly redis: { main: RedisClient; fast: RedisClient; prefix: string } | null;
  /** [REPORT9] The verslag's relay between nodes (Redis pub/sub); null: this process only. */
  readonly relay: Relay | null;
  /**
   * Whether this node is the one to do a once-only job named `key` (a break-out's end at its
   * moment): with several nodes the first to claim it wins for `ttlMs`; one node always wins.
   */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Limits per address shared by the nodes (rateLimit.ts `ShareLimit`); undefined: this node alone. */
  readonly shareLimit: ShareLimit | undefined;
  /** How often every node looks for scheduled jobs another node may have left (ms); null: one node. */
  readonly sweepMs: number | null;
  close(): Promise<void>;
}

export function localCluster(): Cluster {
  const presence = new LocalPresence();
  return {
    nodeId: randomUUID(),
    presence,
    adapter: null,
    redis: null,
    relay: null,
    claim: async () => true,
    shareLimit: undefined,
    sweepMs: null,
    close: () => presence.close(),
  };
}

export async function connectCluster(url: string, prefix: string, log: Logger): Promise<Cluster> {
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
