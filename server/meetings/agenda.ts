import type { AgendaItem } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/ack';
import { LIMITS } from '../../shared/protocol/schemas/common';
import type { CommandKey } from '../storage/applied';
import type { Store } from '../storage/store';
import { appliedBefore, wasApplied } from './replay';

/**
 * [AGENDA1–AGENDA3] The ordered agenda of a meeting. Every method returns the whole new agenda.
 * [RECON6] A change with a key (`once`) is applied once: a replay answers the agenda as it is.
 */
export class AgendaService {
  constructor(private readonly store: Store) {}

  async list(meetingId: string): Promise<AgendaItem[]> {
    return (await this.store.agenda.list(meetingId)).map(({ id, title, body }) => ({ id, title, body }));
  }

  /** An item of this meeting, or a clear error (an id of another meeting is simply not found). */
  async own(meetingId: string, id: string) {
    const item = await this.store.agenda.get(id);
    if (!item || item.meetingId !== meetingId) throw new DomainError('not_found', 'no such agenda item');
    return item;
  }

  /**
   * [AGENDA1] Adding is idempotent on the client-made id; a removed item never comes back (RECON6).
   * The id, the limit and the insert are one transaction.
   */
  async add(
    meetingId: string,
    input: { id: string; title: string; body?: string; index?: number },
    once?: CommandKey,
  ) {
    await this.store.transaction(async (tx) => {
      if (await wasApplied(tx, once)) return;
      const existing = await tx.agenda.get(input.id);
      if (existing) {
        if (existing.meetingId !== meetingId) throw new DomainError('conflict', 'id already in use');
        return;
      }
      const items = await tx.agenda.list(meetingId);
      if (items.length >= LIMITS.agendaItems) {
        throw new DomainError('too_large', `an agenda holds at most ${LIMITS.agendaItems} items`);
      }
      await tx.agenda.insert(
        meetingId,
        { id: input.id, title: input.title, body: input.body ?? '' },
        input.index,
        once,
      );
    });
    return this.list(meetingId);
  }

  async update(meetingId: string, input: { id: string; title?: string; body?: string }, once?: CommandKey) {
    if (await appliedBefore(this.store, once)) return this.list(meetingId);
    await this.own(meetingId, input.id);
    const patch: { title?: string; body?: string } = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.body !== undefined) patch.body = input.body;
    await this.store.agenda.update(input.id, patch, once);
    return this.list(meetingId);
  }

  /** [AGENDA2] Moving to an index; the others keep their relative order. */
  async move(meetingId: string, input: { id: string; index: number }, once?: CommandKey) {
    if (await appliedBefore(this.store, once)) return this.list(meetingId);
    await this.own(meetingId, input.id);
    await this.store.agenda.move(meetingId, input.id, input.index, once);
    return this.list(meetingId);
  }

  /** [AGENDA3] Removing an item keeps its activities (they lose their place, not their answers). */
  async remove(meetingId: string, input: { id: string }, once?: CommandKey) {
    if (await appliedBefore(this.store, once)) return this.list(meetingId);
    await this.own(meetingId, input.id);
    await this.store.agenda.delete(meetingId, input.id, once);
    return this.list(meetingId);
  }
}
