import type { StateCreator } from 'zustand';
import type { ActivityView, MyResponse, Progress, Results, Snapshot } from '../../shared/domain/types';
import type { AppState } from './index';

export interface ActivitySlice {
  activities: Record<string, ActivityView>;
  results: Record<string, Results>;
  progress: Record<string, Progress>;
  mine: Record<string, MyResponse>;
  activitySnapshot(s: Snapshot): void;
  activityUpdated(a: ActivityView): void;
  activityRemoved(id: string): void;
  resultsUpdated(r: Results): void;
  resultsHidden(activityId: string): void;
  progressUpdated(p: Progress): void;
  mineUpdated(activityId: string, r: MyResponse | null): void;
}

const byId = <T, K extends keyof T>(items: T[], key: K) =>
  Object.fromEntries(items.map((x) => [x[key] as string, x])) as Record<string, T>;

const without = <T>(rec: Record<string, T>, id: string) => {
  const { [id]: _gone, ...rest } = rec;
  return rest;
};

export const createActivitySlice: StateCreator<AppState, [], [], ActivitySlice> = (set) => ({
  activities: {},
  results: {},
  progress: {},
  mine: {},
  activitySnapshot: (s) =>
    set({
      activities: byId(s.activities, 'id'),
      results: byId(s.results, 'activityId'),
      progress: byId(s.progress, 'activityId'),
      mine: byId(s.mine, 'activityId'),
    }),
  activityUpdated: (a) => set((s) => ({ activities: { ...s.activities, [a.id]: a } })),
  activityRemoved: (id) =>
    set((s) => ({
      activities: without(s.activities, id),
      results: without(s.results, id),
      progress: without(s.progress, id),
      mine: without(s.mine, id),
    })),
  resultsUpdated: (r) => set((s) => ({ results: { ...s.results, [r.activityId]: r } })),
  resultsHidden: (activityId) => set((s) => ({ results: without(s.results, activityId) })),
  progressUpdated: (p) => set((s) => ({ progress: { ...s.progress, [p.activityId]: p } })),
  mineUpdated: (activityId, r) =>
    set((s) => ({ mine: r ? { ...s.mine, [activityId]: r } : without(s.mine, activityId) })),
});

/** Activities in the order they were made. */
export const sortedActivities = (activities: Record<string, ActivityView>) =>
  Object.values(activities).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
