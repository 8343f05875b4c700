import { COLLAB_CLOSE } from '../../shared/protocol/collab';
import type { Logger } from '../log';
import { CLOSE_REASONS } from '../security/refusals';
import type { ConnFlow } from './flow';
import { Conn, type Peer } from './peer';
import { BadMessage } from './protocol';

export interface PeersOptions {
  meetingId: string;
  log: Logger;
  /** Messages are handled only after this (the room's document loaded). */
  ready: Promise<void>;
  /** A connection left (closed, dropped or timed out); called once per connection. */
  left: (conn: Conn) => void;
}

/**
 * The connections of one verslag room: each one's message queue, what is sent to it (and closing
 * it when it does not read, ABUSE8), liveness, and closing them all.
 */
export class Peers {
  private readonly set = new Set<Conn>();
  private closed = false;

  constructor(private readonly o: PeersOptions) {}

  get conns(): ReadonlySet<Conn> {
    return this.set;
  }

  add(peer: Peer, flow: ConnFlow | null): Conn {
    const conn = new Conn(peer, flow);
    this.set.add(conn);
    return conn;
  }

  /** Runs `job` for a connection after its earlier messages, once the room is loaded and while it is in. */
  enqueue(conn: Conn, job: () => Promise<void> | void): void {
    conn.queue = conn.queue
      .then(async () => {
        await this.o.ready;
        if (this.closed || !this.set.has(conn)) return;
        await job();
      })
      .catch((err: unknown) => {
        if (err instanceof BadMessage) {
          this.o.log.warn('verslag: bad message', { meetingId: this.o.meetingId, err: err.message });
          this.drop(conn, COLLAB_CLOSE.badMessage, 'bad message');
        } else {
          this.o.log.error('verslag: connection failed', {
            meetingId: this.o.meetingId,
            err: err instanceof Error ? err.message : String(err),
          });
          this.drop(conn, COLLAB_CLOSE.serverError, 'server error');
        }
      });
  }

  leave(conn: Conn): void {
    if (!this.set.delete(conn)) return;
    conn.flow?.close();
    this.o.left(conn);
  }

  drop(conn: Conn, code: number, reason: string): void {
    conn.peer.close(code, reason);
    this.leave(conn);
  }

  /** Sends one message; `whole`: the document's state, which may pass the send limit on its own. */
  send(conn: Conn, message: Uint8Array, whole = false): void {
    if (!conn.peer.send(message)) return;
    conn.flow?.out.add(message.length, whole);
    // [ABUSE8] A connection that does not read is closed (it reconnects and syncs), never buffered.
    if (!whole && conn.flow?.out.over()) {
      this.o.log.info('verslag: connection closed, it does not read', { meetingId: this.o.meetingId });
      this.drop(conn, COLLAB_CLOSE.tooSlow, CLOSE_REASONS.tooSlow);
      // The close frame waits behind everything unsent: let go of it all at once.
      setTimeout(() => conn.peer.terminate(), 1000).unref();
    }
  }

  /** Sends `message` to every connection `to` accepts. */
  broadcast(message: Uint8Array, to: (conn: Conn) => boolean): void {
    for (const conn of this.set) if (to(conn)) this.send(conn, message);
  }

  /** Checks every connection; one that did not answer the previous check is ended. */
  heartbeat(keepalive: Uint8Array): void {
    for (const conn of [...this.set]) {
      if (!conn.peer.ping()) {
        conn.peer.terminate();
        this.leave(conn);
        continue;
      }
      this.send(conn, keepalive);
    }
  }

  /** Closes every connection with `code`; nothing is handled after this. */
  closeAll(code: number, reason: string): void {
    this.closed = true;
    for (const conn of [...this.set]) {
      conn.peer.close(code, reason);
      conn.flow?.close();
    }
    this.set.clear();
  }
}
