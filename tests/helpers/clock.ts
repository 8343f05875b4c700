import type { Schedule } from '../../server/schedule';

/**
 * A clock that moves only when the test says so: `now` for the app (`startServer({ clock })`), and
 * a `schedule` that runs what a component timed by it (the break-outs' end) once `advance` reaches
 * that moment. For tests where time is the subject: no waiting, and no margin for a slow machine.
 */
export interface ManualClock {
  now(): number;
  schedule: Schedule;
  /**
   * Moves time on by `ms` and runs, in order of their moment, whatever came due on the way; resolves
   * when the work each started (a store write, a broadcast sent) is done.
   */
  advance(ms: number): Promise<void>;
}

export function manualClock(start = Date.now()): ManualClock {
  let t = start;
  let next = 0;
  const due = new Map<number, { at: number; fn: () => unknown }>();
  const firstDue = () => {
    let first: [number, { at: number; fn: () => unknown }] | undefined;
    for (const e of due) if (e[1].at <= t && (!first || e[1].at < first[1].at)) first = e;
    return first;
  };
  return {
    now: () => t,
    schedule: {
      after(ms, fn) {
        next += 1;
        const id = next;
        due.set(id, { at: t + Math.max(0, ms), fn });
        // Due already (armed after its moment passed, e.g. on a restart): runs at once, as a real timer would.
        if (ms <= 0) setImmediate(() => due.delete(id) && fn());
        return id;
      },
      cancel: (handle) => void due.delete(handle as number),
    },
    async advance(ms) {
      t += ms;
      for (let e = firstDue(); e; e = firstDue()) {
        due.delete(e[0]);
        await e[1].fn();
      }
    },
  };
}
