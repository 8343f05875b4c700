import type { ChatMessageView } from '../domain/chat';
import type { TimerView } from '../domain/timer';
import type {
  ActivityView,
  AgendaItem,
  MeetingView,
  MyResponse,
  ParticipantSelf,
  PresenceView,
  Progress,
  Results,
  Snapshot,
} from '../domain/types';
import type { Ack } from './ack';
import type { BoardServerEvents } from './boardEvents';

/** Client → server commands: derived from the command table (`./commands.ts`). */
export type { ClientEventName, ClientToServerEvents } from './commands';

/** Server → client broadcasts (`entity:verbed`), each already filtered for the receiving role. */
export interface ServerToClientEvents extends BoardServerEvents {
  /** [PERF3] The answer `session:sync` would give, sent right after connecting with `auth.sync`. */
  'session:snapshot': (r: Ack<Snapshot>) => void;
  'meeting:updated': (meeting: MeetingView) => void;
  'meeting:deleted': (info: { id: string }) => void;
  'agenda:updated': (agenda: AgendaItem[]) => void;
  'activity:updated': (activity: ActivityView) => void;
  'activity:removed': (info: { id: string }) => void;
  'activity:progress': (progress: Progress) => void;
  'results:updated': (results: Results) => void;
  /** Results became hidden again: participants drop what they had. */
  'results:hidden': (info: { activityId: string }) => void;
  /** This participant's own answer changed (from another tab, too). */
  'response:mine': (info: { activityId: string; response: MyResponse | null }) => void;
  'presence:updated': (presence: PresenceView) => void;
  'participant:updated': (me: ParticipantSelf) => void;
  /** [TIMER3] A timer changed; to everyone in its scope. */
  'timer:updated': (timer: TimerView) => void;
  /** [CHAT1] A new message in a channel the receiver can read. */
  'chat:message': (message: ChatMessageView) => void;
  /** [CHAT2–CHAT4] Votes, tip, pin or hidden changed (hidden ones reach staff only). */
  'chat:updated': (message: ChatMessageView) => void;
  /** [CHAT4] A message was hidden: participants drop it. */
  'chat:removed': (info: { id: string; channel: string }) => void;
  /** [CHAT2] This participant's own vote changed (from another tab, too). */
  'chat:myvote': (info: { messageId: string; up: boolean }) => void;
}

export type ServerEventName = keyof ServerToClientEvents;
