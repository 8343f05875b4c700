import type { Logger } from '../log';
import { RateLimiter } from '../security/rateLimit';
import type { RedisClient } from './redis';

/**
 * [ABUSE11] A limit per address that holds across nodes. Each node keeps its own token bucket (so
 * a burst is refused at once, without a round trip) and also counts what the address used in the
 * current window in Redis: once all nodes together have given it `limit` in this window, every
 * node refuses it until the window ends. The shared count is read back with each take, so a node
 * learns of the others' use with its own next request: together the nodes give an address at most
 * `limit` plus one per other node in a window. When Redis is away, each node limits alone.
 */
export class SharedRateLimiter extends RateLimiter {
  private readonly seen = new Map<string, { window: number; count: number }>();

  constructor(
    perSecond: number,
    burst: number,
    now: () => number,
    private readonly redis: RedisClient,
    private readonly key: string,
    private readonly windowMs: number,
    private readonly limit: number,
    private readonly log: Logger,
  ) {
    super(perSecond, burst, now);
  }

  override take(key: string, cost = 1): boolean {
    if (!Number.isFinite(this.perSecond)) return true;
    const window = Math.floor(this.now() / this.windowMs);
    const known = this.seen.get(key);
    if (known && known.window === window && known.count + cost > this.limit) return false;
    if (!super.take(key, cost)) return false;
    if (cost > 0) void this.share(key, window, cost);
    return true;
  }

  override peek(key: string): boolean {
    const window = Math.floor(this.now() / this.windowMs);
    const known = this.seen.get(key);
    if (known && known.window === window && known.count + 1 > this.limit) return false;
    return super.peek(key);
  }

  private async share(key: string, window: number, cost: number): Promise<void> {
    const k = `${this.key}:${key}:${window}`;
    try {
      const [count] = (await this.redis
        .multi()
        .incrBy(k, cost)
        .pExpire(k, this.windowMs * 2)
        .exec()) as [number, unknown];
      if (this.seen.size > 50_000) this.seen.clear();
      this.seen.set(key, { window, count: Number(count) });
    } catch (err) {
      this.log.debug('limit not shared', { err: err instanceof Error ? err.message : String(err) });
    }
  }
}
