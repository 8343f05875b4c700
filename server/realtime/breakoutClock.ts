import { newId } from '../../shared/domain/ids';
import type { Scope } from '../../shared/domain/scopes';
import type { ActivityView } from '../../shared/domain/types';
import { DomainError } from '../../shared/protocol/ack';
import type { AppContext } from '../context';
import type { BreakoutActivity } from '../meetings/breakouts';
import { realSchedule, type Schedule } from '../schedule';
import type { Store } from '../storage/store';
import { rooms } from './rooms';

/**
 * [BOARD2][BOARD18][SCOPE3] The one clock of the break-outs: starting them starts every room's
 * timer with the time box (one end time for all rooms, so every view shows the same countdown);
 * "einde over 60 seconden" runs every room's timer to that moment and ends the break-outs there
 * by itself, on the server, whether or not the facilitator's browser is still open (and again
 * after a restart); ending stops every room's timer.
 *
 * Takes the app's context lazily: the break-out kind is wired before the context exists. The end
 * moments are timed by `ctx.now` and run through `schedule` (a test's manual clock runs them).
 */
export class BreakoutClock {
  private readonly armed = new Map<string, unknown>();
  private sweep: ReturnType<typeof setInterval> | null = null;
  private closed = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly schedule: Schedule = realSchedule,
  ) {}

  private scopes = async (activityId: string, db: Store = this.ctx.store) =>
    (await db.breakouts.rooms(activityId)).map((r) => `room:${r.id}` as Scope);

  /** Before the break-outs open (not when they already run): every room's timer gets the time box. */
  async starting(a: BreakoutActivity): Promise<void> {
    this.disarm(a.id);
    await this.ctx.store.breakouts.update(a.id, { endsAt: null });
    const minutes = a.spec.timeboxMinutes;
    const scopes = await this.scopes(a.id);
    if (!minutes || scopes.length === 0) return;
    // The time box counts from the recorded start (BOARD2), to the millisecond.
    const startedAt = (await this.ctx.store.breakouts.get(a.id))?.startedAt ?? this.ctx.now();
    // One moment for the duration and for the start, so every room ends at start + time box exactly.
    const at = this.ctx.now();
    await this.ctx.timers.commandMany(
      { meetingId: a.meetingId },
      scopes,
      newId(),
      { op: 'start', durationMs: Math.max(1000, startedAt + minutes * 60_000 - at) },
      undefined,
      at,
    );
  }

  /** Before the break-outs close: no countdown left, every room's timer stopped. */
  async ending(a: BreakoutActivity): Promise<void> {
    this.disarm(a.id);
    await this.ctx.store.breakouts.update(a.id, { endsAt: null });
    const scopes = await this.scopes(a.id);
    if (scopes.length === 0) return;
    await this.ctx.timers.commandMany({ meetingId: a.meetingId }, scopes, newId(), { op: 'stop' });
  }

  /** Every room's timer as stored, to its room (after a start or an end was acked). */
  async tellTimers(meetingId: string, activityId: string): Promise<void> {
    const scopes = new Set<string>(await this.scopes(activityId));
    for (const t of await this.ctx.store.timers.list(meetingId)) {
      if (scopes.has(t.scope)) this.ctx.publish.timer(meetingId, t);
    }
  }

  /**
   * [BOARD18] The break-outs end in `seconds`: stored, every room's timer runs to that moment, and
   * the server ends them then. A countdown already running is kept (a retry changes nothing).
   */
  async endIn(a: BreakoutActivity, seconds: number): Promise<void> {
    if (a.status !== 'open') throw new DomainError('closed', 'the break-outs are not running');
    // "No countdown yet" is checked and the countdown stored in one transaction.
    const endsAt = await this.ctx.store.transaction(async (tx) => {
      if ((await tx.breakouts.get(a.id))?.endsAt) return null;
      const scopes = await this.scopes(a.id, tx);
      const op = { op: 'start', durationMs: seconds * 1000 } as const;
      const [first] = await this.ctx.timers.commandMany({ meetingId: a.meetingId }, scopes, newId(), op, tx);
      const at = first?.endsAt ?? this.ctx.now() + seconds * 1000;
      await tx.breakouts.update(a.id, { endsAt: at });
      return at;
    });
    if (endsAt !== null) this.arm(a.meetingId, a.id, endsAt);
  }

  /** After an end was stored: everyone hears it, as when the facilitator closes the activity. */
  async tellEnded(meetingId: string, view: ActivityView): Promise<void> {
    this.ctx.io.to(rooms.meeting(meetingId)).emit('activity:updated', view);
    this.ctx.publish.results(meetingId, view.id);
    await this.ctx.activities.announce(meetingId, view, 'close');
  }

  /**
   * Re-arms the countdowns stored before a restart (those past their end end now). With several
   * nodes every node looks again every few seconds, so a countdown set on a node that died still
   * ends on time; the node that claims the moment ends it (`fire`).
   */
  async resume(): Promise<void> {
    for (const p of await this.ctx.store.breakouts.pendingEnds())
      if (!this.armed.has(p.activityId)) this.arm(p.meetingId, p.activityId, p.endsAt);
    const every = this.ctx.cluster.sweepMs;
    if (every && !this.sweep && !this.closed) {
      this.sweep = setInterval(() => {
        this.resume().catch((err) =>
          this.ctx.log.warn('breakout ends not swept', {
            err: err instanceof Error ? err.message : String(err),
          }),
        );
      }, every);
      this.sweep.unref?.();
    }
  }

  close(): void {
    this.closed = true;
    if (this.sweep) clearInterval(this.sweep);
    for (const t of this.armed.values()) this.schedule.cancel(t);
    this.armed.clear();
  }

  private disarm(activityId: string): void {
    const t = this.armed.get(activityId);
    if (t !== undefined) this.schedule.cancel(t);
    this.armed.delete(activityId);
  }

  private arm(meetingId: string, activityId: string, endsAt: number): void {
    if (this.closed) return;
    this.disarm(activityId);
    const t = this.schedule.after(Math.max(0, endsAt - this.ctx.now()), () => {
      this.armed.delete(activityId);
      return this.fire(meetingId, activityId).catch((err) =>
        this.ctx.log.error('breakout end failed', {
          activityId,
          err: err instanceof Error ? err.message : String(err),
        }),
      );
    });
    this.armed.set(activityId, t);
  }

  /** The moment has come: end the break-outs unless someone ended or restarted them meanwhile. */
  private async fire(meetingId: string, activityId: string): Promise<void> {
    if (this.closed) return;
    const [a, state] = await Promise.all([
      this.ctx.store.activities.get(activityId),
      this.ctx.store.breakouts.get(activityId),
    ]);
    if (a?.status !== 'open' || !state?.endsAt) return;
    if (state.endsAt > this.ctx.now()) return this.arm(meetingId, activityId, state.endsAt);
    // Several nodes armed this moment: one ends the break-outs, the others leave it.
    if (!(await this.ctx.cluster.claim(`breakout-end:${activityId}:${state.endsAt}`, 60_000))) return;
    const view = await this.ctx.activities.setState(meetingId, activityId, 'close');
    await this.tellEnded(meetingId, view);
  }
}
