import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient, type RedisClientType } from 'redis';
import type { Logger } from '../log';

// biome-ignore lint/complexity/noBannedTypes: node-redis's own type for a client without modules
export type RedisClient = RedisClientType<{}, {}, {}, 3>;

/**
 * A Redis client for one purpose. `failFast` clients refuse commands at once while Redis is away
 * (presence falls back to this node's own view); the adapter's client queues them instead, so live
 * traffic pauses and resumes by itself when Redis restarts.
 */
export async function connectRedis(
  url: string,
  log: Logger,
  { name, failFast = false }: { name: string; failFast?: boolean },
): Promise<RedisClient> {
  const client = createClient({
    url,
    name: `oogst-${name}`,
    disableOfflineQueue: failFast,
    socket: {
      connectTimeout: 5000,
      // Back off up to 2 s between tries, forever: Redis may restart during a meeting.
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000),
    },
  });
  let down = false;
  client.on('error', (err: Error) => {
    if (!down) log.warn('redis unreachable', { client: name, err: err.message });
    down = true;
  });
  client.on('ready', () => {
    if (down) log.info('redis back', { client: name });
    down = false;
  });
  await client.connect();
  return client;
}

/**
 * The official Socket.IO adapter on Redis streams: broadcasts reach sockets on every node, and
 * connection state recovery keeps working across nodes. `prefix` keeps tests and deployments that
 * share one Redis apart.
 */
export function streamsAdapter(client: RedisClient, prefix: string) {
  return createAdapter(client, {
    streamName: `${prefix}socket.io`,
    channelPrefix: `${prefix}socket.io`,
    // A node that was away longer than this cannot replay what it missed; its clients sync anew.
    maxLen: 100_000,
  });
}
