import { LIMITS } from '../../shared/domain/limits';
import type { Scope } from '../../shared/domain/scopes';
import { applyTimerOp, idleTimer, type TimerOp, type TimerView } from '../../shared/domain/timer';
import { DomainError } from '../../shared/protocol/ack';
import type { Store } from '../storage/store';
import type { Session } from './meetings';
import { commandKey, wasApplied } from './replay';
import type { ScopeRegistry } from './scopes';

/** [TIMER1–TIMER4] Shared countdowns per meeting and per scope, on the server's clock, stored. */
export class TimerService {
  constructor(
    private readonly store: Store,
    private readonly scopes: ScopeRegistry,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Applies a facilitator's command. [RECON6] Its id is recorded with the timer: sent again, even
   * after newer commands (a start replayed after a pause), it changes nothing and answers the timer
   * as it is. The timer is read and written in one transaction: two commands at once (a pause and
   * an extension) both count.
   */
  async command(session: Session, scope: Scope, commandId: string, op: TimerOp): Promise<TimerView> {
    if (!(await this.scopes.canSee(session, scope))) throw new DomainError('not_found', 'no such scope');
    const key = commandKey(session, commandId);
    return this.store.transaction(async (tx) => {
      const stored = await tx.timers.get(session.meetingId, scope);
      const current: TimerView = stored
        ? (({ lastCommandId: _c, ...view }) => view)(stored)
        : idleTimer(scope, this.now());
      if (await wasApplied(tx, key)) return current;
      const next = applyTimerOp(current, op, this.now(), LIMITS.timerMaxMs);
      if (!(await tx.timers.put(session.meetingId, next, key))) return current;
      return next;
    });
  }

  /**
   * [SCOPE2] The same command for several scopes at once (every room of a break-out), stored in one
   * transaction. The caller passes scopes it took from the break-out itself. A replayed command
   * (RECON6: its id is recorded with the timers) changes nothing and answers their current state.
   * Inside a caller's transaction, pass it as `db` (this one is then a savepoint in it).
   */
  async commandMany(
    session: Session | { meetingId: string },
    scopes: Scope[],
    commandId: string,
    op: TimerOp,
    db: Store = this.store,
    /** The moment the op counts from (default: now). */
    at?: number,
  ): Promise<TimerView[]> {
    // The server's own commands (the break-outs' clock) are recorded under the actor 'server'.
    const key =
      'role' in session
        ? commandKey(session, commandId)
        : { meetingId: session.meetingId, actor: 'server', commandId };
    // The moment the command was given, before any storage round trip (a transaction may wait for
    // the store, or run again): a caller that computed a duration gets the end time it meant.
    const now = at ?? this.now();
    return db.transaction(async (tx) => {
      const current: TimerView[] = [];
      for (const scope of scopes) {
        const t = await tx.timers.get(session.meetingId, scope);
        current.push(t ? (({ lastCommandId: _c, ...rest }) => rest)(t) : idleTimer(scope, now));
      }
      if (await wasApplied(tx, key)) return current;
      const next = current.map((t) => applyTimerOp(t, op, now, LIMITS.timerMaxMs));
      if (!(await tx.timers.putMany(session.meetingId, next, key))) return current;
      return next;
    });
  }

  /** [TIMER3] The timers of every scope this session belongs to. */
  async visible(session: Session): Promise<TimerView[]> {
    const mine = new Set<string>(await this.scopes.of(session));
    return (await this.store.timers.list(session.meetingId)).filter((t) => mine.has(t.scope));
  }
}
