import { create } from 'zustand';
import type { Snapshot } from '../../shared/domain/types';
import type { Connection } from '../connection';
import { type ActivitySlice, createActivitySlice } from './activitySlice';
import { type BoardSlice, createBoardSlice } from './boardSlice';
import { type ChatSlice, createChatSlice } from './chatSlice';
import { type ConnectionSlice, createConnectionSlice } from './connectionSlice';
import { createMeetingSlice, type MeetingSlice } from './meetingSlice';
import { createTimerSlice, type TimerSlice } from './timerSlice';

export interface AppState
  extends ConnectionSlice,
    MeetingSlice,
    ActivitySlice,
    TimerSlice,
    ChatSlice,
    BoardSlice {
  /** The live connection of the meeting view that is open, if any. */
  connection: Connection | null;
  setConnection(c: Connection | null): void;
  /** Applies a `session:sync` snapshot to every slice. A new area adds its slice's line here. */
  applySnapshot(s: Snapshot): void;
}

/** The one store, built from typed slices. Its actions also work outside React (bindSocket). */
export const useAppStore = create<AppState>()((...a) => ({
  ...createConnectionSlice(...a),
  ...createMeetingSlice(...a),
  ...createActivitySlice(...a),
  ...createTimerSlice(...a),
  ...createChatSlice(...a),
  ...createBoardSlice(...a),
  connection: null,
  setConnection: (connection) => a[0]({ connection }),
  applySnapshot: (snap) => {
    const s = a[1]();
    s.meetingSnapshot(snap);
    s.activitySnapshot(snap);
    s.timerSnapshot(snap);
    s.chatSnapshot(snap);
    s.breakoutSnapshot(snap);
  },
}));

const initialState = useAppStore.getState();

/** Back to an empty store when a meeting view closes (actions are kept). */
export function resetMeetingState(): void {
  useAppStore.setState(initialState, true);
}
