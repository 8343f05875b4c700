import { newId, normaliseCode } from '../../shared/domain/ids';
import type { Role } from '../../shared/domain/roles';
import type { MeetingView, ParticipantSelf } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/ack';
import { LIMITS } from '../../shared/protocol/schemas/common';
import type { JoinRequest, MeetingCreate } from '../../shared/protocol/schemas/meeting';
import type { TemplateContent } from '../../shared/protocol/schemas/template';
import { CodeTakenError, type MeetingRecord, type ParticipantRecord, type Store } from '../storage/store';
import { instantiate } from './templates';
import { hashToken, newJoinCode, newToken, sameHash } from './tokens';

/** Who a connection or request is, as established by the server from a token it issued. */
export interface Session {
  meetingId: string;
  role: Role;
  participantId: string | null;
}

export const meetingView = (m: MeetingRecord): MeetingView => ({
  id: m.id,
  code: m.code,
  title: m.title,
  date: m.date,
  currentItemId: m.currentItemId,
});

export const participantSelf = (p: ParticipantRecord): ParticipantSelf => ({
  id: p.id,
  name: p.name,
  orgType: p.orgType,
});

/** [MEET1–MEET6] Creating meetings, joining them, and telling who holds a token. */
export class MeetingService {
  /** Who hears that a meeting was deleted (the realtime side closes its connections). */
  private readonly deletedListeners: ((meetingId: string) => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  /** [MEET7][PRIV3] `listener` hears every meeting deleted, after the store forgot it. */
  onDeleted(listener: (meetingId: string) => void): void {
    this.deletedListeners.push(listener);
  }

  /** [MEET7][PRIV3] Deletes the meeting and everything in it; then tells who listens. */
  async delete(meetingId: string): Promise<void> {
    await this.store.meetings.delete(meetingId);
    for (const listener of this.deletedListeners) listener(meetingId);
  }

  /**
   * [MEET1] A new meeting with its join code and two secret staff tokens (returned once, stored
   * hashed). [TPL3] With a template's `content`, its agenda and activities are made in the same
   * transaction: the meeting exists whole or not at all.
   */
  async create(input: MeetingCreate, content?: TemplateContent) {
    const facilitatorToken = newToken();
    const secretaryToken = newToken();
    const meeting = await this.store.transaction(async (tx) => {
      for (let attempt = 0; ; attempt++) {
        const m: MeetingRecord = {
          id: newId(),
          code: newJoinCode(),
          title: input.title,
          date: input.date ?? null,
          createdAt: this.now(),
          facilitatorTokenHash: hashToken(facilitatorToken),
          secretaryTokenHash: hashToken(secretaryToken),
          currentItemId: null,
        };
        try {
          // A savepoint: a code that is taken undoes only this insert, and another code is tried.
          await tx.transaction((sp) => sp.meetings.insert(m));
        } catch (err) {
          if (!(err instanceof CodeTakenError) || attempt > 5) throw err;
          continue;
        }
        if (content) await instantiate(tx, m.id, content, m.createdAt);
        return m;
      }
    });
    return { meeting, facilitatorToken, secretaryToken };
  }

  async byCode(code: string): Promise<MeetingRecord | undefined> {
    const c = normaliseCode(code);
    return c.length > 0 && c.length <= 12 ? this.store.meetings.getByCode(c) : undefined;
  }

  /**
   * [MEET3] The role a token gives in a meeting: facilitator or secretary by their secret, participant
   * by the token issued at joining; observer when there is no token. A wrong token is no role at all.
   */
  async resolve(meeting: MeetingRecord, token: string | undefined): Promise<Session | null> {
    if (token === undefined) return { meetingId: meeting.id, role: 'observer', participantId: null };
    const hash = hashToken(token);
    if (sameHash(hash, meeting.facilitatorTokenHash)) {
      return { meetingId: meeting.id, role: 'facilitator', participantId: null };
    }
    if (sameHash(hash, meeting.secretaryTokenHash)) {
      return { meetingId: meeting.id, role: 'secretary', participantId: null };
    }
    const p = await this.store.participants.getByToken(meeting.id, hash);
    return p ? { meetingId: meeting.id, role: 'participant', participantId: p.id } : null;
  }

  /** A staff role (facilitator or secretary) for a bearer token on a meeting id, or null. */
  async staffRole(meetingId: string, token: string): Promise<'facilitator' | 'secretary' | null> {
    const m = await this.store.meetings.get(meetingId);
    if (!m) return null;
    const hash = hashToken(token);
    if (sameHash(hash, m.facilitatorTokenHash)) return 'facilitator';
    if (sameHash(hash, m.secretaryTokenHash)) return 'secretary';
    return null;
  }

  /** [MEET1] The facilitator changes the meeting's title or date; answers the meeting as stored. */
  async update(meetingId: string, input: { title?: string; date?: string | null }): Promise<MeetingView> {
    const patch: { title?: string; date?: string | null } = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.date !== undefined) patch.date = input.date;
    await this.store.meetings.update(meetingId, patch);
    const m = await this.store.meetings.get(meetingId);
    if (!m) throw new DomainError('not_found', 'this meeting no longer exists');
    return meetingView(m);
  }

  /** [MEET2] A participant changes their name or organisation type; answers them as stored. */
  async updateParticipant(
    participantId: string,
    input: Partial<Pick<ParticipantRecord, 'name' | 'orgType'>>,
  ): Promise<ParticipantSelf> {
    const patch: Partial<Pick<ParticipantRecord, 'name' | 'orgType'>> = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.orgType !== undefined) patch.orgType = input.orgType;
    await this.store.participants.update(participantId, patch);
    const p = await this.store.participants.get(participantId);
    if (!p) throw new DomainError('not_found', 'participant not found');
    return participantSelf(p);
  }

  /**
   * [MEET2] Join with a display name. A browser that presents its earlier token gets the same
   * participant back (its answers included); the name and organisation are updated to what it sent.
   * `known`: the meeting with this code, when the caller looked it up already.
   */
  async join(req: JoinRequest, known?: MeetingRecord) {
    const meeting = known ?? (await this.byCode(req.code));
    if (!meeting) throw new DomainError('not_found', 'no meeting with this code');
    if (req.token) {
      // The same browser again: its own row only, so no lock on the meeting's participants.
      const back = await this.store.transaction(async (tx) => {
        const existing = await tx.participants.getByToken(meeting.id, hashToken(req.token!));
        if (!existing) return undefined;
        const patch = { name: req.name, orgType: req.orgType ?? existing.orgType };
        await tx.participants.update(existing.id, patch);
        return { ...existing, ...patch };
      });
      if (back) return { meeting, participant: back, token: req.token, rejoined: true };
    }
    const token = newToken();
    const participant: ParticipantRecord = {
      id: newId(),
      meetingId: meeting.id,
      name: req.name,
      orgType: req.orgType ?? null,
      tokenHash: hashToken(token),
      createdAt: this.now(),
    };
    // The count and the insert are one statement, and joins to one meeting take turns inside the
    // store: people joining at once cannot overfill it, and never abort each other (DUR3).
    const inserted = await this.store.participants.insertIfRoom(participant, LIMITS.participantsPerMeeting);
    if (!inserted) throw new DomainError('too_large', 'this meeting is full');
    return { meeting, participant, token, rejoined: false };
  }
}
