import type { StateCreator } from 'zustand';
import type { TimerView } from '../../shared/domain/timer';
import type { Snapshot } from '../../shared/domain/types';
import type { AppState } from './index';

export interface TimerSlice {
  /** [TIMER3] Timers by scope (`meeting`, `room:<id>`). */
  timers: Record<string, TimerView>;
  timerSnapshot(s: Snapshot): void;
  timerUpdated(t: TimerView): void;
}

export const createTimerSlice: StateCreator<AppState, [], [], TimerSlice> = (set) => ({
  timers: {},
  timerSnapshot: (s) => set({ timers: Object.fromEntries(s.timers.map((t) => [t.scope, t])) }),
  timerUpdated: (t) =>
    set((s) => {
      // Never let an older state (a late broadcast) overwrite a newer one.
      const prev = s.timers[t.scope];
      if (prev && prev.updatedAt > t.updatedAt) return s;
      return { timers: { ...s.timers, [t.scope]: t } };
    }),
});
