import type { Cluster } from './cluster';
import type { CollabServer } from './collab/server';
import type { Config } from './config';
import type { RenderPool } from './export/pool';
import type { Logger } from './log';
import type { ActivityService } from './meetings/activities';
import type { AgendaService } from './meetings/agenda';
import type { BoardService } from './meetings/boards';
import type { BreakoutService } from './meetings/breakouts';
import type { ChatService } from './meetings/chat';
import type { MeetingService } from './meetings/meetings';
import type { RoomTimers } from './meetings/roomTimers';
import type { TemplateService } from './meetings/templates';
import type { TimerService } from './meetings/timers';
import type { BoardPublisher } from './realtime/boardPublish';
import type { BreakoutClock } from './realtime/breakoutClock';
import type { Publisher } from './realtime/publish';
import type { Scopes } from './realtime/scopes';
import type { AppServer } from './realtime/types';
import type { Limiters } from './security/rateLimit';
import type { Store } from './storage/store';

/** Everything a route or handler needs, made once per app by `createApp` (no module singletons). */
export interface AppContext {
  config: Config;
  /** What crosses nodes: the Socket.IO adapter, presence, Redis (issue 14). */
  cluster: Cluster;
  store: Store;
  log: Logger;
  now: () => number;
  io: AppServer;
  meetings: MeetingService;
  agenda: AgendaService;
  activities: ActivityService;
  publish: Publisher;
  limiters: Limiters;
  /** The verslag's Yjs endpoint and documents. */
  collab: CollabServer;
  /** [REPORT10] DOCX and PDF exports, rendered on worker threads. */
  exports: RenderPool;
  /** Where timers and chat channels live: the meeting, and break-out rooms once registered. */
  scopes: Scopes;
  timers: TimerService;
  /** [SCOPE2] Every room's timer of a break-out at once. */
  roomTimers: RoomTimers;
  chat: ChatService;
  templates: TemplateService;
  // Break-outs and boards (docs/SPEC.md, BOARD).
  breakouts: BreakoutService;
  boards: BoardService;
  boardPublish: BoardPublisher;
  /** [BOARD18] Room timers from the time box, the countdown to the end of the break-outs. */
  breakoutClock: BreakoutClock;
}
