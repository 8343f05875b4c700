import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { COLLAB_CLOSE } from '../../shared/protocol/collab';
import { isStoreUnavailable } from '../storage/unavailable';
import type { ConnFlow } from './flow';
import type { Conn, Peer } from './peer';
import { Peers } from './peers';
import { Presence } from './presence';
import { BadMessage, decodeMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol';
import { ReportLog, type ReportLogOptions } from './reportLog';

export interface RoomOptions extends Omit<ReportLogOptions, 'deliver' | 'relayedAwareness' | 'fail'> {
  /** The last connection left: the server unloads the room after a grace period. */
  onEmpty: (room: Room) => void;
  /** The room closed (unloaded, failed, or its meeting was deleted): the server forgets it. */
  onClosed: (room: Room) => void;
}

/**
 * [REPORT1–REPORT4][REPORT9] One meeting's verslag on the server: its Y.Doc (loaded from storage
 * before any message is answered), the editors' awareness, and its peers, whatever carries them.
 *
 * Writes go through its `ReportLog`: applied, gathered, stored, and only then sent to the room's
 * peers (one message each) and published to the other nodes. Read-only peers (participants,
 * observers) get the document and its updates, but their updates and awareness are dropped, and
 * they receive no awareness (viewers must not make joins quadratic).
 */
export class Room {
  readonly ready: Promise<void>;
  closed = false;
  private readonly log: ReportLog;
  private readonly peers: Peers;
  private readonly presence: Presence;
  /**
   * The whole document as every new client gets it (its state vector is empty): encoded once per
   * document version, not once per connection, so hundreds opening the verslag at once cost one.
   */
  private cachedFullStep2: Uint8Array | null = null;

  constructor(private readonly o: RoomOptions) {
    this.log = new ReportLog({
      ...o,
      deliver: (update, only) => this.peers.broadcast(encodeUpdate(update), (conn) => conn !== only),
      relayedAwareness: (update) => this.presence.applyRelayed(update),
      fail: (err) => this.fail(err),
    });
    this.doc.on('update', () => {
      this.cachedFullStep2 = null;
    });
    this.ready = this.log.ready;
    this.peers = new Peers({
      meetingId: o.meetingId,
      log: o.log,
      ready: this.ready,
      left: (c) => this.left(c),
    });
    this.presence = new Presence(this.doc, this.peers, (update) => this.log.publishAwareness(update));
    this.ready.catch((err: unknown) => this.fail(err));
  }

  /** The verslag's document (its log loads and stores it). */
  get doc(): Y.Doc {
    return this.log.doc;
  }

  get meetingId(): string {
    return this.o.meetingId;
  }

  /** The editors' presence. */
  get awareness(): Awareness {
    return this.presence.awareness;
  }

  /** The connected peers (tests look at them). */
  get conns(): ReadonlySet<Conn> {
    return this.peers.conns;
  }

  private fullStep2(): Uint8Array {
    if (!this.cachedFullStep2) this.cachedFullStep2 = encodeSyncStep2(this.doc, new Uint8Array([0]));
    return this.cachedFullStep2;
  }

  // --- peers -----------------------------------------------------------------------------------

  /** A peer joins; an editor is asked for what it has and we lack, and gets the others' presence. */
  join(peer: Peer, flow: ConnFlow | null = null): Conn {
    const conn = this.peers.add(peer, flow);
    this.peers.enqueue(conn, async () => {
      if (!conn.canWrite) return;
      await this.log.ensureTemplate();
      // Edits made offline, or lost in a restart.
      this.peers.send(conn, encodeSyncStep1(this.doc));
      if (!this.presence.empty) this.peers.send(conn, this.presence.all());
    });
    return conn;
  }

  /** A message from a peer: handled after its earlier ones, and paid for from its budget (ABUSE7). */
  receive(conn: Conn, data: Uint8Array): void {
    conn.flow?.received(data.length);
    this.peers.enqueue(conn, async () => {
      try {
        await this.handle(conn, data);
      } finally {
        conn.flow?.handled();
      }
    });
  }

  /** The peer's transport closed. */
  leave(conn: Conn): void {
    this.peers.leave(conn);
  }

  /** Closes one peer (a broken message, for example) and lets it go. */
  drop(conn: Conn, code: number, reason: string): void {
    this.peers.drop(conn, code, reason);
  }

  /** Checks every peer is still there and keeps quiet connections open. */
  heartbeat(keepalive: Uint8Array): void {
    this.peers.heartbeat(keepalive);
  }

  private left(conn: Conn): void {
    this.presence.left(conn);
    if (this.peers.conns.size === 0 && !this.closed) this.o.onEmpty(this);
  }

  private handle(conn: Conn, data: Uint8Array): Promise<void> | void {
    const msg = decodeMessage(data);
    switch (msg.type) {
      case 'syncStep1':
        // [ABUSE7] A reader gets the document once: every later update reaches it anyway.
        if (!conn.canWrite && conn.answered) return;
        conn.answered = true;
        // Answer with what the client lacks, once everything applied so far is stored.
        return this.flush().then(() => {
          // An empty state vector (a client with nothing yet) is one byte: 0.
          const fresh = msg.stateVector.length === 1 && msg.stateVector[0] === 0;
          // [ABUSE7] The shared full state answers every new client and every reader; only an
          // editor's own state vector is worth a diff encoded for it (and that costs its budget).
          if (fresh || !conn.canWrite) return this.peers.send(conn, this.fullStep2(), true);
          const diff = encodeSyncStep2(this.doc, msg.stateVector);
          conn.flow?.charge(diff.length);
          this.peers.send(conn, diff, true);
        });
      case 'syncStep2':
      case 'update':
        // [REPORT2] Read-only connections cannot change the server's document.
        if (!conn.canWrite) {
          conn.refused++;
          return;
        }
        try {
          Y.applyUpdate(this.doc, msg.update, conn);
        } catch (err) {
          throw new BadMessage(err instanceof Error ? err.message : 'unreadable update');
        }
        return;
      case 'awareness':
        // [REPORT4] Only editors publish presence; a viewer's is never applied or relayed.
        if (!conn.canWrite) return;
        try {
          this.presence.apply(conn, msg.update);
        } catch (err) {
          throw new BadMessage(err instanceof Error ? err.message : 'unreadable awareness');
        }
        return;
      case 'queryAwareness':
        if (conn.canWrite) this.peers.send(conn, this.presence.all());
        return;
      case 'ignored':
        return;
    }
  }

  // --- the document --------------------------------------------------------------------------

  /** Resolves once everything applied so far is stored (and sent on). */
  flush(): Promise<void> {
    return this.log.flush();
  }

  /** [REPORT9] The stored rows replaced by one update holding them all. */
  compact(): Promise<void> {
    return this.log.compact();
  }

  /**
   * Storing failed: what was applied in memory is not on disk, so nothing more may be relayed.
   * Every connection is closed (clients reconnect, and send again what the reloaded room lacks).
   */
  private fail(err: unknown): void {
    (isStoreUnavailable(err) ? this.o.log.warn : this.o.log.error)('verslag: storage failed', {
      meetingId: this.o.meetingId,
      err: err instanceof Error ? err.message : String(err),
    });
    this.close(COLLAB_CLOSE.serverError, 'storage failed');
  }

  // --- unloading -------------------------------------------------------------------------------

  /** Stores what is pending, compacts, and lets go of everything (after the last one left). */
  async unload(): Promise<void> {
    await this.flush();
    await this.compact().catch((err: unknown) => this.fail(err));
    this.close(COLLAB_CLOSE.unloaded, 'unloaded');
  }

  /** Closes every connection with `code` and frees the document. Nothing is stored after this. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.peers.closeAll(code, reason);
    this.presence.destroy();
    this.log.close();
    this.o.onClosed(this);
  }
}
