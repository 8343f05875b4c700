/** [BOARD9] A client sends the position of a drag in progress at most this often (ms). */
export const DRAG_SEND_MS = 50;
/**
 * [BOARD9] The server relays one connection's drag positions at most this often (ms): less than
 * the client's interval, so a position that arrives a little early is not held back.
 */
export const DRAG_RELAY_MS = 30;
/** [BOARD9] A viewer drops someone else's drag after this long without news of it (ms). */
export const DRAG_STALE_MS = 2500;

/**
 * [BOARD9] A throttle that keeps the latest: at most one `emit` every `intervalMs`; of what is
 * pushed in between, the latest is emitted at the end of the interval, so whoever watches never
 * stays on a stale position. `push(v, true)` (a drag's end) is emitted at once and drops what was
 * held. `cancel()` drops what is held (a connection that went away).
 */
export function latestThrottle<T>(intervalMs: number, now: () => number, emit: (v: T) => void) {
  let last = 0;
  let trailing: ReturnType<typeof setTimeout> | null = null;
  let held: { v: T } | null = null;
  const cancel = () => {
    if (trailing) clearTimeout(trailing);
    trailing = null;
    held = null;
  };
  return {
    push(v: T, end = false): void {
      const t = now();
      if (end || t - last >= intervalMs) {
        cancel();
        last = t;
        emit(v);
        return;
      }
      held = { v };
      trailing ??= setTimeout(
        () => {
          trailing = null;
          if (!held) return;
          last = now();
          emit(held.v);
          held = null;
        },
        intervalMs - (t - last),
      );
    },
    cancel,
  };
}
