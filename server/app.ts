import http from 'node:http';
import express from 'express';
import { type Cluster, localCluster } from './cluster';
import type { Relay } from './collab/relay';
import { CollabServer } from './collab/server';
import type { Config } from './config';
import type { AppContext } from './context';
import { RenderPool } from './export/pool';
import { apiRouter } from './http/api';
import { guardConnections, serverOptions } from './http/connections';
import { clientError, sendError } from './http/errors';
import { securityHeaders } from './http/security';
import { clientRouter } from './http/static';
import { createLogger, type Logger } from './log';
import { ActivityService } from './meetings/activities';
import { AgendaService } from './meetings/agenda';
import { BoardService } from './meetings/boards';
import { BreakoutService } from './meetings/breakouts';
import { ChatService } from './meetings/chat';
import { MeetingService } from './meetings/meetings';
import { startRetention } from './meetings/retention';
import { RoomTimers } from './meetings/roomTimers';
import { ScopeRegistry } from './meetings/scopes';
import { TemplateService } from './meetings/templates';
import { TimerService } from './meetings/timers';
import { BoardPublisher } from './realtime/boardPublish';
import { BreakoutClock } from './realtime/breakoutClock';
import { breakoutProvider } from './realtime/breakoutKind';
import { createIo, setupRealtime } from './realtime/io';
import { Publisher } from './realtime/publish';
import { roomScope } from './realtime/roomScope';
import { Scopes } from './realtime/scopes';
import type { Schedule } from './schedule';
import { clientIp, originAllowed } from './security/origin';
import { createLimiters } from './security/rateLimit';
import type { Store } from './storage/store';

export interface AppDeps {
  config: Config;
  store: Store;
  log?: Logger;
  now?: () => number;
  /** Runs what is due later by `now` (the break-outs' end moments); real timers by default. */
  schedule?: Schedule;
  /** What crosses nodes (REDIS_URL); one node by default. Closed with the app. */
  cluster?: Cluster;
  /**
   * [REPORT9] What carries the verslag to the rooms of other nodes: the cluster's (Redis) by
   * default, else only this process; tests may share one between servers.
   */
  relay?: Relay;
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
  const cluster = deps.cluster ?? localCluster();

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
    // [ABUSE10] The client's mistake (a missing file after an update, a path outside the app, a
    // broken body): its own status, and only a debug line (an error's text can hold server paths).
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return clientError(res, e, log);
    log.error('unhandled', { err: err instanceof Error ? err.message : String(err) });
    sendError(res, 'internal', 'something went wrong on the server');
  });

  const httpServer = http.createServer(serverOptions(config.idleTimeoutMs), app);
  // [ABUSE9] Idle connections time out; one address holds a bounded number of connections.
  guardConnections(
    httpServer,
    {
      idleTimeoutMs: config.idleTimeoutMs,
      perAddress: config.rateLimits.connectionsPerAddress,
      trustProxy: config.trustProxy,
    },
    log,
  );
  const io = createIo(httpServer, config);
  if (cluster.adapter) io.adapter(cluster.adapter);
  const meetings = new MeetingService(store, now);
  const agenda = new AgendaService(store);
  const activities = new ActivityService(store, now);
  const scopes = new Scopes(new ScopeRegistry());
  const publish = new Publisher(
    io,
    store,
    activities,
    scopes,
    log,
    config.broadcastDelayMs,
    cluster.presence,
  );
  // Break-outs and boards (BOARD rules).
  const breakouts = new BreakoutService(store, now, (meetingId) => publish.onlineParticipants(meetingId));
  const boards = new BoardService(store, now, breakouts);
  const boardPublish = new BoardPublisher(io, store, breakouts, activities, log, config.broadcastDelayMs);
  const timers = new TimerService(store, scopes.rules, now);
  // [BOARD18] The break-outs' one clock (room timers from the time box, the end countdown).
  const breakoutClock = new BreakoutClock(lazyCtx(), deps.schedule);
  activities.provide('breakout', breakoutProvider(store, breakouts, boardPublish, breakoutClock));
  scopes.register('room', roomScope(store, breakouts));
  const limiters = createLimiters(config.rateLimits, now, cluster.shareLimit);
  const collab = new CollabServer({
    store,
    relay: deps.relay ?? cluster.relay ?? undefined,
    nodeId: cluster.nodeId,
    meetings,
    log,
    batchMs: config.reportBatchMs,
    compactEvery: config.reportCompactEvery,
    unloadAfterMs: config.reportUnloadMs,
    admit: (req) => {
      if (!originAllowed(req, config.allowedOrigins, config.trustProxy)) return 'forbidden';
      const ip = clientIp(req, config.trustProxy);
      return limiters.connect.take(ip) && limiters.codeMiss.peek(ip) ? null : 'rate_limited';
    },
    missed: (req) => limiters.codeMiss.take(clientIp(req, config.trustProxy)),
    flow: {
      limits: {
        conn: limiters.reportConn,
        address: limiters.reportAddress,
        maxBuffered: config.sendBufferMaxBytes,
      },
      addressOf: (req) => clientIp(req, config.trustProxy),
    },
  });
  collab.attach(httpServer);
  const ctx: AppContext = {
    config,
    cluster,
    store,
    log,
    now,
    io,
    meetings,
    agenda,
    activities,
    publish,
    limiters,
    collab,
    exports: new RenderPool({ size: config.exportWorkers, maxQueue: config.exportQueue, idleMs: 5 * 60_000 }),
    scopes,
    timers,
    roomTimers: new RoomTimers(store, breakouts, timers),
    chat: new ChatService(store, scopes.rules, now),
    templates: new TemplateService(store, now),
    breakouts,
    boards,
    boardPublish,
    breakoutClock,
  };
  setupRealtime(ctx);
  breakoutClock
    .resume()
    .catch((err) =>
      log.error('breakout ends not resumed', { err: err instanceof Error ? err.message : String(err) }),
    );
  const stopRetention = startRetention({ ...ctx, claim: (key, ttl) => cluster.claim(key, ttl) });

  // The router is built before ctx exists; it reads ctx through this indirection at request time.
  function lazyCtx(): AppContext {
    return new Proxy({} as AppContext, { get: (_t, key) => ctx[key as keyof AppContext] });
  }

  return {
    httpServer,
    ctx,
    async close() {
      stopRetention();
      breakoutClock.close();
      publish.close();
      // The verslag first: what is pending is stored while the store is still open.
      await collab.close();
      boardPublish.close();
      await ctx.exports.close();
      // io.close() drops transports without a disconnect packet, so clients reconnect by themselves.
      await new Promise<void>((resolve) => io.close(() => resolve()));
      httpServer.closeAllConnections?.();
      await cluster.close();
      await store.close();
    },
  };
}
