import * as Y from 'yjs';
import type { DocBlock } from '../../shared/report/document';
import { appendBlocks, reportFragment } from '../../shared/report/ydoc';
import type { Logger } from '../log';
import type { Store } from '../storage/store';
import { compactReport } from './compaction';
import { Conn } from './peer';
import type { Relay, RelayMessage, Subscription } from './relay';

/** Transaction origins the log makes itself. */
const LOADED = Symbol('loaded');
/** Already stored: the template this log wrote, or an update another node stored and relayed. */
const STORED = Symbol('stored');

export interface ReportLogOptions {
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
  /**
   * A batch is stored (or was stored by another node): to this node's peers, one merged update.
   * `only` is the one peer every update of the batch came from (it has them), or null.
   */
  deliver: (update: Uint8Array, only: Conn | null) => void;
  /** Editors' presence another node relayed. */
  relayedAwareness: (update: Uint8Array) => void;
  /** Storing failed: what is applied in memory is not on disk. */
  fail: (err: unknown) => void;
}

interface Pending {
  update: Uint8Array;
  origin: Conn | null;
  stored: boolean;
}

/**
 * [REPORT1][REPORT9] A verslag's document and its stored log: loaded before anything is answered,
 * every change gathered for `batchMs`, merged, stored (one row, awaited), and only then delivered to
 * this node's peers and published to the other nodes. An update another node relays is stored
 * already: it is applied and delivered, never stored again. Compaction after `compactEvery` rows.
 */
export class ReportLog {
  readonly doc = new Y.Doc();
  readonly ready: Promise<void>;
  private closed = false;
  private readonly subscription: Subscription;
  private chain: Promise<void> = Promise.resolve();
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** Rows stored for this meeting as far as this log knows (loaded, appended, compacted). */
  private rows = 0;
  private templated: Promise<void> | null = null;

  constructor(private readonly o: ReportLogOptions) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    // Hear the other rooms first, then read the log: nothing falls between the two.
    this.subscription = o.relay.subscribe(o.meetingId, o.origin, (m) => this.onRelayed(m));
    this.ready = this.subscription.ready.then(() => this.load());
  }

  private async load(): Promise<void> {
    this.rows = await this.readStored(LOADED);
  }

  /** Every stored row, applied in one transaction (what is known changes nothing): how many rows. */
  private async readStored(origin: symbol): Promise<number> {
    const { updates } = await this.o.store.reports.load(this.o.meetingId);
    if (this.closed) return updates.length;
    this.doc.transact(() => {
      for (const u of updates) Y.applyUpdate(this.doc, u);
    }, origin);
    return updates.length;
  }

  /** [REPORT3] The template, written once, when the first editor opens a verslag with nothing stored. */
  ensureTemplate(): Promise<void> {
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
      this.rows = await this.readStored(STORED);
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
   * Stores what was gathered (one merged row), then delivers it to the peers (one merged message)
   * and publishes it on the relay, then compacts when the log has grown. Resolves once everything
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
        this.o.deliver(all, origins.size === 1 ? [...origins][0]! : null);
        if (stored) this.publish(stored);
        if (this.rows >= this.o.compactEvery) await this.compact();
      })
      .catch((err: unknown) => this.o.fail(err));
    return this.chain;
  }

  /** [REPORT9] The stored rows replaced by one update holding them all (see `compactReport`). */
  async compact(): Promise<void> {
    if (this.closed || this.rows <= 1) return;
    await compactReport(this.o.store.reports, this.o.meetingId);
    this.rows = 1;
  }

  /** This node's editors' presence, to the other nodes. */
  publishAwareness(update: Uint8Array): void {
    this.publish({ type: 'awareness', origin: this.o.origin, update });
  }

  private publish(message: RelayMessage): void {
    this.o.relay.publish(this.o.meetingId, message).catch((err: unknown) =>
      this.o.log.warn('verslag: relay failed', {
        meetingId: this.o.meetingId,
        err: err instanceof Error ? err.message : String(err),
      }),
    );
  }

  /** What another node published: applied here (after loading) and delivered to this node's peers. */
  private onRelayed(message: RelayMessage): void {
    this.ready.then(
      () => {
        if (this.closed) return;
        try {
          if (message.type === 'update') Y.applyUpdate(this.doc, message.update, STORED);
          else if (message.type === 'awareness') this.o.relayedAwareness(message.update);
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
      await this.readStored(STORED);
    } catch (err) {
      this.o.log.warn('verslag: catching up failed', {
        meetingId: this.o.meetingId,
        err: err instanceof Error ? err.message : String(err),
      });
    }
  }

  /** Stops gathering, storing and hearing the relay, and frees the document. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.subscription.stop();
    this.doc.destroy();
  }
}
