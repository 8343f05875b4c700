import type { ConnFlow, FlowTarget } from './flow';

/** [REPORT2] Editors (facilitator, secretary) change the verslag; readers only receive it. */
export type PeerRole = 'editor' | 'reader';

/**
 * One client of a verslag room, whatever carries its bytes (today a websocket, see `wsPeer.ts`).
 * The room only sends whole y-websocket messages to it, closes it, and paces it (ABUSE7, ABUSE8).
 */
export interface Peer extends FlowTarget {
  readonly role: PeerRole;
  /** Hands one message to the transport; false when the peer no longer takes any (closing, closed). */
  send(message: Uint8Array): boolean;
  /** Closes politely with a close code (COLLAB_CLOSE) and a short reason. */
  close(code: number, reason: string): void;
  /** Ends the connection at once, without waiting for what is still unsent. */
  terminate(): void;
  /**
   * Checks that the peer is still there: false when it did not answer the previous check (the
   * room then lets it go).
   */
  ping(): boolean;
}

/** One peer in a room, with what the room keeps about it. */
export class Conn {
  /** Awareness client ids this connection published (removed when it leaves). */
  readonly awarenessIds = new Set<number>();
  /** Messages are handled one after another, after the room has loaded. */
  queue: Promise<void> = Promise.resolve();
  /** Updates from a read-only connection that were refused (REPORT2), for tests and logs. */
  refused = 0;
  /** [ABUSE7] This connection's sync step 1 was answered (a reader's is answered once). */
  answered = false;
  constructor(
    readonly peer: Peer,
    /** [ABUSE7] Its budgets in and out; none for peers made without limits. */
    readonly flow: ConnFlow | null = null,
  ) {}

  get canWrite(): boolean {
    return this.peer.role === 'editor';
  }
}
