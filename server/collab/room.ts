import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocBlock } from '../../shared/report/document';
import { appendBlocks, reportFragment } from '../../shared/report/ydoc';
import type { Logger } from '../log';
import { CLOSE_REASONS } from '../security/refusals';
import type { Store } from '../storage/store';
import type { ConnFlow } from './flow';
import {
  BadMessage,
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './protocol';

/** Transaction origins the room makes itself. */
const LOADED = Symbol('loaded');
const STORED = Symbol('stored');

/** One websocket in a room. */
export class Conn {
  /** Awareness client ids this connection published (removed when it leaves). */
  readonly awarenessIds = new Set<number>();
  /** Messages are handled one after another, after the room has loaded. */
  queue: Promise<void> = Promise.resolve();
  alive = true;
  /** Updates from a read-only connection that were refused (REPORT2), for tests and logs. */
  refused = 0;
  /** [ABUSE7] This connection's sync step 1 was answered (a reader's is answered once). */
  answered = false;
  constructor(
    readonly ws: WebSocket,
    readonly canWrite: boolean,
    /** [ABUSE7] Its budgets in and out; none in tests that make rooms by hand. */
    readonly flow: ConnFlow | null = null,
  ) {}
}

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
 * before any message is answered), the editors' awareness, and every connection.
 *
 * Writes: an editor's update is applied, gathered for `batchMs`, merged, stored (one row, awaited),
 * and only then relayed to everyone in one message per connection. Read-only connections
 * (participants, observers) get the document and its updates, but their updates and awareness are
 * dropped, and they receive no awareness (viewers must not make joins quadratic).
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly conns = new Map<WebSocket, Conn>();
  readonly ready: Promise<void>;
  closed = false;
  private chain: Promise<void> = Promise.resolve();
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private lastId = 0;
  /**
   * The whole document as every new client gets it (its state vector is empty): encoded once per
   * document version, not once per connection, so hundreds opening the verslag at once cost one.
   */
  private cachedFullStep2: Uint8Array | null = null;
  private rows = 0;
  private templated: Promise<void> | null = null;

  private fullStep2(): Uint8Array {
    if (!this.cachedFullStep2) this.cachedFullStep2 = encodeSyncStep2(this.doc, new Uint8Array([0]));
    return this.cachedFullStep2;
  }

  constructor(private readonly o: RoomOptions) {
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.cachedFullStep2 = null;
      this.onUpdate(update, origin);
    });
    this.awareness.on('update', this.onAwareness);
    this.ready = this.load();
    this.ready.catch((err: unknown) => this.fail(err));
  }

  get meetingId(): string {
    return this.o.meetingId;
  }

  /** Stored update rows right now (for tests and compaction). */
  get storedRows(): number {
    return this.rows;
  }

  private async load(): Promise<void> {
    const { updates, lastId } = await this.o.store.reports.load(this.o.meetingId);
    this.doc.transact(() => {
      for (const u of updates) Y.applyUpdate(this.doc, u);
    }, LOADED);
    this.lastId = lastId;
    this.rows = updates.length;
  }

  // --- connections ---------------------------------------------------------------------------

  join(ws: WebSocket, canWrite: boolean, flow: ConnFlow | null = null): Conn {
    const conn = new Conn(ws, canWrite, flow);
    this.conns.set(ws, conn);
    ws.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
      if (!isBinary) return this.drop(conn, 4400, 'binary messages only');
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      conn.flow?.received(bytes.length);
      this.enqueue(conn, async () => {
        try {
          await this.handle(conn, new Uint8Array(bytes));
        } finally {
          conn.flow?.handled();
        }
      });
    });
    ws.on('close', () => this.leave(conn));
    ws.on('pong', () => {
      conn.alive = true;
    });
    this.enqueue(conn, async () => {
      if (canWrite) {
        await this.ensureTemplate();
        // Ask the editor for what it has and we lack (edits made offline, or lost in a restart).
        this.send(conn, encodeSyncStep1(this.doc));
        if (this.awareness.getStates().size > 0) {
          this.send(
            conn,
            encodeAwareness(
              awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]),
            ),
          );
        }
      }
    });
    return conn;
  }

  private enqueue(conn: Conn, job: () => Promise<void> | void): void {
    conn.queue = conn.queue
      .then(async () => {
        await this.ready;
        if (this.closed || !this.conns.has(conn.ws)) return;
        await job();
      })
      .catch((err: unknown) => {
        if (err instanceof BadMessage) {
          this.o.log.warn('verslag: bad message', { meetingId: this.o.meetingId, err: err.message });
          this.drop(conn, 4400, 'bad message');
        } else {
          this.o.log.error('verslag: connection failed', {
            meetingId: this.o.meetingId,
            err: err instanceof Error ? err.message : String(err),
          });
          this.drop(conn, 1011, 'server error');
        }
      });
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
          if (fresh || !conn.canWrite) return this.send(conn, this.fullStep2(), true);
          const diff = encodeSyncStep2(this.doc, msg.stateVector);
          conn.flow?.charge(diff.length);
          this.send(conn, diff, true);
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
          awarenessProtocol.applyAwarenessUpdate(this.awareness, msg.update, conn);
        } catch (err) {
          throw new BadMessage(err instanceof Error ? err.message : 'unreadable awareness');
        }
        return;
      case 'queryAwareness':
        if (conn.canWrite) {
          this.send(
            conn,
            encodeAwareness(
              awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]),
            ),
          );
        }
        return;
      case 'ignored':
        return;
    }
  }

  private leave(conn: Conn): void {
    if (!this.conns.delete(conn.ws)) return;
    conn.flow?.close();
    if (conn.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
    }
    if (this.conns.size === 0 && !this.closed) this.o.onEmpty(this);
  }

  private drop(conn: Conn, code: number, reason: string): void {
    try {
      conn.ws.close(code, reason);
    } catch {
      conn.ws.terminate();
    }
    this.leave(conn);
  }

  /** Sends one message; `whole`: the document's state, which may pass the send limit on its own. */
  send(conn: Conn, message: Uint8Array, whole = false): void {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    conn.ws.send(message, (err) => {
      if (err) conn.ws.terminate();
    });
    conn.flow?.out.add(message.length, whole);
    // [ABUSE8] A connection that does not read is closed (it reconnects and syncs), never buffered.
    if (!whole && conn.flow?.out.over()) {
      this.o.log.info('verslag: connection closed, it does not read', { meetingId: this.o.meetingId });
      this.drop(conn, 1013, CLOSE_REASONS.tooSlow);
      // The close frame waits behind everything unsent: let go of it all at once.
      setTimeout(() => conn.ws.terminate(), 1000).unref();
    }
  }

  /** Pings every connection; one that did not answer the previous ping is ended. */
  heartbeat(keepalive: Uint8Array): void {
    for (const conn of this.conns.values()) {
      if (!conn.alive) {
        conn.ws.terminate();
        this.leave(conn);
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
      this.send(conn, keepalive);
    }
  }

  // --- the document --------------------------------------------------------------------------

  /** [REPORT3] The template, written once, when the first editor opens a verslag with nothing stored. */
  private ensureTemplate(): Promise<void> {
    this.templated ??= (async () => {
      await this.flush();
      if (this.lastId > 0 || reportFragment(this.doc).length > 0) return;
      const scratch = new Y.Doc();
      appendBlocks(scratch, await this.o.template());
      const update = Y.encodeStateAsUpdate(scratch);
      scratch.destroy();
      const id = await this.o.store.reports.initialise(this.o.meetingId, update);
      if (id !== null) {
        this.lastId = id;
        this.rows += 1;
        Y.applyUpdate(this.doc, update, STORED);
        return;
      }
      // Another server stored a first version in the meantime: take that one instead.
      const stored = await this.o.store.reports.load(this.o.meetingId);
      this.doc.transact(() => {
        for (const u of stored.updates) Y.applyUpdate(this.doc, u);
      }, STORED);
      this.lastId = stored.lastId;
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
   * Stores what was gathered (one merged row), then relays it (one merged message), then compacts
   * when the log has grown. Resolves once everything applied so far is stored.
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
        if (toStore.length > 0) {
          const merged = toStore.length === 1 ? toStore[0]! : Y.mergeUpdates(toStore);
          this.lastId = await this.o.store.reports.append(this.o.meetingId, merged);
          this.rows += 1;
        }
        if (this.closed) return;
        const all = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update));
        const origins = new Set(batch.map((b) => b.origin));
        const only = origins.size === 1 ? [...origins][0] : null;
        const message = encodeUpdate(all);
        for (const conn of this.conns.values()) if (conn !== only) this.send(conn, message);
        if (this.rows >= this.o.compactEvery) await this.compact();
      })
      .catch((err: unknown) => this.fail(err));
    return this.chain;
  }

  /** [REPORT9] The stored rows replaced by one update holding the whole document. */
  async compact(): Promise<void> {
    if (this.closed || this.rows <= 1) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    this.lastId = await this.o.store.reports.compact(this.o.meetingId, state, this.lastId);
    this.rows = 1;
  }

  /**
   * Storing failed: what was applied in memory is not on disk, so nothing more may be relayed.
   * Every connection is closed (clients reconnect, and send again what the reloaded room lacks).
   */
  private fail(err: unknown): void {
    this.o.log.error('verslag: storage failed', {
      meetingId: this.o.meetingId,
      err: err instanceof Error ? err.message : String(err),
    });
    this.close(1011, 'storage failed');
  }

  private onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin instanceof Conn) {
      for (const id of added) origin.awarenessIds.add(id);
      for (const id of removed) origin.awarenessIds.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const conn of this.conns.values()) {
      if (conn.canWrite && conn !== origin) this.send(conn, message);
    }
  };

  /** Stores what is pending, compacts, and lets go of everything (after the last one left). */
  async unload(): Promise<void> {
    await this.flush();
    await this.compact().catch((err: unknown) => this.fail(err));
    this.close(1001, 'unloaded');
  }

  /** Closes every connection with `code` and frees the document. Nothing is stored after this. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const conn of [...this.conns.values()]) {
      try {
        conn.ws.close(code, reason);
      } catch {
        conn.ws.terminate();
      }
    }
    this.conns.clear();
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.doc.destroy();
    this.o.onClosed(this);
  }
}
