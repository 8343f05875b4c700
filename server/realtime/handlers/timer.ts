import type { AppContext } from '../../context';
import { command, done } from '../handle';
import type { AppSocket } from '../types';

/** [TIMER2] start / pause / resume / extend / stop, by the facilitator, broadcast to the scope. */
export function registerTimer(ctx: AppContext, socket: AppSocket): void {
  const broadcast = (meetingId: string) => (t: Parameters<typeof ctx.publish.timer>[1]) => () =>
    ctx.publish.timer(meetingId, t);

  // [RECON6] Every timer command is applied once under its client-made id (TimerService records it).
  command(ctx, socket, 'timer:start', async (input, s) => {
    const t = await ctx.timers.command(s, input.scope, input.id, {
      op: 'start',
      durationMs: input.durationMs,
      ...(input.label !== undefined ? { label: input.label } : {}),
    });
    return done(t, broadcast(s.meetingId)(t));
  });
  command(ctx, socket, 'timer:extend', async (input, s) => {
    const t = await ctx.timers.command(s, input.scope, input.id, { op: 'extend', byMs: input.byMs });
    return done(t, broadcast(s.meetingId)(t));
  });
  for (const op of ['pause', 'resume', 'stop'] as const) {
    command(ctx, socket, `timer:${op}`, async (input, s) => {
      const t = await ctx.timers.command(s, input.scope, input.id, { op });
      return done(t, broadcast(s.meetingId)(t));
    });
  }

  // [SCOPE2] Every room of a break-out at once: one store write, then each room hears its timer.
  command(ctx, socket, 'breakout:timer', async (input, s) => {
    const timers = await ctx.roomTimers.command(s, input);
    return done(timers, () => {
      for (const t of timers) ctx.publish.timer(s.meetingId, t);
    });
  });
}
