/**
 * Gathers bursts of work per key into one run after `delayMs` (trailing edge). Used for broadcasts
 * whose latest state is all that matters (results, presence): 1,000 answers in a second become a
 * handful of tallies instead of a thousand. Holds timers only, never meeting state.
 */
export class Coalescer {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly delayMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  schedule(key: string, run: () => Promise<void> | void): void {
    if (this.pending.has(key)) return;
    const timer = setTimeout(() => {
      this.pending.delete(key);
      void Promise.resolve().then(run).catch(this.onError);
    }, this.delayMs);
    timer.unref?.();
    this.pending.set(key, timer);
  }

  close(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
  }
}
