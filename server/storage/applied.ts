/**
 * [RECON6] The ids of commands that were applied, per meeting and actor. A command that carries a
 * client-made id is recorded in the same transaction as its change, with one statement that
 * answers whether the id is new (`INSERT … ON CONFLICT DO NOTHING`): a replay of it (a lost ack,
 * a second tab, an outbox sent again), even after newer commands, is then never applied again.
 * The rows go with the meeting and are pruned after `APPLIED_KEEP_MS`.
 */
export interface CommandKey {
  meetingId: string;
  /** Who sent it: the participant id, or the staff role (`facilitator`, `secretary`). */
  actor: string;
  /** The client-made id of the command (for a creation that must never come back: of the thing made). */
  commandId: string;
  /**
   * Set by the command handler when it has just looked (outside any transaction) and found the
   * command not applied yet: a service's own look outside a transaction is then skipped
   * (`appliedBefore`). A write still claims the id, so a twin sent at the same moment is caught.
   */
  notAppliedYet?: boolean;
}

/** What a write answers when its command was applied before: nothing was changed. */
export const REPLAYED = 'replayed' as const;
export type Replayed = typeof REPLAYED;

/** How long applied ids are kept: a client resends from an open tab, never days later. */
export const APPLIED_KEEP_MS = 7 * 24 * 3_600_000;

export interface AppliedRepo {
  /** Whether this actor's command id was applied in this meeting. */
  has(key: CommandKey): Promise<boolean>;
  /** Forgets ids applied before `time` (ms), in every meeting; answers how many. */
  prune(time: number): Promise<number>;
}
