import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latestThrottle } from '../../shared/domain/board/drag';

// The clock is vitest's: `Date.now` and the timers advance together, only when told to.
describe('[BOARD9] the drag throttle (client send and server relay)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('[BOARD9] emits at most once an interval, and the latest position at its end', () => {
    const sent: number[] = [];
    const drag = latestThrottle<number>(50, Date.now, (x) => sent.push(x));
    drag.push(1);
    drag.push(2);
    drag.push(3);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(49);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([1, 3]);
    vi.advanceTimersByTime(200);
    expect(sent).toEqual([1, 3]);
  });

  it('[BOARD9] the end of a drag goes at once and drops the position held back', () => {
    const sent: string[] = [];
    const drag = latestThrottle<string>(50, Date.now, (x) => sent.push(x));
    drag.push('a');
    drag.push('b');
    drag.push('end', true);
    vi.advanceTimersByTime(200);
    expect(sent).toEqual(['a', 'end']);
  });

  it('[BOARD9] cancel drops what is held (a connection that went away)', () => {
    const sent: number[] = [];
    const drag = latestThrottle<number>(30, Date.now, (x) => sent.push(x));
    drag.push(1);
    drag.push(2);
    drag.cancel();
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([1]);
  });
});
