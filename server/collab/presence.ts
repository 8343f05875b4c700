import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { Conn } from './peer';
import type { Peers } from './peers';
import { encodeAwareness } from './protocol';

/** Presence another room relayed (not published again). */
const RELAYED = Symbol('relayed');

/**
 * [REPORT4] The editors' presence (cursors, names) in one verslag room: only editors publish it and
 * only editors receive it (viewers must not make joins quadratic). Changes go to the room's editors
 * and, through `publish`, to the other rooms of the meeting; what those relay comes back through
 * `applyRelayed` and is sent on, not published again.
 */
export class Presence {
  readonly awareness: awarenessProtocol.Awareness;

  constructor(
    doc: Y.Doc,
    private readonly peers: Peers,
    private readonly publish: (update: Uint8Array) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onUpdate);
  }

  /** Whether anyone is present. */
  get empty(): boolean {
    return this.awareness.getStates().size === 0;
  }

  /** Everyone's presence, as one message. */
  all(): Uint8Array {
    const ids = [...this.awareness.getStates().keys()];
    return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
  }

  /** An editor's awareness update (throws on an unreadable one). */
  apply(conn: Conn, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, conn);
  }

  /** Presence another room relayed. */
  applyRelayed(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, RELAYED);
  }

  /** A connection left: whoever it published is gone. */
  left(conn: Conn): void {
    if (conn.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    }
  }

  destroy(): void {
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }

  private onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin instanceof Conn) {
      for (const id of added) origin.awarenessIds.add(id);
      for (const id of removed) origin.awarenessIds.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    this.peers.broadcast(encodeAwareness(update), (conn) => conn.canWrite && conn !== origin);
    if (origin !== RELAYED) this.publish(update);
  };
}
