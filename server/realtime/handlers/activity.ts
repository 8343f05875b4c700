import type { AppContext } from '../../context';
import { command, done } from '../handle';
import { rooms } from '../rooms';
import type { AppSocket } from '../types';

export function registerActivity(ctx: AppContext, socket: AppSocket): void {
  const toAll = (meetingId: string) => ctx.io.to(rooms.meeting(meetingId));

  // [RECON6] `once`: the client-made id under which each change is applied once (the command
  // table's `replay`, see handle.ts).
  command(ctx, socket, 'activity:create', async (input, s, once) => {
    const view = await ctx.activities.create(s.meetingId, input, once);
    return done(view, () => {
      toAll(s.meetingId).emit('activity:updated', view);
    });
  });

  command(ctx, socket, 'activity:update', async (input, s, once) => {
    const view = await ctx.activities.update(s.meetingId, input, once);
    return done(view, async () => {
      toAll(s.meetingId).emit('activity:updated', view);
      ctx.publish.results(s.meetingId, view.id);
      await ctx.activities.announce(s.meetingId, view, 'update');
    });
  });

  command(ctx, socket, 'activity:remove', async (input, s, once) => {
    const removed = await ctx.activities.remove(s.meetingId, input.id, once);
    return done(removed, () => {
      toAll(s.meetingId).emit('activity:removed', removed);
    });
  });

  for (const change of ['open', 'close'] as const) {
    command(ctx, socket, `activity:${change}`, async (input, s, once) => {
      const view = await ctx.activities.setState(s.meetingId, input.id, change, once);
      return done(view, async () => {
        toAll(s.meetingId).emit('activity:updated', view);
        ctx.publish.results(s.meetingId, view.id);
        await ctx.activities.announce(s.meetingId, view, change);
      });
    });
  }

  for (const change of ['reveal', 'hide'] as const) {
    command(ctx, socket, `activity:${change}`, async (input, s, once) => {
      const view = await ctx.activities.setState(s.meetingId, input.id, change, once);
      return done(view, () => ctx.publish.visibility(s.meetingId, view.id));
    });
  }

  command(ctx, socket, 'response:submit', async (input, s, once) => {
    const pid = s.participantId!;
    const mine = await ctx.activities.submit(s.meetingId, pid, input, once);
    return done(mine, () => {
      ctx.publish.mine(pid, input.activityId, mine);
      ctx.publish.results(s.meetingId, input.activityId);
    });
  });

  command(ctx, socket, 'response:retract', async (input, s, once) => {
    const pid = s.participantId!;
    const result = await ctx.activities.retract(s.meetingId, pid, input.activityId, once);
    return done(result, () => {
      ctx.publish.mine(pid, input.activityId, null);
      ctx.publish.results(s.meetingId, input.activityId);
    });
  });
}
