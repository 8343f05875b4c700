import http from 'node:http';
import express from 'express';
import type { Config } from './config';
import type { AppContext } from './context';
import { apiRouter } from './http/api';
import { sendError } from './http/errors';
import { securityHeaders } from './http/security';
import { clientRouter } from './http/static';
import { createLogger, type Logger } from './log';
import { ActivityService } from './meetings/activities';
import { AgendaService } from './meetings/agenda';
import { BoardService } from './meetings/boards';
import { BreakoutService } from './meetings/breakouts';
import { MeetingService } from './meetings/meetings';
import { BoardPublisher } from './realtime/boardPublish';
import { breakoutProvider } from './realtime/breakoutKind';
import { createIo, setupRealtime } from './realtime/io';
import { Publisher } from './realtime/publish';
import type { Store } from './storage/store';

export interface AppDeps {
  config: Config;
  store: Store;
  log?: Logger;
  now?: () => number;
}

export interface App {
  httpServer: http.Server;
  ctx: AppContext;
  /** Stops accepting, closes every connection, and closes the store. */
  close(): Promise<void>;
}

/**
 * The whole server, wired but not listening: tests call `listen(0)` on it, `server/index.ts`
 * listens on the configured port.
 */
export function createApp(deps: AppDeps): App {
  const { config, store } = deps;
  const log = deps.log ?? createLogger(config.logLevel);
  const now = deps.now ?? Date.now;

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders);
  app.use('/api', express.json({ limit: '64kb' }));
  app.use('/api', apiRouter(lazyCtx()));
  app.use(clientRouter(config.clientDir));
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const e = err as { type?: string; status?: number };
    if (e.type === 'entity.too.large') return sendError(res, 'too_large', 'request body too large');
    if (e.type === 'entity.parse.failed')
      return sendError(res, 'invalid_payload', 'request body is not valid JSON');
    log.error('unhandled', { err: err instanceof Error ? err.message : String(err) });
    sendError(res, 'internal', 'something went wrong on the server');
  });

  const httpServer = http.createServer(app);
  const io = createIo(httpServer);
  const meetings = new MeetingService(store, now);
  const agenda = new AgendaService(store);
  const activities = new ActivityService(store, now);
  const publish = new Publisher(io, store, activities, log, config.broadcastDelayMs);
  // Break-outs and boards (BOARD rules).
  const breakouts = new BreakoutService(store, now, (meetingId) => publish.onlineParticipants(meetingId));
  const boards = new BoardService(store, now, breakouts);
  const boardPublish = new BoardPublisher(io, store, breakouts, activities, log, config.broadcastDelayMs);
  activities.provide('breakout', breakoutProvider(store, breakouts, boardPublish));
  const ctx: AppContext = {
    ...{ config, store, log, now, io, meetings, agenda, activities, publish },
    ...{ breakouts, boards, boardPublish },
  };
  setupRealtime(ctx);

  // The router is built before ctx exists; it reads ctx through this indirection at request time.
  function lazyCtx(): AppContext {
    return new Proxy({} as AppContext, { get: (_t, key) => ctx[key as keyof AppContext] });
  }

  return {
    httpServer,
    ctx,
    async close() {
      publish.close();
      boardPublish.close();
      // io.close() drops transports without a disconnect packet, so clients reconnect by themselves.
      await new Promise<void>((resolve) => io.close(() => resolve()));
      httpServer.closeAllConnections?.();
      await store.close();
    },
  };
}
