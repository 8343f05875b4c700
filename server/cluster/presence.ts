/**
 * [MEET5][POLL8] Who is online in a meeting, across every node. A node counts its own connections
 * per participant; `online` answers the union over the live nodes. One node keeps it in memory;
 * several share it through Redis (redisPresence.ts) so that "n van m" and the presence list never
 * need `fetchSockets()` across the cluster on a hot path.
 */
export interface PresenceRegistry {
  /** A connection of this participant opened on this node; resolves once others can see it. */
  connected(meetingId: string, participantId: string): Promise<void>;
  /** A connection closed; resolves once others can see it. */
  disconnected(meetingId: string, participantId: string): Promise<void>;
  /** Participant ids with at least one open connection on any live node. */
  online(meetingId: string): Promise<Set<string>>;
  close(): Promise<void>;
}

/** Connection counts per meeting and participant on this node. */
export class LocalCounts {
  private readonly byMeeting = new Map<string, Map<string, number>>();

  /** Adds `delta`; answers the participant's new count on this node. */
  add(meetingId: string, participantId: string, delta: number): number {
    let m = this.byMeeting.get(meetingId);
    if (!m) {
      m = new Map();
      this.byMeeting.set(meetingId, m);
    }
    const n = Math.max(0, (m.get(participantId) ?? 0) + delta);
    if (n === 0) m.delete(participantId);
    else m.set(participantId, n);
    if (m.size === 0) this.byMeeting.delete(meetingId);
    return n;
  }

  ids(meetingId: string): Set<string> {
    return new Set(this.byMeeting.get(meetingId)?.keys() ?? []);
  }

  /** Every (meeting, participant, count) held here: what a node writes again after Redis lost it. */
  *entries(): Iterable<[string, string, number]> {
    for (const [meetingId, m] of this.byMeeting) for (const [p, n] of m) yield [meetingId, p, n];
  }
}

/** One node: the counts in memory are the whole truth. */
export class LocalPresence implements PresenceRegistry {
  private readonly counts = new LocalCounts();

  async connected(meetingId: string, participantId: string): Promise<void> {
    this.counts.add(meetingId, participantId, 1);
  }

  async disconnected(meetingId: string, participantId: string): Promise<void> {
    this.counts.add(meetingId, participantId, -1);
  }

  async online(meetingId: string): Promise<Set<string>> {
    return this.counts.ids(meetingId);
  }

  async close(): Promise<void> {}
}
