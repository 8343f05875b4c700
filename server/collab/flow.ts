import type { RateLimiter } from '../security/rateLimit';
import { SendBudget } from '../security/sendBudget';

/** A fixed cost per message on top of its bytes: a flood of tiny messages costs too. */
export const MESSAGE_COST = 64;
/** Messages received but not handled yet, per connection, before the server stops reading from it. */
const MAX_QUEUED = 32;

/** The budgets a verslag connection draws on (RATE_LIMIT_REPORT_*, SEND_BUFFER_MAX_KB). */
export interface FlowLimits {
  /** Bytes per connection (keys: one per connection). */
  conn: RateLimiter;
  /** Bytes per address, for read-only connections (keys: addresses). */
  address: RateLimiter;
  /** Bytes that may wait to be sent to one connection besides one full state. */
  maxBuffered: number;
}

/** What the flow controls of a connection: reading from it, and what waits to be sent to it. */
export interface FlowTarget {
  /** Bytes handed to the connection that have not left this process yet. */
  readonly bufferedAmount: number;
  readonly paused: boolean;
  /** Stops reading from the connection: its sender waits (its TCP window fills). */
  pause(): void;
  resume(): void;
}

let connections = 0;

/**
 * [ABUSE7] Backpressure of one verslag connection, both ways.
 *
 * In: every message received costs its bytes plus `MESSAGE_COST`, and every answer the server has
 * to encode for it costs the answer's size, from a budget per connection and (for read-only
 * connections, the ones anyone with the join code can open) one per address. Over budget, or with
 * too many messages not handled yet, the server stops reading from the connection until it is paid
 * back: the sender's TCP window fills, nothing is dropped, an editor's edits only arrive a little
 * later. An editor typing fast sends small messages and stays far below the budget.
 *
 * Out: what waits to be sent is counted (`out`); the room closes a connection that does not read.
 */
export class ConnFlow {
  private readonly key = `yjs:${++connections}`;
  private queued = 0;
  private timer: NodeJS.Timeout | null = null;
  readonly out: SendBudget;

  /**
   * @param address the address the budget per address is kept for; null for editors (a crowd on
   *   the same office address must not slow the secretary down)
   */
  constructor(
    private readonly target: FlowTarget,
    private readonly address: string | null,
    private readonly limits: FlowLimits,
  ) {
    this.out = new SendBudget(() => target.bufferedAmount, limits.maxBuffered);
  }

  /** A message of `bytes` arrived; it is handled later, in order (`handled`). */
  received(bytes: number): void {
    this.queued++;
    this.charge(bytes + MESSAGE_COST);
  }

  /** A message was handled. */
  handled(): void {
    this.queued--;
    this.settle();
  }

  /** Work done for this connection (an answer encoded for it alone) costs its size too. */
  charge(bytes: number): void {
    this.limits.conn.charge(this.key, bytes);
    if (this.address !== null) this.limits.address.charge(this.address, bytes);
    this.settle();
  }

  /** The connection closed: its budget and timer go. */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.limits.conn.forget(this.key);
  }

  /** Pauses or resumes reading from the connection, as its budget and its queue say. */
  private settle(): void {
    if (this.timer) return;
    const debt = Math.max(
      this.limits.conn.debtMs(this.key),
      this.address === null ? 0 : this.limits.address.debtMs(this.address),
    );
    if (debt === 0 && this.queued < MAX_QUEUED) {
      if (this.target.paused) this.target.resume();
      return;
    }
    if (!this.target.paused) this.target.pause();
    if (debt > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.settle();
      }, debt);
    }
  }
}
