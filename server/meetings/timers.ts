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

  /**
   * [SCOPE2] The same command for several scopes at once (every room of a break-out), stored in one
   * transaction. The caller passes scopes it took from the break-out itself. A retried command (the
   * same id, already stored with these timers) changes nothing and answers their current state.
   */
  async commandMany(
    session: Pick<Session, 'meetingId'>,
    scopes: Scope[],
    commandId: string,
    op: TimerOp,
  ): Promise<TimerView[]> {
    const stored = await Promise.all(scopes.map((scope) => this.store.timers.get(session.meetingId, scope)));
    const view = (t: NonNullable<(typeof stored)[number]>): TimerView => {
      const { lastCommandId: _c, ...rest } = t;
      return rest;
    };
    if (stored.some((t) => t?.lastCommandId === commandId)) {
      return stored.map((t, i) => (t ? view(t) : idleTimer(scopes[i]!, this.now())));
    }
    const now = this.now();
    const next = stored.map((t, i) =>
      applyTimerOp(t ? view(t) : idleTimer(scopes[i]!, now), op, now, LIMITS.timerMaxMs),
    );
    await this.store.timers.putMany(session.meetingId, next, commandId);
    return next;
  }

  /** [TIMER3] The timers of every scope this session belongs to. */
  async visible(session: Session): Promise<TimerView[]> {
    const mine = new Set<string>(await this.scopes.of(session));
    return (await this.store.timers.list(session.meetingId)).filter((t) => mine.has(t.scope));
  }
}
