import type { Config } from './config';
import type { Logger } from './log';
import type { ActivityService } from './meetings/activities';
import type { AgendaService } from './meetings/agenda';
import type { BoardService } from './meetings/boards';
import type { BreakoutService } from './meetings/breakouts';
import type { MeetingService } from './meetings/meetings';
import type { BoardPublisher } from './realtime/boardPublish';
import type { Publisher } from './realtime/publish';
import type { AppServer } from './realtime/types';
import type { Store } from './storage/store';

/** Everything a route or handler needs, made once per app by `createApp` (no module singletons). */
export interface AppContext {
  config: Config;
  store: Store;
  log: Logger;
  now: () => number;
  io: AppServer;
  meetings: MeetingService;
  agenda: AgendaService;
  activities: ActivityService;
  publish: Publisher;
  // Break-outs and boards (docs/SPEC.md, BOARD).
  breakouts: BreakoutService;
  boards: BoardService;
  boardPublish: BoardPublisher;
}
