import type { z } from 'zod';
import type { Scope } from '../../shared/domain/scopes';
import type { TimerOp, TimerView } from '../../shared/domain/timer';
import { DomainError } from '../../shared/protocol/ack';
import type { BreakoutTimer } from '../../shared/protocol/schemas/timer';
import type { Store } from '../storage/store';
import type { BreakoutService } from './breakouts';
import type { Session } from './meetings';
import type { TimerService } from './timers';

/** [SCOPE2] A facilitator's timer command for every room of a break-out at once. */
export class RoomTimers {
  constructor(
    private readonly store: Store,
    private readonly breakouts: BreakoutService,
    private readonly timers: TimerService,
  ) {}

  /** One store write for all rooms (applied once under its id, RECON6); answers every room's timer. */
  async command(session: Session, input: z.infer<typeof BreakoutTimer>): Promise<TimerView[]> {
    const a = await this.breakouts.own(session.meetingId, input.activityId);
    const rooms = await this.store.breakouts.rooms(a.id);
    if (rooms.length === 0)
      throw new DomainError('conflict', 'start the break-outs first: there are no rooms');
    const op: TimerOp =
      input.op === 'start'
        ? {
            op: 'start',
            durationMs: input.durationMs,
            ...(input.label !== undefined ? { label: input.label } : {}),
          }
        : input.op === 'extend'
          ? { op: 'extend', byMs: input.byMs }
          : { op: input.op };
    const scopes = rooms.map((r) => `room:${r.id}` as Scope);
    return this.timers.commandMany(session, scopes, input.id, op);
  }
}
