import { TimerExtend, TimerRef, TimerStart } from '../../../shared/protocol/schemas/timer';
import type { AppContext } from '../../context';
import { command, done } from '../handle';
import type { AppSocket } from '../types';

/** [TIMER2] start / pause / resume / extend / stop, by the facilitator, broadcast to the scope. */
export function registerTimer(ctx: AppContext, socket: AppSocket): void {
  const broadcast = (meetingId: string) => (t: Parameters<typeof ctx.publish.timer>[1]) => () =>
    ctx.publish.timer(meetingId, t);

  command(ctx, socket, 'timer:start', TimerStart, 'timer:control', async (input, s) => {
    const t = await ctx.timers.command(s, input.scope, input.id, {
      op: 'start',
      durationMs: input.durationMs,
      ...(input.label !== undefined ? { label: input.label } : {}),
    });
    return done(t, broadcast(s.meetingId)(t));
  });
  command(ctx, socket, 'timer:extend', TimerExtend, 'timer:control', async (input, s) => {
    const t = await ctx.timers.command(s, input.scope, input.id, { op: 'extend', byMs: input.byMs });
    return done(t, broadcast(s.meetingId)(t));
  });
  for (const op of ['pause', 'resume', 'stop'] as const) {
    command(ctx, socket, `timer:${op}`, TimerRef, 'timer:control', async (input, s) => {
      const t = await ctx.timers.command(s, input.scope, input.id, { op });
      return done(t, broadcast(s.meetingId)(t));
    });
  }
}
