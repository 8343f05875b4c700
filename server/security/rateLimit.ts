/**
 * Token buckets per key (an IP address, a connection). In memory per server process: a limit
 * protects this node; several nodes each apply their own.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; last: number }>();

  /**
   * @param perSecond tokens added per second
   * @param burst the most tokens a bucket holds (and starts with)
   */
  constructor(
    readonly perSecond: number,
    readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `cost` tokens for `key`; false (and nothing taken) when there are not enough. */
  take(key: string, cost = 1): boolean {
    if (!Number.isFinite(this.perSecond)) return true;
    const t = this.now();
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size > 50_000) this.sweep(t);
      b = { tokens: this.burst, last: t };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.last) / 1000) * this.perSecond);
    b.last = t;
    if (b.tokens < cost) return false;
    b.tokens -= cost;
    return true;
  }

  /** Whether `key` has at least one token, without taking it. */
  peek(key: string): boolean {
    if (!Number.isFinite(this.perSecond)) return true;
    const b = this.buckets.get(key);
    if (!b) return true;
    return b.tokens + ((this.now() - b.last) / 1000) * this.perSecond >= 1;
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }

  /** Seconds until `key` may try again (for Retry-After). */
  retryAfter(key: string): number {
    const b = this.buckets.get(key);
    if (!b || this.perSecond <= 0) return 60;
    return Math.max(1, Math.ceil((1 - b.tokens) / this.perSecond));
  }

  /** Forgets buckets that have refilled completely: they behave like new ones. */
  private sweep(t: number): void {
    for (const [k, b] of this.buckets) {
      if (b.tokens + ((t - b.last) / 1000) * this.perSecond >= this.burst) this.buckets.delete(k);
    }
  }
}

/** Limits per minute (or hour) as configured; `Infinity` turns one off. */
export interface RateLimitConfig {
  /** Meetings created per IP per hour. */
  createPerHour: number;
  /** Joins per IP per minute (a whole office behind one NAT address joins at once). */
  joinPerMinute: number;
  /** Unknown join codes per IP per minute: what makes guessing codes infeasible. */
  codeMissPerMinute: number;
  /** New live connections per IP per minute. */
  connectPerMinute: number;
  /** Commands per connection per second (burst: three seconds' worth). */
  commandsPerSecond: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  createPerHour: 30,
  joinPerMinute: 120,
  codeMissPerMinute: 20,
  connectPerMinute: 300,
  commandsPerSecond: 20,
};

export const NO_RATE_LIMITS: RateLimitConfig = {
  createPerHour: Infinity,
  joinPerMinute: Infinity,
  codeMissPerMinute: Infinity,
  connectPerMinute: Infinity,
  commandsPerSecond: Infinity,
};

/** The limiters of one app instance. */
export function createLimiters(c: RateLimitConfig, now: () => number = Date.now) {
  const perMinute = (n: number) => new RateLimiter(n / 60, n, now);
  return {
    create: new RateLimiter(c.createPerHour / 3600, Math.min(c.createPerHour, 10), now),
    join: perMinute(c.joinPerMinute),
    codeMiss: perMinute(c.codeMissPerMinute),
    connect: perMinute(c.connectPerMinute),
    /** Per connection: a fresh limiter state per socket id. */
    commands: new RateLimiter(c.commandsPerSecond, c.commandsPerSecond * 3, now),
  };
}
export type Limiters = ReturnType<typeof createLimiters>;
