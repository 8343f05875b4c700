import type { ActivitySpec } from '../protocol/schemas/activity';
import type { Results } from './activities';
import type { BreakoutView, Placement } from './board/types';
import type { ChatSnapshot } from './chat';
import type { OrgType, Role } from './roles';
import type { TimerView } from './timer';

/** What everyone in a meeting may know about it. */
export interface MeetingView {
  id: string;
  code: string;
  title: string;
  /** ISO date `YYYY-MM-DD`, or null when not set. */
  date: string | null;
  /** The agenda item the meeting is at (facilitator moves it), or null before it starts. */
  currentItemId: string | null;
}

/** A participant as they see themselves. */
export interface ParticipantSelf {
  id: string;
  name: string;
  orgType: OrgType | null;
}

export interface PresenceEntry extends ParticipantSelf {
  online: boolean;
}

/** Who is here. Names only go to facilitator and secretary; everyone else gets counts. */
export interface PresenceView {
  online: number;
  joined: number;
  participants?: PresenceEntry[];
}

export interface AgendaItem {
  id: string;
  title: string;
  body: string;
}

export type ActivityStatus = 'draft' | 'open' | 'closed';

/** An activity (werkvorm) as everyone sees it: its definition and where it stands. */
export interface ActivityView<S extends ActivitySpec = ActivitySpec> {
  id: string;
  agendaItemId: string | null;
  anonymous: boolean;
  status: ActivityStatus;
  /** Results are visible to participants and observers only once revealed. */
  revealed: boolean;
  spec: S;
  createdAt: number;
}

/** "n of m answered", live for facilitator and secretary. */
export interface Progress {
  activityId: string;
  answered: number;
  /** Participants online now or who answered: the m in "n van m". */
  total: number;
}

/** A participant's own stored answer, echoed to all of their tabs. */
export interface MyResponse {
  id: string;
  activityId: string;
  value: unknown;
  note: string;
  updatedAt: number;
}

/** A stored answer as the tally sees it. */
export interface ResponseRecord<V = unknown> {
  id: string;
  participantId: string;
  value: V;
  note: string;
  updatedAt: number;
}

/** The full state one connection needs, filtered for its role. */
export interface Snapshot {
  serverTime: number;
  role: Role;
  meeting: MeetingView;
  me: ParticipantSelf | null;
  agenda: AgendaItem[];
  activities: ActivityView[];
  results: Results[];
  progress: Progress[];
  mine: MyResponse[];
  presence: PresenceView;
  /** [TIMER3] Every timer this connection may see (the meeting's, and its break-out room's). */
  timers: TimerView[];
  /** [CHAT1] The chat, or null for roles that do not see it (observers). */
  chat: ChatSnapshot | null;
  /** Break-out activities (rooms and board settings), filtered for the role (BOARD5). */
  breakouts: BreakoutView[];
  /** Participants: the room they are in, per break-out. */
  placements: Placement[];
}

export type { Results };
