/**
 * How a component runs something later. Real timers by default; a test passes a manual clock's
 * (tests/helpers/clock.ts) so that moving its `now` also runs what came due.
 */
export interface Schedule {
  /**
   * Runs `fn` after `ms` (never keeps the process alive on its own); returns a handle for `cancel`.
   * What `fn` returns (the work it started) is for a manual clock to await; real timers ignore it.
   */
  after(ms: number, fn: () => unknown): unknown;
  cancel(handle: unknown): void;
}

export const realSchedule: Schedule = {
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
