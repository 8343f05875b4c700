import {
  acceptsNote,
  asCuration,
  checkValue,
  hideWord,
  isCurated,
  mergeWords,
  type OwnStorageKind,
  type Results,
  redact,
  splitWords,
  tally,
  type WordsCuration,
} from '../../shared/domain/activities';
import type { ActivityView, MyResponse } from '../../shared/domain/types';
import { DomainError, issuesOf } from '../../shared/protocol/ack';
import {
  type ActivityKindName,
  type ActivitySpec,
  VALUE_SCHEMAS,
} from '../../shared/protocol/schemas/activity';
import { LIMITS } from '../../shared/protocol/schemas/common';
import type { CommandKey } from '../storage/applied';
import type { ActivityRecord, ResponseRecordRow, Store } from '../storage/store';
import { activityView, type KindProvider, myResponse, type StateChange } from './activityKinds';
import { appliedBefore, wasApplied } from './replay';

export { activityView, type KindProvider, myResponse, type StateChange } from './activityKinds';

/**
 * [POLL1–POLL9] Activities (werkvormen) and the answers to them, server-authoritative.
 * [RECON6] A change with a key (`once`) is applied once: a replay, even after newer changes,
 * answers what is stored now and changes nothing.
 */
export class ActivityService {
  private readonly providers = new Map<string, KindProvider>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  /** Registers the provider of a kind with its own storage (see `KindProvider`). */
  provide(kind: OwnStorageKind, provider: KindProvider): void {
    this.providers.set(kind, provider);
  }

  private provider(a: { spec: ActivitySpec }): KindProvider | undefined {
    return this.providers.get(a.spec.kind);
  }

  /** Per-kind broadcasts after a change was acked (see `KindProvider.announce`). */
  async announce(meetingId: string, view: ActivityView, change: StateChange | 'update'): Promise<void> {
    await this.provider(view)?.announce?.(meetingId, view, change);
  }

  /** An activity of this meeting, or not found (ids of other meetings are not revealed to exist). */
  async own(meetingId: string, id: string, db: Store = this.store): Promise<ActivityRecord> {
    const a = await db.activities.get(id);
    if (!a || a.meetingId !== meetingId) throw new DomainError('not_found', 'no such activity');
    return a;
  }

  async list(meetingId: string): Promise<ActivityView[]> {
    return (await this.store.activities.list(meetingId)).map(activityView);
  }

  private async checkItem(db: Store, meetingId: string, agendaItemId: string | null | undefined) {
    if (!agendaItemId) return;
    const item = await db.agenda.get(agendaItemId);
    if (!item || item.meetingId !== meetingId) throw new DomainError('not_found', 'no such agenda item');
  }

  /**
   * [POLL1] Created as a draft, hidden results. Idempotent on the client-made id; a removed
   * activity never comes back (RECON6).
   */
  async create(
    meetingId: string,
    input: { id: string; agendaItemId: string | null; anonymous: boolean; spec: ActivitySpec },
    once?: CommandKey,
  ): Promise<ActivityView> {
    return this.store.transaction(async (tx) => {
      const existing = await tx.activities.get(input.id);
      if (await wasApplied(tx, once)) {
        if (existing?.meetingId !== meetingId)
          throw new DomainError('not_found', 'This activity was removed.');
        return activityView(existing);
      }
      if (existing) {
        if (existing.meetingId !== meetingId) throw new DomainError('conflict', 'id already in use');
        return activityView(existing);
      }
      if ((await tx.activities.count(meetingId)) >= LIMITS.activitiesPerMeeting) {
        throw new DomainError(
          'too_large',
          `a meeting holds at most ${LIMITS.activitiesPerMeeting} activities`,
        );
      }
      await this.checkItem(tx, meetingId, input.agendaItemId);
      const t = this.now();
      const record: ActivityRecord = {
        id: input.id,
        meetingId,
        agendaItemId: input.agendaItemId,
        anonymous: input.anonymous,
        status: 'draft',
        revealed: false,
        spec: input.spec,
        createdAt: t,
        updatedAt: t,
      };
      await tx.activities.insert(record, once);
      return activityView(record);
    });
  }

  /**
   * [POLL2] The question and levels can change only while nobody has answered; anonymity only while
   * a draft (switching it later would expose or hide authors people were promised otherwise).
   */
  async update(
    meetingId: string,
    input: { id: string; anonymous?: boolean; agendaItemId?: string | null; spec?: ActivitySpec },
    once?: CommandKey,
  ): Promise<ActivityView> {
    const before = await this.own(meetingId, input.id);
    if (await appliedBefore(this.store, once)) return activityView(before);
    if (input.spec && input.spec.kind !== before.spec.kind) {
      throw new DomainError('invalid_payload', 'the kind of an activity cannot change');
    }
    // The kind's own check reads its own storage (rooms of a break-out that only grow).
    const refused = input.spec ? await this.provider(before)?.checkUpdate?.(before, input.spec) : null;
    if (refused) throw new DomainError('conflict', refused);
    // "Nobody answered yet" and "still a draft" are checked and written in one transaction.
    return this.store.transaction(async (tx) => {
      const a = await this.own(meetingId, input.id, tx);
      if (await wasApplied(tx, once)) return activityView(a);
      if (input.spec && (await tx.responses.count(a.id)) > 0) {
        throw new DomainError('conflict', 'answers exist: the question can no longer change');
      }
      if (input.anonymous !== undefined && input.anonymous !== a.anonymous && a.status !== 'draft') {
        throw new DomainError('conflict', 'anonymity can only change before the activity opens');
      }
      await this.checkItem(tx, meetingId, input.agendaItemId);
      const patch: Partial<ActivityRecord> = {};
      if (input.spec) patch.spec = input.spec;
      if (input.anonymous !== undefined) patch.anonymous = input.anonymous;
      if (input.agendaItemId !== undefined) patch.agendaItemId = input.agendaItemId;
      if (!(await tx.activities.update(a.id, patch, once)))
        return activityView(await this.own(meetingId, a.id, tx));
      return activityView({ ...a, ...patch });
    });
  }

  async remove(meetingId: string, id: string, once?: CommandKey): Promise<{ id: string }> {
    return this.store.transaction(async (tx) => {
      if (await wasApplied(tx, once)) return { id };
      await this.own(meetingId, id, tx);
      await tx.activities.delete(id, once);
      return { id };
    });
  }

  /** [POLL3] open / close / reveal / hide. Setting a state twice is harmless. */
  async setState(
    meetingId: string,
    id: string,
    change: 'open' | 'close' | 'reveal' | 'hide',
    once?: CommandKey,
  ): Promise<ActivityView> {
    const before = await this.own(meetingId, id);
    // A replayed "reveal" after a newer "hide" must not show results again (POLL7).
    if (await appliedBefore(this.store, once)) return activityView(before);
    await this.provider(before)?.beforeStateChange?.(before, change);
    // The new state follows from the stored one (closing a draft keeps it a draft): read and
    // written in one transaction, so a change at the same moment is never undone.
    return this.store.transaction(async (tx) => {
      const a = await this.own(meetingId, id, tx);
      if (await wasApplied(tx, once)) return activityView(a);
      const patch: Partial<ActivityRecord> =
        change === 'open'
          ? { status: 'open' }
          : change === 'close'
            ? { status: a.status === 'draft' ? 'draft' : 'closed' }
            : { revealed: change === 'reveal' };
      if (!(await tx.activities.update(a.id, patch, once)))
        return activityView(await this.own(meetingId, a.id, tx));
      return activityView({ ...a, ...patch });
    });
  }

  /**
   * [POLL4][POLL5] A participant's answer: only while open, checked against the activity's kind,
   * one per participant (a database key), replaced when changed. [RECON6] Applied once per command
   * id, recorded with the answer: a replay, also after a newer answer or a retraction, answers the
   * answer as it is now (null: none) and changes nothing.
   */
  async submit(
    meetingId: string,
    participantId: string,
    input: { id: string; activityId: string; value: unknown; note?: string },
    once?: CommandKey,
  ): Promise<MyResponse | null> {
    // Open, and this answer not applied yet: checked and written in one transaction.
    return this.store.transaction(
      async (tx) => {
        const a = await this.own(meetingId, input.activityId, tx);
        const existing = await tx.responses.get(a.id, participantId);
        const now = () => (existing ? myResponse(existing) : null);
        // Answers stored before command ids were recorded still know their last id.
        if (existing?.commandId === input.id || (await wasApplied(tx, once))) return now();
        if (a.status !== 'open')
          throw new DomainError('closed', 'This activity is not open for answers now.');
        const parsed = VALUE_SCHEMAS[a.spec.kind as ActivityKindName].safeParse(input.value);
        if (!parsed.success) {
          throw new DomainError(
            'invalid_payload',
            'This answer does not fit the question. Choose again.',
            issuesOf(parsed.error).map((i) => ({ ...i, path: i.path ? `value.${i.path}` : 'value' })),
          );
        }
        const problem = checkValue(a.spec, parsed.data);
        if (problem) throw new DomainError('invalid_payload', problem);
        if (input.note && !acceptsNote(a.spec.kind)) {
          throw new DomainError(
            'invalid_payload',
            'This question takes no separate note: explain with your answer.',
          );
        }
        const t = this.now();
        const row: ResponseRecordRow = {
          activityId: a.id,
          participantId,
          commandId: input.id,
          value: parsed.data,
          note: input.note ?? '',
          createdAt: existing?.createdAt ?? t,
          updatedAt: t,
        };
        if (!(await tx.responses.upsert(row, once))) {
          const stored = await tx.responses.get(a.id, participantId);
          return stored ? myResponse(stored) : null;
        }
        return myResponse(row);
      },
      { lock: `responses:${input.activityId}` },
    );
  }

  /** [POLL5] Taking an answer back, while open. [RECON6] A replay never takes back a newer answer. */
  async retract(meetingId: string, participantId: string, activityId: string, once?: CommandKey) {
    return this.store.transaction(async (tx) => {
      const a = await this.own(meetingId, activityId, tx);
      if (await wasApplied(tx, once)) return { activityId: a.id };
      if (a.status !== 'open') throw new DomainError('closed', 'This activity is not open for answers now.');
      await tx.responses.delete(a.id, participantId, once);
      return { activityId: a.id };
    });
  }

  async mine(meetingId: string, participantId: string): Promise<MyResponse[]> {
    return (await this.store.responses.listByParticipant(meetingId, participantId)).map(myResponse);
  }

  /** [POLL6] Results with author names only for activities that are not anonymous. */
  async results(a: ActivityRecord): Promise<Results> {
    const provider = this.provider(a);
    if (provider) return provider.results(a);
    const responses = await this.store.responses.list(a.id);
    let authorOf: ((id: string) => string | undefined) | undefined;
    if (!a.anonymous) {
      const names = new Map(
        (await this.store.participants.list(a.meetingId)).map((p) => [p.id, p.name] as const),
      );
      authorOf = (id) => names.get(id);
    }
    const curation = isCurated(a.spec.kind) ? await this.store.curation.get(a.id) : undefined;
    return tally(
      a.id,
      a.spec,
      responses.map((r) => ({
        id: r.commandId,
        participantId: r.participantId,
        value: r.value,
        note: r.note,
        updatedAt: r.updatedAt,
      })),
      authorOf,
      curation,
    );
  }

  /** [STMT5][CHOICE5][WORDS5] Results for participants and observers (once revealed). */
  async publicResults(a: ActivityRecord): Promise<Results> {
    return redact(a.spec.kind, await this.results(a));
  }

  /** [WORDS4] Merge, split or hide words of a word cloud; answers stay as given. Returns staff results. */
  async curateWords(
    meetingId: string,
    activityId: string,
    change: (c: WordsCuration) => WordsCuration,
  ): Promise<Results> {
    const a = await this.own(meetingId, activityId);
    if (a.spec.kind !== 'words')
      throw new DomainError('invalid_payload', 'this activity is not a word cloud');
    // Read, changed and written in one transaction: two edits at once both count.
    await this.store.transaction(async (tx) => {
      let next: WordsCuration;
      try {
        next = change(asCuration(await tx.curation.get(a.id)));
      } catch (err) {
        if (err instanceof RangeError) throw new DomainError('too_large', 'too many merged groups');
        throw err;
      }
      await tx.curation.set(a.id, next);
    });
    return this.results(a);
  }

  static merge = (keys: string[], label: string) => (c: WordsCuration) => mergeWords(c, keys, label);
  static split = (key: string) => (c: WordsCuration) => splitWords(c, key);
  static hide = (key: string, hidden: boolean) => (c: WordsCuration) => hideWord(c, key, hidden);

  async respondents(activityId: string): Promise<string[]> {
    return this.store.responses.respondents(activityId);
  }
}
