/**
 * Gathers bursts of work per key into one run after `delayMs` (trailing edge). Used for broadcasts
 * whose latest state is all that matters (results, presence): 1,000 answers in a second become a
 * handful of tallies instead of a thousand. Holds timers only, never meeting state.
 *
 * A key never runs twice at once: what is scheduled while it runs, runs after it. With a
 * `costFactor`, the pause before that next run is at least the last run's duration times the
 * factor, so a costly broadcast (a whole break-out's results) takes a bounded share of the
 * store's time however busy the meeting is.
 */
export class Coalescer {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** Keys whose run is under way, with the work scheduled meanwhile (null: none yet). */
  private readonly running = new Map<string, (() => Promise<void> | void) | null>();
  private closed = false;

  constructor(
    private readonly delayMs: number,
    private readonly onError: (err: unknown) => void,
    private readonly costFactor = 0,
  ) {}

  schedule(key: string, run: () => Promise<void> | void): void {
    if (this.pending.has(key)) return;
    if (this.running.has(key)) {
      this.running.set(key, run);
      return;
    }
    this.arm(key, run, this.delayMs);
  }

  private arm(key: string, run: () => Promise<void> | void, delayMs: number): void {
    const timer = setTimeout(() => {
      this.pending.delete(key);
      this.running.set(key, null);
      const started = performance.now();
      void Promise.resolve()
        .then(run)
        .catch(this.onError)
        .finally(() => {
          const next = this.running.get(key);
          this.running.delete(key);
          if (!next || this.closed) return;
          const took = performance.now() - started;
          this.arm(key, next, Math.max(this.delayMs, took * this.costFactor));
        });
    }, delayMs);
    timer.unref?.();
    this.pending.set(key, timer);
  }

  close(): void {
    this.closed = true;
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    this.running.clear();
  }
}
