/**
 * [ABUSE8] What one live connection has waiting to be sent, against a limit. A client that does not
 * read (an attacker, or a network that died without closing) makes the server's send queue for it
 * grow; past the limit the connection is closed instead.
 *
 * One large answer at a time (a whole board, a snapshot, the verslag's full state) may pass the
 * limit on its own, so a slow but honest reader still gets it; only what waits besides it counts.
 *
 * Positions are cumulative byte counts: `queued` is everything handed to the connection so far,
 * `pending()` what of it has not reached the kernel yet, so `queued - pending()` has been sent.
 */
export class SendBudget {
  private queued = 0;
  private bigStart = 0;
  private bigEnd = 0;

  /**
   * @param pending bytes handed to the connection that have not left this process yet
   * @param limit bytes that may wait besides the large answer being sent
   */
  constructor(
    private readonly pending: () => number,
    readonly limit: number,
  ) {}

  /** Bytes handed to the connection so far (a command's answer size is the difference). */
  get total(): number {
    return this.queued;
  }

  /** Counts `bytes` just handed to the connection; `big`: a whole answer that may pass the limit alone. */
  add(bytes: number, big = false): void {
    if (big) {
      this.bigStart = this.queued;
      this.bigEnd = this.queued + bytes;
    }
    this.queued += bytes;
  }

  /** Bytes of the last large answer that have not been sent yet. */
  bigLeft(): number {
    const sent = Math.max(0, this.queued - this.pending());
    return Math.min(this.bigEnd - this.bigStart, Math.max(0, this.bigEnd - sent));
  }

  /** More than `limit` bytes wait besides the large answer: the connection should be closed. */
  over(): boolean {
    return this.pending() - this.bigLeft() > this.limit;
  }
}
