import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents } from '../../shared/protocol/commands';
import type { ServerToClientEvents } from '../../shared/protocol/events';
import type { Session } from '../meetings/meetings';

/** What the auth middleware puts on every socket: the server's own idea of who this is. */
export type SocketData = Session;

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
