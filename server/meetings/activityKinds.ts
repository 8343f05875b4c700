import type { Results } from '../../shared/domain/activities';
import type { ActivityView, MyResponse } from '../../shared/domain/types';
import type { ActivitySpec } from '../../shared/protocol/schemas/activity';
import type { ActivityRecord, ResponseRecordRow } from '../storage/store';

/** An activity and an answer as clients see them, and what a kind with its own storage adds. */

export const activityView = (a: ActivityRecord): ActivityView => ({
  id: a.id,
  agendaItemId: a.agendaItemId,
  anonymous: a.anonymous,
  status: a.status,
  revealed: a.revealed,
  spec: a.spec,
  createdAt: a.createdAt,
});

export const myResponse = (r: ResponseRecordRow): MyResponse => ({
  id: r.commandId,
  activityId: r.activityId,
  value: r.value,
  note: r.note,
  updatedAt: r.updatedAt,
});

export type StateChange = 'open' | 'close' | 'reveal' | 'hide';

/**
 * What a kind that keeps its own storage (break-outs) adds to the generic life cycle of an
 * activity. Kinds with one answer per participant need none of this: their rules are in
 * `shared/domain/activities` (`ACTIVITY_RULES`).
 */
export interface KindProvider {
  /** The activity's results, instead of a tally of answers. */
  results(a: ActivityRecord): Promise<Results>;
  /** A spec change the kind refuses now (e.g. after rooms exist): the reason, or null. */
  checkUpdate?(a: ActivityRecord, next: ActivitySpec): Promise<string | null>;
  /** Runs before a state change is stored; may refuse it (DomainError) or store what goes with it. */
  beforeStateChange?(a: ActivityRecord, change: StateChange): Promise<void>;
  /** Broadcasts after the ack of a change to the activity (created, updated, opened, …). */
  announce?(meetingId: string, a: ActivityView, change: StateChange | 'update'): Promise<void> | void;
}
