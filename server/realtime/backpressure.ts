import { type CommandName, commandsWhere } from '../../shared/protocol/commands';
import type { Logger } from '../log';
import { SendBudget } from '../security/sendBudget';
import type { AppSocket } from './types';

/**
 * [ABUSE8] Commands whose answer can be large (`heavy` in the command table: a whole board, the
 * snapshot, a channel's chat): one at a time per connection, each after the previous answer has
 * left the server.
 */
export const HEAVY_COMMANDS: ReadonlySet<CommandName> = new Set(commandsWhere((c) => c.heavy === true));

/**
 * Heavy commands that may wait for their turn on one connection. A client syncs a few boards at
 * once after a reconnect; more than this waiting means it does not read its answers.
 */
const MAX_WAITING = 16;
/** How often a waiting heavy command looks whether the previous answer has left (ms). */
const WAIT_STEP_MS = 25;

/** The engine.io parts looked at: its write buffer events and the websocket under its transport. */
interface EnginePacket {
  data?: unknown;
}
interface RawWebSocket {
  bufferedAmount: number;
  terminate(): void;
}

const sizeOf = (data: unknown): number =>
  typeof data === 'string'
    ? data.length
    : data instanceof ArrayBuffer || ArrayBuffer.isView(data)
      ? data.byteLength
      : 0;

/**
 * [ABUSE8] What one Socket.IO connection has waiting to be sent (engine.io's write buffer plus the
 * websocket's), the size of each answer (for the command limiter), and the turn of heavy commands.
 * A connection with more than `limit` bytes waiting besides one large answer is dropped: every
 * packet (answers and broadcasts alike) is counted as it is queued, so a slow socket can never make
 * the server buffer more than that for it.
 */
export class Outflow {
  readonly budget: SendBudget;
  private inEngine = 0;
  private bigAnswer = false;
  private lane: Promise<void> = Promise.resolve();
  private waiting = 0;
  private gone = false;
  private dropping = false;

  /**
   * @param limit bytes that may wait to be sent besides one large answer
   * @param debtMs how long until this connection's answer budget allows the next large answer
   */
  constructor(
    private readonly socket: AppSocket,
    limit: number,
    private readonly log: Logger,
    private readonly debtMs: () => number,
  ) {
    const conn = socket.conn;
    this.budget = new SendBudget(() => this.inEngine + (this.ws()?.bufferedAmount ?? 0), limit);
    conn.on('packetCreate', (packet: EnginePacket) => {
      const bytes = sizeOf(packet.data);
      this.inEngine += bytes;
      this.budget.add(bytes, this.bigAnswer);
      if (!this.bigAnswer && this.budget.over()) this.drop();
    });
    // engine.io hands its whole write buffer to the transport at once.
    conn.on('flush', () => {
      this.inEngine = 0;
    });
    socket.on('disconnect', () => {
      this.gone = true;
    });
  }

  /** The websocket under the engine.io transport (none while long-polling). */
  private ws(): RawWebSocket | undefined {
    const t = this.socket.conn.transport as unknown as { name: string; socket?: RawWebSocket };
    return t.name === 'websocket' ? t.socket : undefined;
  }

  /**
   * Sends one answer through `send` and returns its size in bytes; a `big` one may pass the limit
   * on its own (it is what the next heavy command waits for).
   */
  answer(big: boolean, send: () => void): number {
    const before = this.budget.total;
    this.bigAnswer = big;
    try {
      send();
    } finally {
      this.bigAnswer = false;
    }
    if (this.budget.over()) this.drop();
    return this.budget.total - before;
  }

  /**
   * Runs a heavy command in its turn: after the heavy commands before it, once their answers have
   * left the server and the answer budget is paid back. 'busy' (not run) when too many already
   * wait: the client does not read its answers.
   */
  async turn<T>(job: () => Promise<T>): Promise<T | 'busy'> {
    if (this.waiting >= MAX_WAITING) return 'busy';
    this.waiting++;
    const previous = this.lane;
    let release = () => {};
    this.lane = new Promise((resolve) => {
      release = resolve;
    });
    try {
      await previous;
      for (;;) {
        if (this.gone) break;
        const wait = this.budget.bigLeft() > 0 ? WAIT_STEP_MS : this.debtMs();
        if (wait === 0) break;
        await new Promise((r) => setTimeout(r, wait));
      }
      this.waiting--;
      return this.gone ? 'busy' : await job();
    } finally {
      release();
    }
  }

  /** Closes the connection at once (a close handshake would wait behind the full buffer). */
  private drop(): void {
    if (this.dropping) return;
    this.dropping = true;
    const { meetingId, role } = this.socket.data;
    this.log.info('live connection dropped: it does not read what is sent to it', {
      meetingId,
      role,
      waitingBytes: this.inEngine + (this.ws()?.bufferedAmount ?? 0),
    });
    // Not from inside engine.io's send path: the packet being queued is pushed after this event.
    // Discarded, not closed politely: a polite close waits until the write buffer has drained.
    setImmediate(() => {
      this.ws()?.terminate();
      this.socket.conn.close(true);
    });
  }
}

const flows = new WeakMap<AppSocket, Outflow>();

/** Starts counting what a new connection has waiting to be sent. */
export function watchOutflow(socket: AppSocket, limit: number, log: Logger, debtMs: () => number): Outflow {
  const flow = new Outflow(socket, limit, log, debtMs);
  flows.set(socket, flow);
  return flow;
}

/** The outflow of a connection (made on connection, before any command is registered). */
export function outflowOf(socket: AppSocket): Outflow | undefined {
  return flows.get(socket);
}
