import { randomUUID } from 'node:crypto';
import type { Relay } from '../collab/relay';
import type { Logger } from '../log';
import type { ShareLimit } from '../security/rateLimit';
import { LocalPresence, type PresenceRegistry } from './presence';
import type { RedisClient, streamsAdapter } from './redis';

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

/**
 * Several nodes share meetings through Redis. The Redis client and the streams adapter are loaded
 * only here: a single node starts without them (issue 15: start time).
 */
export async function connectCluster(url: string, prefix: string, log: Logger): Promise<Cluster> {
  const { connectRedisCluster } = await import('./connect');
  return connectRedisCluster(url, prefix, log);
}
