import type { z } from 'zod';
import type { ChatChannelPage, ChatMessageView } from '../domain/chat';
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
import type { AckFn } from './ack';
import type { BoardEvents, BoardServerEvents } from './boardEvents';
import type * as S from './schemas';

/** A command: a parsed-by-schema payload and an ack carrying the stored result. */
type Command<Schema extends z.ZodType, R> = (payload: z.input<Schema>, ack: AckFn<R>) => void;

/**
 * Client → server commands (`entity:verb`). Each area of the product adds its own map here; the
 * server registers one handler file per area (`server/realtime/handlers/`).
 */
export interface SessionCommands {
  /** The full state for this connection's role; called on every (re)connect. */
  'session:sync': (payload: Record<string, never> | undefined, ack: AckFn<Snapshot>) => void;
}

export interface MeetingCommands {
  'meeting:update': Command<typeof S.MeetingUpdate, MeetingView>;
  /** [FLOW1] Move the meeting to an agenda item; everyone follows. */
  'meeting:goto': Command<typeof S.MeetingGoto, MeetingView>;
  'participant:update': Command<typeof S.ParticipantUpdate, ParticipantSelf>;
}

export interface AgendaCommands {
  'agenda:add': Command<typeof S.AgendaAdd, AgendaItem[]>;
  'agenda:update': Command<typeof S.AgendaUpdate, AgendaItem[]>;
  'agenda:move': Command<typeof S.AgendaMove, AgendaItem[]>;
  'agenda:remove': Command<typeof S.AgendaRemove, AgendaItem[]>;
}

export interface ActivityCommands {
  'activity:create': Command<typeof S.ActivityCreate, ActivityView>;
  'activity:update': Command<typeof S.ActivityUpdate, ActivityView>;
  'activity:remove': Command<typeof S.ActivityRef, { id: string }>;
  'activity:open': Command<typeof S.ActivityRef, ActivityView>;
  'activity:close': Command<typeof S.ActivityRef, ActivityView>;
  'activity:reveal': Command<typeof S.ActivityRef, ActivityView>;
  'activity:hide': Command<typeof S.ActivityRef, ActivityView>;
  /** The answer as stored: a replayed command answers it as it is now (null: taken back since). */
  'response:submit': Command<typeof S.ResponseSubmit, MyResponse | null>;
  'response:retract': Command<typeof S.ResponseRetract, { activityId: string }>;
}

/** [WORDS4] The facilitator's edits of a word cloud. Acks carry the staff's (full) results. */
export interface WordsCommands {
  'words:merge': Command<typeof S.WordsMerge, Results>;
  'words:split': Command<typeof S.WordsSplit, Results>;
  'words:hide': Command<typeof S.WordsHide, Results>;
}

/** [TIMER2] The shared countdown of a scope (the meeting, or a break-out room). */
export interface TimerCommands {
  'timer:start': Command<typeof S.TimerStart, TimerView>;
  'timer:pause': Command<typeof S.TimerRef, TimerView>;
  'timer:resume': Command<typeof S.TimerRef, TimerView>;
  'timer:extend': Command<typeof S.TimerExtend, TimerView>;
  'timer:stop': Command<typeof S.TimerRef, TimerView>;
  /** [SCOPE2] The same command for the timer of every room of a break-out; acks each room's timer. */
  'breakout:timer': Command<typeof S.BreakoutTimer, TimerView[]>;
}

/** [CHAT1–CHAT5] The chat of a channel (the meeting, or a break-out room). */
export interface ChatCommands {
  'chat:send': Command<typeof S.ChatSend, ChatMessageView>;
  'chat:vote': Command<typeof S.ChatVote, ChatMessageView>;
  'chat:tip': Command<typeof S.ChatFlag, ChatMessageView>;
  'chat:pin': Command<typeof S.ChatFlag, ChatMessageView>;
  'chat:hide': Command<typeof S.ChatFlag, ChatMessageView>;
  'chat:history': Command<typeof S.ChatHistory, ChatChannelPage>;
  'chat:all': Command<typeof S.ChatAll, ChatMessageView[]>;
}

export type ClientToServerEvents = SessionCommands &
  MeetingCommands &
  AgendaCommands &
  ActivityCommands &
  WordsCommands &
  TimerCommands &
  ChatCommands &
  BoardEvents;

/** Server → client broadcasts (`entity:verbed`), each already filtered for the receiving role. */
export interface ServerToClientEvents extends BoardServerEvents {
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

export type ClientEventName = keyof ClientToServerEvents;
export type ServerEventName = keyof ServerToClientEvents;
