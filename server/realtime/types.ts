import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents } from '../../shared/protocol/commands';
import type { ServerToClientEvents } from '../../shared/protocol/events';
import type { Session } from '../meetings/meetings';

/** What the auth middleware puts on every socket: the server's own idea of who this is. */
export type SocketData = Session;

/** What one node tells the others (through the Redis adapter; nothing with one node). */
export interface InterServerEvents {
  /** A meeting was deleted: every node closes its verslag connections and forgets it. */
  'meeting:deleted': (meetingId: string) => void;
}

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
