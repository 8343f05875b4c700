import { io, type Socket } from 'socket.io-client';
import type { Snapshot } from '../shared/domain/types';
import type { Ack } from '../shared/protocol/ack';
import type { AckData, ClientToServerEvents, CommandName, PayloadOf } from '../shared/protocol/commands';
import type { ServerToClientEvents } from '../shared/protocol/events';

export type AppClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnStatus = 'connecting' | 'online' | 'offline' | 'refused';

interface Pending {
  event: CommandName;
  payload: unknown;
  resolve(r: Ack<unknown>): void;
}

export interface ConnectionHooks {
  onStatus(status: ConnStatus, queued: number): void;
  /** Called after every (re)connect, before queued commands are resent. */
  onConnect(conn: Connection): Promise<void>;
  /** The server refused us for good (wrong token, meeting gone). */
  onRefused(reason: string): void;
}

/** How long the app waits for an ack before it sends the command again (same id). */
export const ACK_TIMEOUT_MS = 10_000;

/**
 * One Socket.IO connection with an outbox. Commands wait in order while offline and are resent
 * after a reconnect; every command carries a client-made id, so a resend is applied once.
 * Reconnects back off exponentially with jitter (Socket.IO's randomizationFactor), so hundreds of
 * clients do not return at the same instant after a server restart.
 */
/** How long the outbox waits before sending a command again that the server could not store. */
export const STORE_RETRY_MS = 2000;
/** The longest pause between two tries to connect. */
const RECONNECT_MAX_MS = 15_000;

export class Connection {
  readonly socket: AppClientSocket;
  private readonly outbox: Pending[] = [];
  private flushing = false;
  private status: ConnStatus = 'connecting';
  private closed = false;
  /** Refusals in a row (for the pause before connecting again), and the pending try. */
  private turnedDown = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;

  constructor(
    auth: { code: string; token?: string; sync?: boolean },
    private readonly hooks: ConnectionHooks,
    /** The server's address; the page's own origin when left out (tests in Node pass one). */
    url?: string,
  ) {
    const options = {
      auth,
      reconnectionDelay: 1000,
      reconnectionDelayMax: RECONNECT_MAX_MS,
      randomizationFactor: 0.5,
      timeout: 10_000,
    };
    // WebSocket first: behind a load balancer it needs no sticky sessions (docs/DEPLOY.md); long
    // polling only where a proxy blocks WebSockets (the balancer keeps those on one node by cookie).
    this.socket = url
      ? io(url, { ...options, forceNew: true, transports: ['websocket'] })
      : io({ ...options, transports: ['websocket', 'polling'], tryAllTransports: true });
    this.socket.on('connect', () => {
      this.turnedDown = 0;
      this.setStatus('connecting');
      this.hooks
        .onConnect(this)
        .then(() => {
          this.setStatus('online');
          void this.flush();
        })
        .catch(() => this.setStatus('offline'));
    });
    this.socket.on('disconnect', () => this.setStatus('offline'));
    this.socket.on('connect_error', (err) => {
      if (err.message === 'unauthorized' || err.message === 'not_found') {
        this.socket.disconnect();
        this.setStatus('refused');
        this.hooks.onRefused(err.message);
      } else {
        this.setStatus('offline');
        // [DEPLOY3] Turned down by the server for now (its storage away: `unavailable`; too many
        // at once: `rate_limited`). Socket.IO tries again by itself after a network failure, but
        // not after the server's own refusal (the socket is then no longer `active`): we do.
        if (!this.socket.active) this.connectLater();
      }
    });
  }

  /** Connects again after a refusal that may pass: after 1 s, then each time a little longer. */
  private connectLater() {
    if (this.closed || this.retry) return;
    const delay = Math.min(RECONNECT_MAX_MS, 1000 * 1.5 ** this.turnedDown++) * (0.5 + Math.random());
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.closed && !this.socket.connected) this.socket.connect();
    }, delay);
  }

  get queued(): number {
    return this.outbox.length;
  }

  private setStatus(status: ConnStatus) {
    this.status = status;
    this.hooks.onStatus(status, this.outbox.length);
  }

  /** Sends a command now, or as soon as the connection is back. Resolves with the server's ack. */
  send<E extends CommandName>(event: E, payload: PayloadOf<E>): Promise<Ack<AckData<E>>> {
    return new Promise((resolve) => {
      this.outbox.push({ event, payload, resolve: resolve as (r: Ack<unknown>) => void });
      this.hooks.onStatus(this.status, this.outbox.length);
      void this.flush();
    });
  }

  /**
   * [PERF3] The snapshot the server sends by itself right after connecting (`auth.sync`); null when
   * none came within `ms` or the connection dropped first. Call it in `onConnect`, before awaiting.
   */
  pushedSnapshot(ms = ACK_TIMEOUT_MS): Promise<Ack<Snapshot> | null> {
    return new Promise((resolve) => {
      const finish = (r: Ack<Snapshot> | null) => {
        clearTimeout(timer);
        this.socket.off('session:snapshot', onSnapshot);
        this.socket.off('disconnect', onGone);
        resolve(r);
      };
      const onSnapshot = (r: Ack<Snapshot>) => finish(r);
      const onGone = () => finish(null);
      const timer = setTimeout(() => finish(null), ms);
      this.socket.on('session:snapshot', onSnapshot);
      this.socket.on('disconnect', onGone);
    });
  }

  /** A command that is answered directly and never queued (reads such as `session:sync`). */
  async request<E extends CommandName>(event: E, payload: PayloadOf<E>): Promise<Ack<AckData<E>>> {
    const s = this.socket as unknown as Socket;
    return (await s.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<AckData<E>>;
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.outbox.length > 0 && this.status === 'online' && this.socket.connected) {
        const next = this.outbox[0]!;
        let ack: Ack<unknown>;
        try {
          ack = await this.request(next.event, next.payload as never);
        } catch {
          // No ack in time: keep it queued; it is resent (same id) once the connection is back.
          if (this.socket.connected) continue;
          break;
        }
        if (!ack.ok && ack.error === 'unavailable') {
          // [DEPLOY3] The server's storage is briefly away: nothing was stored. Keep the command
          // (and those after it, in order) and send it again, with the same id, a little later.
          await new Promise((r) => setTimeout(r, STORE_RETRY_MS));
          continue;
        }
        this.outbox.shift();
        this.hooks.onStatus(this.status, this.outbox.length);
        next.resolve(ack);
      }
    } finally {
      this.flushing = false;
    }
  }

  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }
}
