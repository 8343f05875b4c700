import type { ChatAuthorRole } from '../../shared/domain/chat';
import type { Scope } from '../../shared/domain/scopes';
import type { TimerView } from '../../shared/domain/timer';
import type { CommandKey } from './applied';

/**
 * [TIMER4] One row per meeting and scope. [RECON6] A write records its command id (`once`) in the
 * same transaction and answers false, changing nothing, when that id was applied before.
 */
export interface TimerRepo {
  get(meetingId: string, scope: Scope): Promise<(TimerView & { lastCommandId: string | null }) | undefined>;
  put(meetingId: string, timer: TimerView, once: CommandKey): Promise<boolean>;
  /** [SCOPE2] Several timers (the rooms of a break-out) in one transaction: all or none. */
  putMany(meetingId: string, timers: TimerView[], once: CommandKey): Promise<boolean>;
  list(meetingId: string): Promise<TimerView[]>;
}

export interface ChatRecord {
  id: string;
  meetingId: string;
  channel: Scope;
  /** Assigned by the store on insert, increasing. */
  seq: number;
  /** Participant id, or `facilitator` / `secretary`: who votes and rate limits count against. */
  authorKey: string;
  authorRole: ChatAuthorRole;
  authorName: string;
  text: string;
  createdAt: number;
  votes: number;
  tip: boolean;
  /** The author key of whoever marked it as a tip. */
  tipBy: string | null;
  pinned: boolean;
  hidden: boolean;
}

export type ChatFlagName = 'tip' | 'pinned' | 'hidden';

/** [CHAT1–CHAT7] Chat messages and votes. */
export interface ChatRepo {
  /** Inserts and returns the record with its `seq`. */
  insert(m: Omit<ChatRecord, 'seq'>): Promise<ChatRecord>;
  get(id: string): Promise<ChatRecord | undefined>;
  /** The newest `limit` messages before `beforeSeq` (all when null), oldest first, and whether more exist. */
  page(
    meetingId: string,
    channel: Scope,
    beforeSeq: number | null,
    limit: number,
    includeHidden: boolean,
  ): Promise<{ messages: ChatRecord[]; hasMore: boolean }>;
  /** Tips and pinned messages of these channels, at most `limit`, by seq. */
  highlights(
    meetingId: string,
    channels: Scope[],
    includeHidden: boolean,
    limit: number,
  ): Promise<ChatRecord[]>;
  /** The newest messages that contain a link, at most `limit`, by seq. */
  withLinks(meetingId: string, channels: Scope[], limit: number): Promise<ChatRecord[]>;
  /** Every message of the meeting, by seq (results API, verslag). */
  all(meetingId: string): Promise<ChatRecord[]>;
  count(meetingId: string): Promise<number>;
  countSince(meetingId: string, authorKey: string, since: number): Promise<number>;
  setFlag(id: string, flag: ChatFlagName, on: boolean, by?: string | null): Promise<void>;
  /** Sets a voter's vote; returns the new vote count. One vote per voter per message (a key). */
  vote(messageId: string, voter: string, up: boolean): Promise<number>;
  votesBy(meetingId: string, voter: string): Promise<string[]>;
}

/** [WORDS4] Per-activity curation (a JSON value the kind's rules understand). */
export interface CurationRepo {
  get(activityId: string): Promise<unknown | undefined>;
  set(activityId: string, data: unknown): Promise<void>;
}

export interface TemplateRecord {
  id: string;
  title: string;
  content: unknown;
  tokenHash: string;
  createdAt: number;
}

/** [TPL1] Templates live apart from meetings: deleting a meeting keeps its templates. */
export interface TemplateRepo {
  insert(t: TemplateRecord): Promise<void>;
  get(id: string): Promise<TemplateRecord | undefined>;
  list(): Promise<TemplateRecord[]>;
  delete(id: string): Promise<boolean>;
}
