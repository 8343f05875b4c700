import type { WebSocket } from 'ws';
import { COLLAB_CLOSE } from '../../shared/protocol/collab';
import type { ConnFlow } from './flow';
import type { Conn, Peer, PeerRole } from './peer';
import type { Room } from './room';

/** A `ws` WebSocket as a verslag peer. */
export class WsPeer implements Peer {
  private alive = true;

  constructor(
    readonly ws: WebSocket,
    readonly role: PeerRole,
  ) {
    ws.on('pong', () => {
      this.alive = true;
    });
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  get paused(): boolean {
    return this.ws.isPaused;
  }

  pause(): void {
    this.ws.pause();
  }

  resume(): void {
    this.ws.resume();
  }

  send(message: Uint8Array): boolean {
    if (this.ws.readyState !== this.ws.OPEN) return false;
    this.ws.send(message, (err) => {
      if (err) this.ws.terminate();
    });
    return true;
  }

  close(code: number, reason: string): void {
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
  }

  terminate(): void {
    this.ws.terminate();
  }

  ping(): boolean {
    if (!this.alive) return false;
    this.alive = false;
    this.ws.ping();
    return true;
  }
}

/**
 * Joins an open websocket to a room: its binary messages go to the room (a text message closes it),
 * and its close leaves the room. `flow` makes the budgets of the new peer, if any.
 */
export function joinWs(
  room: Room,
  ws: WebSocket,
  role: PeerRole,
  flow: (peer: Peer) => ConnFlow | null,
): Conn {
  const peer = new WsPeer(ws, role);
  const conn = room.join(peer, flow(peer));
  ws.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
    if (!isBinary) return room.drop(conn, COLLAB_CLOSE.badMessage, 'binary messages only');
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    room.receive(conn, new Uint8Array(bytes));
  });
  ws.on('close', () => room.leave(conn));
  return conn;
}
