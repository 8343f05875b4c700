import type http from 'node:http';
import { Server } from 'socket.io';
import type { Snapshot } from '../../shared/domain/types';
import type { Ack } from '../../shared/protocol/ack';
import { HandshakeAuth } from '../../shared/protocol/schemas/meeting';
import type { Config } from '../config';
import type { AppContext } from '../context';
import { clientIp, originAllowed } from '../security/origin';
import { isStoreUnavailable } from '../storage/unavailable';
import { watchOutflow } from './backpressure';
import { invoke } from './handle';
import { registerActivity } from './handlers/activity';
import { registerAgenda } from './handlers/agenda';
import { registerBoard } from './handlers/board';
import { registerBreakout } from './handlers/breakout';
import { registerChat } from './handlers/chat';
import { registerFlow } from './handlers/flow';
import { registerMeeting } from './handlers/meeting';
import { registerSession } from './handlers/session';
import { registerTimer } from './handlers/timer';
import { registerWords } from './handlers/words';
import { rooms } from './rooms';
import type { AppServer, AppSocket } from './types';

/**
 * Largest Socket.IO message accepted (bytes); a bigger one closes the connection. Set above the
 * largest field cap times a margin, so an over-long text gets a clear `invalid_payload` ack
 * instead of a dropped connection.
 */
export const MAX_SOCKET_MESSAGE = 2 * 1024 * 1024;

export function createIo(httpServer: http.Server, config: Config): AppServer {
  return new Server(httpServer, {
    allowRequest: (req, callback) => {
      const ok = originAllowed(req, config.allowedOrigins, config.trustProxy);
      callback(ok ? null : 'origin not allowed', ok);
    },
    // Other upgrades (the verslag's /yjs endpoint) share this HTTP server: engine.io must not kill them.
    destroyUpgrade: false,
    maxHttpBufferSize: MAX_SOCKET_MESSAGE,
    serveClient: false,
    cors: undefined,
  });
}

/** The handler files, one per area of the product. A new area registers here. */
const AREAS = [
  registerSession,
  registerMeeting,
  registerAgenda,
  registerActivity,
  registerFlow,
  registerTimer,
  registerChat,
  registerWords,
  registerBreakout,
  registerBoard,
];

export function setupRealtime(ctx: AppContext): void {
  const { io } = ctx;

  // [MEET3] The role comes from a token the server issued; it is put on socket.data and never read
  // from a payload again.
  io.use(async (socket, next) => {
    const ip = clientIp(socket.request, ctx.config.trustProxy);
    if (!ctx.limiters.connect.take(ip) || !ctx.limiters.codeMiss.peek(ip)) {
      return next(new Error('rate_limited'));
    }
    const auth = HandshakeAuth.safeParse(socket.handshake.auth);
    if (!auth.success) return next(new Error('unauthorized'));
    try {
      const meeting = await ctx.meetings.byCode(auth.data.code);
      if (!meeting) {
        ctx.limiters.codeMiss.take(ip);
        return next(new Error('not_found'));
      }
      const session = await ctx.meetings.resolve(meeting, auth.data.token);
      if (!session) return next(new Error('unauthorized'));
      socket.data = session;
      next();
    } catch (err) {
      // [DEPLOY3] The store is away: turned down for now with `unavailable` (the app tries again).
      if (isStoreUnavailable(err)) {
        ctx.log.warn('connection refused: store unavailable');
        return next(new Error('unavailable'));
      }
      ctx.log.error('auth failed', { err: err instanceof Error ? err.message : String(err) });
      next(new Error('internal'));
    }
  });

  io.on('meeting:deleted', (meetingId) => forgetMeetingHere(ctx, meetingId));
  // [MEET7][PRIV3] A meeting deleted (by its facilitator, or expired): its connections close.
  ctx.meetings.onDeleted((meetingId) => closeMeetingSockets(ctx, meetingId));

  io.on('connection', (socket: AppSocket) => {
    const s = socket.data;
    const joined = [rooms.meeting(s.meetingId)];
    if (s.role === 'facilitator' || s.role === 'secretary') joined.push(rooms.staff(s.meetingId));
    if (s.role === 'observer') joined.push(rooms.observers(s.meetingId));
    if (s.participantId) joined.push(rooms.participants(s.meetingId), rooms.participant(s.participantId));
    void socket.join(joined);
    // [ABUSE8] Before any command: counts what waits to be sent, drops the socket past the limit.
    watchOutflow(socket, ctx.config.sendBufferMaxBytes, ctx.log, () =>
      ctx.limiters.answers.debtMs(socket.id),
    );
    for (const register of AREAS) register(ctx, socket);
    // [PERF3] The snapshot as if the client had asked (same limits and turns), one round trip
    // sooner: on a slow phone network that is 150 ms off every (re)connect.
    if ((socket.handshake.auth as { sync?: unknown }).sync === true)
      invoke(socket, 'session:sync', undefined, (r) => socket.emit('session:snapshot', r as Ack<Snapshot>));
    socket.on('disconnect', () => {
      ctx.limiters.commands.forget(socket.id);
      ctx.limiters.answers.forget(socket.id);
    });
    if (s.participantId) {
      // [MEET5] Counted on every node before anyone is told (presence.ts).
      const p = s.participantId;
      const told = ctx.cluster.presence
        .connected(s.meetingId, p)
        .then(() => ctx.publish.presence(s.meetingId));
      socket.on('disconnect', () => {
        void told
          .then(() => ctx.cluster.presence.disconnected(s.meetingId, p))
          .then(() => ctx.publish.presence(s.meetingId));
      });
    }
  });
}

/** Disconnects every socket of a meeting, the verslag's too (after it was deleted). */
export function closeMeetingSockets(ctx: AppContext, meetingId: string): void {
  forgetMeetingHere(ctx, meetingId);
  // Socket.IO connections on every node (the adapter carries these); the other nodes' verslag
  // connections and memory through the inter-node event.
  ctx.io.to(rooms.meeting(meetingId)).emit('meeting:deleted', { id: meetingId });
  ctx.io.in(rooms.meeting(meetingId)).disconnectSockets(true);
  if (ctx.cluster.adapter) ctx.io.serverSideEmit('meeting:deleted', meetingId);
}

/** What this node holds of a deleted meeting: its verslag connections and cached broadcasts. */
function forgetMeetingHere(ctx: AppContext, meetingId: string): void {
  ctx.collab.closeMeeting(meetingId);
  ctx.publish.forget(meetingId);
}
