/**
 * What one verslag room tells the other rooms of the same meeting (on other nodes, later through
 * Redis). `origin` names the room that sent it (`<node>/<room>`): a room never hears its own.
 */
export type RelayMessage =
  /**
   * An update that is stored already (row `id`): the rooms that hear it apply it and send it to
   * their own peers, but never store it again.
   */
  | { type: 'update'; origin: string; id: number; update: Uint8Array }
  /** An editor's presence changed (an awareness update; never stored). */
  | { type: 'awareness'; origin: string; update: Uint8Array }
  /**
   * The relay may have lost messages (Redis restarted, this node's subscription dropped): the room
   * reads the stored log again and applies what it lacks (applying an update twice changes nothing).
   */
  | { type: 'gap'; origin: string };

/** A room's hearing of the other rooms of its meeting. */
export interface Subscription {
  /**
   * Resolves once every message published from now on will be delivered. The room reads the
   * stored log only after this, so no update can fall between what it read and what it hears.
   */
  readonly ready: Promise<void>;
  stop(): void;
}

/**
 * [REPORT9] The seam between the verslag rooms of one meeting. A room publishes an update only
 * after it is stored (ack-after-store holds across nodes), so whoever hears it can rely on the
 * store having it too.
 *
 * A relay across nodes (Redis) may lose or reorder messages without losing edits: applying an
 * update twice or late changes nothing, and a room that missed some can read the log again. It
 * must not deliver a room its own messages (`origin`).
 */
export interface Relay {
  /** Hears what the other rooms of a meeting publish (never what `origin` itself published). */
  subscribe(meetingId: string, origin: string, deliver: (message: RelayMessage) => void): Subscription;
  /** Hands a message to every other room of the meeting. */
  publish(meetingId: string, message: RelayMessage): Promise<void>;
}

interface Subscriber {
  origin: string;
  deliver: (message: RelayMessage) => void;
}

/**
 * The relay between rooms in this process: every node is one process today, so it carries
 * messages only between rooms that share it (two servers in one test, for example). Delivery is
 * asynchronous, as over a network.
 */
export class LocalRelay implements Relay {
  private readonly meetings = new Map<string, Set<Subscriber>>();

  subscribe(meetingId: string, origin: string, deliver: (message: RelayMessage) => void): Subscription {
    const sub: Subscriber = { origin, deliver };
    let subs = this.meetings.get(meetingId);
    if (!subs) {
      subs = new Set();
      this.meetings.set(meetingId, subs);
    }
    subs.add(sub);
    return {
      ready: Promise.resolve(),
      stop: () => {
        subs.delete(sub);
        if (subs.size === 0 && this.meetings.get(meetingId) === subs) this.meetings.delete(meetingId);
      },
    };
  }

  async publish(meetingId: string, message: RelayMessage): Promise<void> {
    const subs = this.meetings.get(meetingId);
    for (const sub of subs ?? []) {
      if (sub.origin !== message.origin) queueMicrotask(() => subs?.has(sub) && sub.deliver(message));
    }
  }
}
