import type { CommandKey } from '../storage/applied';
import type { Store } from '../storage/store';
import type { Session } from './meetings';

/**
 * [RECON6] The key under which a session's command is applied once: the meeting, who sends it (the
 * participant, or the staff role: a facilitator's two tabs are one actor) and the client-made id.
 */
export const commandKey = (s: Session, commandId: string): CommandKey => ({
  meetingId: s.meetingId,
  actor: s.participantId ?? s.role,
  commandId,
});

/**
 * Whether this command was applied before (then it is answered with what is stored now,
 * unchanged). Inside a transaction: it reads there, so what it says holds until the commit.
 */
export async function wasApplied(store: Store, once: CommandKey | undefined): Promise<boolean> {
  return once !== undefined && (await store.applied.has(once));
}

/**
 * The same look outside a transaction, before the work: skipped when the command handler has just
 * looked (`notAppliedYet`). The write that follows claims the id, and answers REPLAYED when a twin
 * of this command was applied in between.
 */
export async function appliedBefore(store: Store, once: CommandKey | undefined): Promise<boolean> {
  return once !== undefined && once.notAppliedYet !== true && (await store.applied.has(once));
}
