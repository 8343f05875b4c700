import { LIMITS } from '../../shared/domain/limits';
import type { Scope } from '../../shared/domain/scopes';
import { applyTimerOp, idleTimer, type TimerOp, type TimerView } from '../../shared/domain/timer';
import { DomainError } from '../../shared/protocol/ack';
import type { Scopes } from '../realtime/scopes';
import type { Store } from '../storage/store';
import type { Session } from './meetings';

/** [TIMER1–TIMER4] Shared countdowns per meeting and per scope, on the server's clock, stored. */
export class TimerService {
  constructor(
    private readonly store: Store,
    private readonly scopes: Scopes,
    private readonly now: () => number = Date.now,
  ) {}

  /** Applies a facilitator's command; a retried command (same id) changes nothing. */
  async command(session: Session, scope: Scope, commandId: string, op: TimerOp): Promise<TimerView> {
    if (!(await this.scopes.canSee(session, scope))) throw new DomainError('not_found', 'no such scope');
    const stored = await this.store.timers.get(session.meetingId, scope);
    if (stored && stored.lastCommandId === commandId) {
      const { lastCommandId: _c, ...view } = stored;
      return view;
    }
    const current: TimerView = stored
      ? (({ lastCommandId: _c, ...view }) => view)(stored)
      : idleTimer(scope, this.now());
    const next = applyTimerOp(current, op, this.now(), LIMITS.timerMaxMs);
    await this.store.timers.put(session.meetingId, next, commandId);
    return next;
  }

  /** [TIMER3] The timers of every scope this session belongs to. */
  async visible(session: Session): Promise<TimerView[]> {
    const mine = new Set<string>(await this.scopes.of(session));
    return (await this.store.timers.list(session.meetingId)).filter((t) => mine.has(t.scope));
  }
}
