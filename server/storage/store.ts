import type { OrgType } from '../../shared/domain/roles';
import type { ActivityStatus, AgendaItem } from '../../shared/domain/types';
import type { ActivitySpec } from '../../shared/protocol/schemas/activity';
import type { AppliedRepo, CommandKey, Replayed } from './applied';
import type { BoardRepo, BreakoutRepo } from './boardStore';
import type { ChatRepo, CurationRepo, TemplateRepo, TimerRepo } from './toolkit';

/**
 * Storage behind one interface. Every method is async so that a networked database (PostgreSQL)
 * can implement it as well as the embedded SQLite store. A method resolves only once the change is
 * durable: callers ack to clients after it.
 */
/**
 * `lock`: what many people change at once (a meeting's participants, a poll's answers, a board's
 * votes). PostgreSQL then runs the transactions with the same `lock` one after another (an advisory
 * lock taken first) instead of letting hundreds of them abort each other and retry; SQLite runs every
 * transaction one after another anyway.
 */
export interface TransactionOptions {
  lock?: string;
}

export interface Store {
  readonly meetings: MeetingRepo;
  readonly participants: ParticipantRepo;
  readonly agenda: AgendaRepo;
  readonly activities: ActivityRepo;
  readonly responses: ResponseRepo;
  readonly reports: ReportRepo;
  readonly timers: TimerRepo;
  readonly chat: ChatRepo;
  readonly curation: CurationRepo;
  readonly templates: TemplateRepo;
  readonly breakouts: BreakoutRepo;
  readonly boards: BoardRepo;
  /** [RECON6] Command ids applied per meeting and actor (writes below take one as `once`). */
  readonly applied: AppliedRepo;
  /**
   * Runs `fn` in one transaction: everything done through `tx` is committed together once `fn`
   * resolves, or rolled back together when it throws (the error is passed on). Transactions are
   * serializable: the outcome is as if they ran one after another, so a read-check-write inside
   * (a room's capacity, a rate limit, "does this id exist") cannot be overtaken by another flow.
   * Rules for `fn`:
   * - Use only `tx`, never this store: on SQLite a call through the store waits until the
   *   transaction ends (a deadlock); on PostgreSQL it would run on another connection, outside it.
   *   `tx` refuses calls once the transaction has ended.
   * - Do storage work only (no broadcasts, no network, no timers): other flows wait for it.
   * - Have no effect outside `tx`: a networked store may run `fn` again after a serialization
   *   failure (PostgreSQL: SQLSTATE 40001), so `fn` must be safe to repeat.
   * - Nested, `tx.transaction(inner)` is a savepoint in the same transaction: a throw undoes only
   *   `inner`'s writes, and the caller may catch it and carry on (e.g. retry an insert that hit a
   *   unique key, which PostgreSQL allows only after rolling back to a savepoint). A serialization
   *   failure is not the caller's to catch: it ends the whole transaction (which is then retried).
   * SQLite (one connection): the transaction holds the connection alone; calls through the store
   * wait until it commits. PostgreSQL: one pooled client per transaction (SERIALIZABLE, retried).
   */
  transaction<T>(fn: (tx: Store) => Promise<T>, opts?: TransactionOptions): Promise<T>;
  /**
   * Every row of every table, for tests and checks (a copy to another store): dumping twice with
   * no change in between gives equal dumps. Not for serving requests.
   */
  dump(): Promise<StoreDump>;
  close(): Promise<void>;
}

/** Table name → its rows (column name → value), in a stable order. */
export type StoreDump = Record<string, Record<string, unknown>[]>;

export interface MeetingRecord {
  id: string;
  code: string;
  title: string;
  date: string | null;
  createdAt: number;
  facilitatorTokenHash: string;
  secretaryTokenHash: string;
  currentItemId: string | null;
}

export interface MeetingRepo {
  /** Inserts; rejects with `CodeTakenError` when the join code exists (the caller picks another). */
  insert(m: MeetingRecord): Promise<void>;
  get(id: string): Promise<MeetingRecord | undefined>;
  getByCode(code: string): Promise<MeetingRecord | undefined>;
  update(id: string, patch: Partial<Pick<MeetingRecord, 'title' | 'date' | 'currentItemId'>>): Promise<void>;
  /** Deletes the meeting and everything that belongs to it. */
  delete(id: string): Promise<void>;
  /** Ids of meetings created before `time` (ms), for retention. */
  listCreatedBefore(time: number): Promise<string[]>;
}

export class CodeTakenError extends Error {}

export interface ParticipantRecord {
  id: string;
  meetingId: string;
  name: string;
  orgType: OrgType | null;
  tokenHash: string;
  createdAt: number;
}

export interface ParticipantRepo {
  insert(p: ParticipantRecord): Promise<void>;
  /**
   * [DUR3] Inserts unless the meeting holds `limit` participants already: one statement (the count
   * and the insert), so a join costs one round trip to the store. Atomic by itself, also between
   * nodes: joins to one meeting take turns inside the store, so people joining at once cannot
   * overfill it and never abort each other. Call it outside a transaction. Whether it was inserted.
   */
  insertIfRoom(p: ParticipantRecord, limit: number): Promise<boolean>;
  get(id: string): Promise<ParticipantRecord | undefined>;
  getByToken(meetingId: string, tokenHash: string): Promise<ParticipantRecord | undefined>;
  list(meetingId: string): Promise<ParticipantRecord[]>;
  count(meetingId: string): Promise<number>;
  update(id: string, patch: Partial<Pick<ParticipantRecord, 'name' | 'orgType'>>): Promise<void>;
}

export interface AgendaRepo {
  /** In agenda order. */
  list(meetingId: string): Promise<(AgendaItem & { meetingId: string })[]>;
  get(id: string): Promise<(AgendaItem & { meetingId: string }) | undefined>;
  /**
   * Inserts at `index` (end when undefined), shifting later items. Writes that take `once` record
   * that command id in the same transaction and answer false (changing nothing) when it was
   * recorded before (RECON6).
   */
  insert(meetingId: string, item: AgendaItem, index?: number, once?: CommandKey): Promise<boolean>;
  update(id: string, patch: Partial<Pick<AgendaItem, 'title' | 'body'>>, once?: CommandKey): Promise<boolean>;
  move(meetingId: string, id: string, index: number, once?: CommandKey): Promise<boolean>;
  /** Removes the item; activities that hung under it keep existing without an item. */
  delete(meetingId: string, id: string, once?: CommandKey): Promise<boolean>;
}

export interface ActivityRecord {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  anonymous: boolean;
  status: ActivityStatus;
  revealed: boolean;
  spec: ActivitySpec;
  createdAt: number;
  updatedAt: number;
}

/** Writes that take `once`: as in `AgendaRepo` (false: applied before, nothing changed). */
export interface ActivityRepo {
  insert(a: ActivityRecord, once?: CommandKey): Promise<boolean>;
  get(id: string): Promise<ActivityRecord | undefined>;
  /** In creation order. */
  list(meetingId: string): Promise<ActivityRecord[]>;
  count(meetingId: string): Promise<number>;
  update(
    id: string,
    patch: Partial<Pick<ActivityRecord, 'agendaItemId' | 'anonymous' | 'status' | 'revealed' | 'spec'>>,
    once?: CommandKey,
  ): Promise<boolean>;
  delete(id: string, once?: CommandKey): Promise<boolean>;
}

export interface ResponseRecordRow {
  activityId: string;
  participantId: string;
  /** The client-made id of the command that last set this answer (every applied id: `Store.applied`). */
  commandId: string;
  value: unknown;
  note: string;
  createdAt: number;
  updatedAt: number;
}

export interface ResponseRepo {
  /**
   * One answer per participant per activity: inserts or replaces (a database constraint). With
   * `once`, false when that command was applied before (nothing changed).
   */
  upsert(r: ResponseRecordRow, once?: CommandKey): Promise<boolean>;
  get(activityId: string, participantId: string): Promise<ResponseRecordRow | undefined>;
  list(activityId: string): Promise<ResponseRecordRow[]>;
  listByParticipant(meetingId: string, participantId: string): Promise<ResponseRecordRow[]>;
  count(activityId: string): Promise<number>;
  respondents(activityId: string): Promise<string[]>;
  /** Whether an answer was deleted; `REPLAYED` when `once` was applied before. */
  delete(activityId: string, participantId: string, once?: CommandKey): Promise<boolean | Replayed>;
}

/**
 * The verslag of a meeting as a log of Yjs updates (binary). Loading applies them all; their order
 * does not matter to Yjs and applying one twice changes nothing, which keeps compaction simple.
 */
export interface ReportRepo {
  /** Every stored update, oldest first, with its row id (`ids[i]` is the id of `updates[i]`). */
  load(meetingId: string): Promise<{ updates: Uint8Array[]; ids: number[] }>;
  /** Appends one update; resolves with its row id once it is durable. */
  append(meetingId: string, update: Uint8Array): Promise<number>;
  /**
   * Stores `update` as the first content only when nothing is stored for this meeting yet (one
   * transaction): the template is created once, even if two servers try at the same moment.
   */
  initialise(meetingId: string, update: Uint8Array): Promise<number | null>;
  /**
   * [REPORT9] Replaces exactly the rows `ids` (the ones the caller read and merged) by `update`, in
   * one transaction; resolves with the new row's id. Rows appended meanwhile (by another server)
   * are never touched, whatever their id.
   */
  compact(meetingId: string, update: Uint8Array, ids: readonly number[]): Promise<number>;
  count(meetingId: string): Promise<number>;
}
