import type { StateCreator } from 'zustand';
import type { Role } from '../../shared/domain/roles';
import type {
  AgendaItem,
  MeetingView,
  ParticipantSelf,
  PresenceView,
  Snapshot,
} from '../../shared/domain/types';
import type { AppState } from './index';

export interface MeetingSlice {
  role: Role | null;
  meeting: MeetingView | null;
  me: ParticipantSelf | null;
  agenda: AgendaItem[];
  presence: PresenceView;
  /** Server clock minus local clock (ms), from the last snapshot: for timers and "ago". */
  clockOffset: number;
  deleted: boolean;
  meetingSnapshot(s: Snapshot): void;
  meetingUpdated(m: MeetingView): void;
  meetingDeleted(): void;
  agendaUpdated(a: AgendaItem[]): void;
  presenceUpdated(p: PresenceView): void;
  meUpdated(me: ParticipantSelf): void;
}

export const createMeetingSlice: StateCreator<AppState, [], [], MeetingSlice> = (set) => ({
  role: null,
  meeting: null,
  me: null,
  agenda: [],
  presence: { online: 0, joined: 0 },
  clockOffset: 0,
  deleted: false,
  meetingSnapshot: (s) =>
    set({
      role: s.role,
      meeting: s.meeting,
      me: s.me,
      agenda: s.agenda,
      presence: s.presence,
      clockOffset: s.serverTime - Date.now(),
    }),
  meetingUpdated: (meeting) => set({ meeting }),
  meetingDeleted: () => set({ deleted: true }),
  agendaUpdated: (agenda) => set({ agenda }),
  presenceUpdated: (presence) =>
    // Staff get names; a counts-only update must not wipe a list they already have.
    set((s) => ({ presence: presence.participants ? presence : { ...s.presence, ...presence } })),
  meUpdated: (me) => set({ me }),
});
