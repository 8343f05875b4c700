import type { z } from 'zod';
import type {
  BoardState,
  BoardView,
  BreakoutView,
  NoteView,
  Placement,
  ThemeView,
  VoteRef,
} from '../domain/board/types';
import type { ChatChannelPage, ChatMessageView } from '../domain/chat';
import type { Action } from '../domain/roles';
import type { TimerView } from '../domain/timer';
import type {
  ActivityView,
  AgendaItem,
  MeetingView,
  MyResponse,
  ParticipantSelf,
  Results,
  Snapshot,
} from '../domain/types';
import type { Ack, AckFn } from './ack';
import type { NoteResult } from './boardEvents';
import * as S from './schemas';

declare const ACK: unique symbol;
/** The type of a command's ack data, as the table carries it: a marker, empty at run time. */
export interface AckOf<T> {
  readonly [ACK]?: T;
}
const acks = <T>(): AckOf<T> => ({});

/** One client → server command. */
export interface CommandSpec {
  /** Parses the payload; the handler sees only what it outputs. */
  readonly schema: z.ZodType;
  /** The permission the server checks (`shared/domain/roles.ts`); null: every role may ask. */
  readonly who: Action | null;
  /** What the ack carries when the command is done (`{ ok: true, data }`). */
  readonly ack: AckOf<unknown>;
  /**
   * [RECON6] The field holding the client-made id under which the command is applied once: its own
   * `id`, or `cmd` where `id` names the thing it changes (the client's `send` adds `cmd`).
   */
  readonly replay?: 'id' | 'cmd';
  /** Presence: relayed, never stored; no ack needed (a sender that asks for one gets `null`). */
  readonly presence?: true;
  /** [ABUSE8] Its answer can be large: answered one at a time per connection (realtime/backpressure.ts). */
  readonly heavy?: true;
}

/**
 * Every client → server command (`entity:verb`): its payload schema, who may send it and what its
 * ack carries. The single source of the event map (`ClientToServerEvents`), the server's
 * registration (`server/realtime/handle.ts`), the client's `send`, the authorisation test and the
 * tables of docs/PROTOCOL.md (a test compares them).
 */
export const COMMANDS = {
  /** [MEET4] The full state for this connection's role; called on every (re)connect. */
  'session:sync': { schema: S.Empty, who: null, ack: acks<Snapshot>(), heavy: true },
  'meeting:update': { schema: S.MeetingUpdate, who: 'meeting:update', ack: acks<MeetingView>() },
  /** [FLOW1] Move the meeting to an agenda item; everyone follows. */
  'meeting:goto': { schema: S.MeetingGoto, who: 'meeting:navigate', ack: acks<MeetingView>() },
  'participant:update': {
    schema: S.ParticipantUpdate,
    who: 'participant:updateSelf',
    ack: acks<ParticipantSelf>(),
  },

  'agenda:add': { schema: S.AgendaAdd, who: 'agenda:edit', ack: acks<AgendaItem[]>(), replay: 'id' },
  'agenda:update': { schema: S.AgendaUpdate, who: 'agenda:edit', ack: acks<AgendaItem[]>(), replay: 'cmd' },
  'agenda:move': { schema: S.AgendaMove, who: 'agenda:edit', ack: acks<AgendaItem[]>(), replay: 'cmd' },
  'agenda:remove': { schema: S.AgendaRemove, who: 'agenda:edit', ack: acks<AgendaItem[]>(), replay: 'cmd' },

  'activity:create': {
    schema: S.ActivityCreate,
    who: 'activity:manage',
    ack: acks<ActivityView>(),
    replay: 'id',
  },
  'activity:update': {
    schema: S.ActivityUpdate,
    who: 'activity:manage',
    ack: acks<ActivityView>(),
    replay: 'cmd',
  },
  'activity:remove': {
    schema: S.ActivityRef,
    who: 'activity:manage',
    ack: acks<{ id: string }>(),
    replay: 'cmd',
  },
  'activity:open': {
    schema: S.ActivityRef,
    who: 'activity:manage',
    ack: acks<ActivityView>(),
    replay: 'cmd',
  },
  'activity:close': {
    schema: S.ActivityRef,
    who: 'activity:manage',
    ack: acks<ActivityView>(),
    replay: 'cmd',
  },
  'activity:reveal': {
    schema: S.ActivityRef,
    who: 'activity:manage',
    ack: acks<ActivityView>(),
    replay: 'cmd',
  },
  'activity:hide': {
    schema: S.ActivityRef,
    who: 'activity:manage',
    ack: acks<ActivityView>(),
    replay: 'cmd',
  },
  /** The answer as stored: a replayed command answers it as it is now (null: taken back since). */
  'response:submit': {
    schema: S.ResponseSubmit,
    who: 'activity:respond',
    ack: acks<MyResponse | null>(),
    replay: 'id',
  },
  'response:retract': {
    schema: S.ResponseRetract,
    who: 'activity:respond',
    ack: acks<{ activityId: string }>(),
    replay: 'cmd',
  },

  /** [WORDS4] The facilitator's edits of a word cloud. Acks carry the staff's (full) results. */
  'words:merge': { schema: S.WordsMerge, who: 'activity:manage', ack: acks<Results>() },
  'words:split': { schema: S.WordsSplit, who: 'activity:manage', ack: acks<Results>() },
  'words:hide': { schema: S.WordsHide, who: 'activity:manage', ack: acks<Results>() },

  /** [TIMER2] The shared countdown of a scope (the meeting, or a break-out room). */
  'timer:start': { schema: S.TimerStart, who: 'timer:control', ack: acks<TimerView>(), replay: 'id' },
  'timer:pause': { schema: S.TimerRef, who: 'timer:control', ack: acks<TimerView>(), replay: 'id' },
  'timer:resume': { schema: S.TimerRef, who: 'timer:control', ack: acks<TimerView>(), replay: 'id' },
  'timer:extend': { schema: S.TimerExtend, who: 'timer:control', ack: acks<TimerView>(), replay: 'id' },
  'timer:stop': { schema: S.TimerRef, who: 'timer:control', ack: acks<TimerView>(), replay: 'id' },
  /** [SCOPE2] The same command for the timer of every room of a break-out; acks each room's timer. */
  'breakout:timer': {
    schema: S.BreakoutTimer,
    who: 'timer:control',
    ack: acks<TimerView[]>(),
    replay: 'id',
  },

  /** [CHAT1–CHAT5] The chat of a channel (the meeting, or a break-out room). */
  'chat:send': { schema: S.ChatSend, who: 'chat:send', ack: acks<ChatMessageView>() },
  'chat:vote': { schema: S.ChatVote, who: 'chat:vote', ack: acks<ChatMessageView>() },
  'chat:tip': { schema: S.ChatFlag, who: 'chat:tip', ack: acks<ChatMessageView>() },
  'chat:pin': { schema: S.ChatFlag, who: 'chat:curate', ack: acks<ChatMessageView>() },
  'chat:hide': { schema: S.ChatFlag, who: 'chat:curate', ack: acks<ChatMessageView>() },
  'chat:history': { schema: S.ChatHistory, who: 'chat:read', ack: acks<ChatChannelPage>(), heavy: true },
  'chat:all': { schema: S.ChatAll, who: 'chat:curate', ack: acks<ChatMessageView[]>(), heavy: true },

  /** Break-outs and boards, see docs/PROTOCOL.md "Break-outs and boards". */
  'breakout:move': { schema: S.BreakoutMove, who: 'board:manage', ack: acks<BreakoutView>() },
  'breakout:choose': { schema: S.BreakoutChoose, who: 'breakout:choose', ack: acks<Placement>() },
  'breakout:addRoom': { schema: S.BreakoutAddRoom, who: 'board:manage', ack: acks<BreakoutView>() },
  /** [RECON6] Applied once under its id: a replay never replaces a newer message. */
  'breakout:message': {
    schema: S.BreakoutMessage,
    who: 'board:manage',
    ack: acks<BreakoutView>(),
    replay: 'id',
  },
  'breakout:synthesis': { schema: S.BreakoutRef, who: 'board:manage', ack: acks<BreakoutView>() },
  /** [BOARD18] End the break-outs now or after a countdown the server keeps. */
  'breakout:end': { schema: S.BreakoutEnd, who: 'activity:manage', ack: acks<BreakoutView>() },
  /** The board's full state for this viewer; also subscribes this connection to its updates. */
  'board:sync': { schema: S.BoardRef, who: null, ack: acks<BoardState>(), heavy: true },
  'board:unwatch': { schema: S.BoardRef, who: null, ack: acks<{ boardId: string }>() },
  'board:settings': { schema: S.BoardSettings, who: 'board:manage', ack: acks<BoardView>() },
  'board:voting': { schema: S.BoardVoting, who: 'board:manage', ack: acks<BoardView>() },
  'note:create': { schema: S.NoteCreate, who: 'board:write', ack: acks<NoteResult>() },
  'note:edit': { schema: S.NoteEdit, who: 'board:write', ack: acks<NoteResult>(), replay: 'cmd' },
  'note:move': { schema: S.NoteMove, who: 'board:write', ack: acks<NoteResult>(), replay: 'cmd' },
  'note:delete': { schema: S.NoteRef, who: 'board:write', ack: acks<NoteResult>() },
  'note:theme': { schema: S.NotesToTheme, who: 'board:write', ack: acks<{ notes: NoteView[] }>() },
  /** [BOARD9] A drag in progress. Volatile, never stored; the board's own rules decide who sees it. */
  'note:drag': { schema: S.NoteDrag, who: null, ack: acks<null>(), presence: true },
  'theme:create': {
    schema: S.ThemeCreate,
    who: 'board:write',
    ack: acks<{ theme: ThemeView; notes: NoteView[] }>(),
  },
  'theme:update': { schema: S.ThemeUpdate, who: 'board:write', ack: acks<ThemeView>(), replay: 'cmd' },
  'theme:merge': {
    schema: S.ThemeMerge,
    who: 'board:write',
    ack: acks<{ theme: ThemeView; notes: NoteView[]; removed: string }>(),
    replay: 'cmd',
  },
  'theme:dissolve': {
    schema: S.ThemeRef,
    who: 'board:write',
    ack: acks<{ removed: string; notes: NoteView[] }>(),
    replay: 'cmd',
  },
  /** The vote's id is its command's: recorded, a cast replayed after a retract stays taken back. */
  'vote:cast': { schema: S.VoteCast, who: 'board:vote', ack: acks<VoteRef[]>(), replay: 'id' },
  'vote:retract': { schema: S.VoteRetract, who: 'board:vote', ack: acks<VoteRef[]>() },
} as const satisfies Record<string, CommandSpec>;

type Commands = typeof COMMANDS;
export type CommandName = keyof Commands;
/** Commands answered with an ack (all but presence). */
export type AckedCommand = {
  [E in CommandName]: Commands[E] extends { presence: true } ? never : E;
}[CommandName];

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];
/** The commands whose row passes `test` (those that take a `cmd`, the heavy ones, …). */
export const commandsWhere = (test: (spec: CommandSpec) => boolean): CommandName[] =>
  COMMAND_NAMES.filter((e) => test(COMMANDS[e]));

/** What a client sends for `E` (before parsing). */
export type PayloadOf<E extends CommandName> = z.input<Commands[E]['schema']>;
/** What the handler of `E` gets: the payload as its schema parsed it. */
export type InputOf<E extends CommandName> = z.output<Commands[E]['schema']>;
/** What the ack of `E` carries when it is done. */
export type AckData<E extends CommandName> = Commands[E]['ack'] extends AckOf<infer R> ? R : never;
/** The ack of `E`: its data, or a refusal. */
export type AckFor<E extends CommandName> = Ack<AckData<E>>;

/** Client → server events (Socket.IO's event map), derived from the table. */
export type ClientToServerEvents = {
  [E in CommandName]: Commands[E] extends { presence: true }
    ? (payload: PayloadOf<E>) => void
    : (payload: PayloadOf<E>, ack: AckFn<AckData<E>>) => void;
};
export type ClientEventName = CommandName;
