import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { COLLAB_CLOSE } from '../../shared/protocol/collab';
import type { DocBlock } from '../../shared/report/document';
import { appendBlocks, reportFragment } from '../../shared/report/ydoc';
import type { Logger } from '../log';
import type { Store } from '../storage/store';
import { isStoreUnavailable } from '../storage/unavailable';
import { compactReport } from './compaction';
import type { ConnFlow } from './flow';
import { Conn, type Peer } from './peer';
import { Peers } from './peers';
import { Presence } from './presence';
import { BadMessage, decodeMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol';
import type { Relay, RelayMessage, Subscription } from './relay';

/** Transaction origins the room makes itself. */
const LOADED = Symbol('loaded');
/** Already stored: the template this room wrote, or an update another room stored and relayed. */
const STORED = Symbol('stored');

export interface RoomOptions {
  meetingId: string;
  store: Store;
  log: Logger;
  /** How long updates are gathered before one write and one broadcast (ms). */
  batchMs: number;
  /** Stored rows after which the log is compacted into one. */
  compactEvery: number;
  /** The template, built when the first editor opens an empty verslag. */
  template: () => Promise<DocBlock[]>;
  /** The other rooms of this meeting (on other nodes). */
  relay: Relay;
  /** This room's name on the relay: `<node>/<room>`. */
  origin: string;
  /** The last connection left: the server unloads the room after a grace period. */
  onEmpty: (room: Room) => void;
  /** The room closed (unloaded, failed, or its meeting was deleted): the server forgets it. */
  onClosed: (room: Room) => void;
}

interface Pending {
  update: Uint8Array;
  origin: Conn | null;
  stored: boolean;
}

/**
 * [REPORT1–REPORT4][REPORT9] One meeting's verslag on the server: its Y.Doc (loaded from storage
 * before any message is answered), the editors' awareness, and its peers, whatever carries them.
 *
 * Writes: an editor's update is applied, gathered for `batchMs`, merged, stored (one row, awaited),
 * and only then sent to the room's peers (one message each) and published on the relay. An update
 * another room relays is stored already: it is applied and sent on, never stored again. Read-only
 * peers (participants, observers) get the document and its updates, but their updates and
 * awareness are dropped, and they receive no awareness (viewers must not make joins quadratic).
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly ready: Promise<void>;
  closed = false;
  private readonly peers: Peers;
  private readonly presence: Presence;
  private readonly subscription: Subscription;
  private chain: Promise<void> = Promise.resolve();
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  /**
   * The whole document as every new client gets it (its state vector is empty): encoded once per
   * document version, not once per connection, so hundreds opening the verslag at once cost one.
   */
  private cachedFullStep2: Uint8Array | null = null;
  /** Rows stored for this meeting as far as this room knows (loaded, appended, compacted). */
  private rows = 0;
  private templated: Promise<void> | null = null;

  constructor(private readonly o: RoomOptions) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.cachedFullStep2 = null;
      this.onUpdate(update, origin);
    });
    // Hear the other rooms first, then read the log: nothing falls between the two.
    this.subscription = o.relay.subscribe(o.meetingId, o.origin, (m) => this.onRelayed(m));
    this.ready = this.subscription.ready.then(() => this.load());
    this.peers = new Peers({
      meetingId: o.meetingId,
      log: o.log,
      ready: this.ready,
      left: (c) => this.left(c),
    });
    this.presence = new Presence(this.doc, this.peers, (update) =>
      this.publish({ type: 'awareness', origin: o.origin, update }),
    );
    this.ready.catch((err: unknown) => this.fail(err));
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

  private async load(): Promise<void> {
    const { updates } = await this.o.store.reports.load(this.o.meetingId);
    this.doc.transact(() => {
      for (const u of updates) Y.applyUpdate(this.doc, u);
    }, LOADED);
    this.rows = updates.length;
  }

  // --- peers -----------------------------------------------------------------------------------

  /** A peer joins; an editor is asked for what it has and we lack, and gets the others' presence. */
  join(peer: Peer, flow: ConnFlow | null = null): Conn {
    const conn = this.peers.add(peer, flow);
    this.peers.enqueue(conn, async () => {
      if (!conn.canWrite) return;
      await this.ensureTemplate();
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

  /** [REPORT3] The template, written once, when the first editor opens a verslag with nothing stored. */
  private ensureTemplate(): Promise<void> {
    this.templated ??= (async () => {
      await this.flush();
      if (this.rows > 0 || reportFragment(this.doc).length > 0) return;
      const scratch = new Y.Doc();
      appendBlocks(scratch, await this.o.template());
      const update = Y.encodeStateAsUpdate(scratch);
      scratch.destroy();
      const id = await this.o.store.reports.initialise(this.o.meetingId, update);
      if (id !== null) {
        this.rows += 1;
        this.publish({ type: 'update', origin: this.o.origin, id, update });
        Y.applyUpdate(this.doc, update, STORED);
        return;
      }
      // Another server stored a first version in the meantime: take that one instead.
      const stored = await this.o.store.reports.load(this.o.meetingId);
      this.doc.transact(() => {
        for (const u of stored.updates) Y.applyUpdate(this.doc, u);
      }, STORED);
      this.rows = stored.updates.length;
    })();
    this.templated.catch(() => {
      this.templated = null;
    });
    return this.templated;
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === LOADED || this.closed) return;
    this.pending.push({
      update,
      origin: origin instanceof Conn ? origin : null,
      stored: origin === STORED,
    });
    this.timer ??= setTimeout(() => void this.flush(), this.o.batchMs);
  }

  /**
   * Stores what was gathered (one merged row), then sends it to the peers (one merged message) and
   * publishes it on the relay, then compacts when the log has grown. Resolves once everything
   * applied so far is stored.
   */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return this.chain;
    this.chain = this.chain
      .then(async () => {
        if (this.closed) return;
        const toStore = batch.filter((b) => !b.stored).map((b) => b.update);
        let stored: RelayMessage | null = null;
        if (toStore.length > 0) {
          const merged = toStore.length === 1 ? toStore[0]! : Y.mergeUpdates(toStore);
          const id = await this.o.store.reports.append(this.o.meetingId, merged);
          this.rows += 1;
          stored = { type: 'update', origin: this.o.origin, id, update: merged };
        }
        if (this.closed) return;
        const all = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update));
        const origins = new Set(batch.map((b) => b.origin));
        const only = origins.size === 1 ? [...origins][0] : null;
        this.peers.broadcast(encodeUpdate(all), (conn) => conn !== only);
        if (stored) this.publish(stored);
        if (this.rows >= this.o.compactEvery) await this.compact();
      })
      .catch((err: unknown) => this.fail(err));
    return this.chain;
  }

  /** [REPORT9] The stored rows replaced by one update holding them all (see `compactReport`). */
  async compact(): Promise<void> {
    if (this.closed || this.rows <= 1) return;
    await compactReport(this.o.store.reports, this.o.meetingId);
    this.rows = 1;
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

  // --- the other rooms of this meeting ---------------------------------------------------------

  private publish(message: RelayMessage): void {
    this.o.relay.publish(this.o.meetingId, message).catch((err: unknown) =>
      this.o.log.warn('verslag: relay failed', {
        meetingId: this.o.meetingId,
        err: err instanceof Error ? err.message : String(err),
      }),
    );
  }

  /** What another room published: applied here (after loading) and sent on to this room's peers. */
  private onRelayed(message: RelayMessage): void {
    this.ready.then(
      () => {
        if (this.closed) return;
        try {
          if (message.type === 'update') Y.applyUpdate(this.doc, message.update, STORED);
          else if (message.type === 'awareness') this.presence.applyRelayed(message.update);
          else void this.catchUp();
        } catch (err) {
          this.o.log.warn('verslag: unreadable relayed message', {
            meetingId: this.o.meetingId,
            err: err instanceof Error ? err.message : String(err),
          });
        }
      },
      () => {},
    );
  }

  /** [REPORT9] After a gap in the relay: every stored update again (what is known changes nothing). */
  private async catchUp(): Promise<void> {
    try {
      const { updates } = await this.o.store.reports.load(this.o.meetingId);
      if (this.closed) return;
      for (const u of updates) Y.applyUpdate(this.doc, u, STORED);
    } catch (err) {
      this.o.log.warn('verslag: catching up failed', {
        meetingId: this.o.meetingId,
        err: err instanceof Error ? err.message : String(err),
      });
    }
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
    if (this.timer) clearTimeout(this.timer);
    this.subscription.stop();
    this.peers.closeAll(code, reason);
    this.presence.destroy();
    this.doc.destroy();
    this.o.onClosed(this);
  }
}
