import type { Scope } from '../../../shared/domain/scopes';
import type { TimerOp } from '../../../shared/domain/timer';
import { DomainError } from '../../../shared/protocol/ack';
import { BreakoutTimer, TimerExtend, TimerRef, TimerStart } from '../../../shared/protocol/schemas/timer';
import type { AppContext } from '../../context';
import { command, done } from '../handle';
import type { AppSocket } from '../types';

/** [TIMER2] start / pause / resume / extend / stop, by the facilitator, broadcast to the scope. */
export function registerTimer(ctx: AppContext, socket: AppSocket): void {
  const broadcast = (meetingId: string) => (t: Parameters<typeof ctx.publish.timer>[1]) => () =>
    ctx.publish.timer(meetingId, t);

  // [RECON6] Every timer command is applied once under its client-made id (TimerService records it).
  const byId = { once: (i: { id: string }) => i.id };
  command(
    ctx,
    socket,
    'timer:start',
    TimerStart,
    'timer:control',
    async (input, s) => {
      const t = await ctx.timers.command(s, input.scope, input.id, {
        op: 'start',
        durationMs: input.durationMs,
        ...(input.label !== undefined ? { label: input.label } : {}),
      });
      return done(t, broadcast(s.meetingId)(t));
    },
    byId,
  );
  command(
    ctx,
    socket,
    'timer:extend',
    TimerExtend,
    'timer:control',
    async (input, s) => {
      const t = await ctx.timers.command(s, input.scope, input.id, { op: 'extend', byMs: input.byMs });
      return done(t, broadcast(s.meetingId)(t));
    },
    byId,
  );
  for (const op of ['pause', 'resume', 'stop'] as const) {
    command(
      ctx,
      socket,
      `timer:${op}`,
      TimerRef,
      'timer:control',
      async (input, s) => {
        const t = await ctx.timers.command(s, input.scope, input.id, { op });
        return done(t, broadcast(s.meetingId)(t));
      },
      byId,
    );
  }

  // [SCOPE2] Every room of a break-out at once: one store write, then each room hears its timer.
  command(
    ctx,
    socket,
    'breakout:timer',
    BreakoutTimer,
    'timer:control',
    async (input, s) => {
      const a = await ctx.breakouts.own(s.meetingId, input.activityId);
      const rooms = await ctx.store.breakouts.rooms(a.id);
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
      const timers = await ctx.timers.commandMany(s, scopes, input.id, op);
      return done(timers, () => {
        for (const t of timers) ctx.publish.timer(s.meetingId, t);
      });
    },
    byId,
  );
}
