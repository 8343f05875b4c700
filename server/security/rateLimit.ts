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
    protected readonly now: () => number = Date.now,
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

  /**
   * Takes `cost` tokens for `key` even when there are not enough: the bucket goes into debt (at
   * most one burst deep) and `take` refuses until it is paid back. For costs known only after the
   * work is done (the size of an answer).
   */
  charge(key: string, cost: number): void {
    if (!Number.isFinite(this.perSecond) || cost <= 0) return;
    this.take(key, 0);
    const b = this.buckets.get(key)!;
    b.tokens = Math.max(-this.burst, b.tokens - cost);
  }

  /** Milliseconds until `key` is out of debt (0 when it is not in debt). */
  debtMs(key: string): number {
    if (!Number.isFinite(this.perSecond)) return 0;
    const b = this.buckets.get(key);
    if (!b || this.perSecond <= 0) return 0;
    const tokens = b.tokens + ((this.now() - b.last) / 1000) * this.perSecond;
    return tokens >= 0 ? 0 : Math.ceil((-tokens / this.perSecond) * 1000);
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
  /**
   * [ABUSE8] KB of command answers per connection per second (bursts of two seconds' worth); a large
   * answer over budget waits its turn instead of being sent at once.
   */
  answerKbPerSecond: number;
  /** [ABUSE7] Verslag bytes per connection per second (received, plus answers encoded for it). */
  reportKbPerSecond: number;
  /** [ABUSE7] The same for all read-only verslag connections of one address together. */
  reportAddressKbPerSecond: number;
  /** [ABUSE9] Open TCP connections per address (direct connections; not behind TRUST_PROXY). */
  connectionsPerAddress: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  createPerHour: 30,
  joinPerMinute: 120,
  codeMissPerMinute: 20,
  connectPerMinute: 300,
  commandsPerSecond: 20,
  answerKbPerSecond: 512,
  reportKbPerSecond: 256,
  reportAddressKbPerSecond: 1024,
  connectionsPerAddress: 256,
};

export const NO_RATE_LIMITS: RateLimitConfig = {
  createPerHour: Infinity,
  joinPerMinute: Infinity,
  codeMissPerMinute: Infinity,
  connectPerMinute: Infinity,
  commandsPerSecond: Infinity,
  answerKbPerSecond: Infinity,
  reportKbPerSecond: Infinity,
  reportAddressKbPerSecond: Infinity,
  connectionsPerAddress: Infinity,
};

/** The limiters of one app instance. */
/**
 * A limit per address that several nodes share (cluster/sharedLimits.ts): `name` keys it, and all
 * nodes together give one address at most `limit` in each `windowMs`. Left out: this node alone.
 */
export type ShareLimit = (
  name: string,
  perSecond: number,
  burst: number,
  windowMs: number,
  limit: number,
) => RateLimiter;

export function createLimiters(c: RateLimitConfig, now: () => number = Date.now, share?: ShareLimit) {
  const perAddress = (name: string, perSecond: number, burst: number, windowMs: number, limit: number) =>
    share && Number.isFinite(perSecond)
      ? share(name, perSecond, burst, windowMs, limit)
      : new RateLimiter(perSecond, burst, now);
  const perMinute = (name: string, n: number) => perAddress(name, n / 60, n, 60_000, n);
  return {
    create: perAddress(
      'create',
      c.createPerHour / 3600,
      Math.min(c.createPerHour, 10),
      3600_000,
      c.createPerHour,
    ),
    join: perMinute('join', c.joinPerMinute),
    codeMiss: perMinute('code-miss', c.codeMissPerMinute),
    connect: perMinute('connect', c.connectPerMinute),
    /** Per connection: a fresh limiter state per socket id. */
    commands: new RateLimiter(c.commandsPerSecond, c.commandsPerSecond * 3, now),
    /** [ABUSE8] Bytes of command answers per connection. */
    answers: new RateLimiter(c.answerKbPerSecond * 1024, c.answerKbPerSecond * 1024 * 2, now),
    /** [ABUSE7] Verslag bytes, per connection and per address. */
    reportConn: perSecondBytes(c.reportKbPerSecond, now),
    reportAddress: perSecondBytes(c.reportAddressKbPerSecond, now),
  };
}
export type Limiters = ReturnType<typeof createLimiters>;

/** Bytes a second, with bursts of four seconds' worth. */
const perSecondBytes = (kb: number, now: () => number) => new RateLimiter(kb * 1024, kb * 1024 * 4, now);
