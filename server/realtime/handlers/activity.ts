import {
  ActivityCreate,
  ActivityRef,
  ActivityUpdate,
  ResponseRetract,
  ResponseSubmit,
} from '../../../shared/protocol/schemas/activity';
import type { AppContext } from '../../context';
import { command, done } from '../handle';
import { rooms } from '../rooms';
import type { AppSocket } from '../types';

export function registerActivity(ctx: AppContext, socket: AppSocket): void {
  const toAll = (meetingId: string) => ctx.io.to(rooms.meeting(meetingId));

  command(ctx, socket, 'activity:create', ActivityCreate, 'activity:manage', async (input, s) => {
    const view = await ctx.activities.create(s.meetingId, input);
    return done(view, () => {
      toAll(s.meetingId).emit('activity:updated', view);
    });
  });

  command(ctx, socket, 'activity:update', ActivityUpdate, 'activity:manage', async (input, s) => {
    const view = await ctx.activities.update(s.meetingId, input);
    return done(view, async () => {
      toAll(s.meetingId).emit('activity:updated', view);
      ctx.publish.results(s.meetingId, view.id);
      await ctx.activities.announce(s.meetingId, view, 'update');
    });
  });

  command(ctx, socket, 'activity:remove', ActivityRef, 'activity:manage', async (input, s) => {
    const removed = await ctx.activities.remove(s.meetingId, input.id);
    return done(removed, () => {
      toAll(s.meetingId).emit('activity:removed', removed);
    });
  });

  for (const change of ['open', 'close'] as const) {
    command(ctx, socket, `activity:${change}`, ActivityRef, 'activity:manage', async (input, s) => {
      const view = await ctx.activities.setState(s.meetingId, input.id, change);
      return done(view, async () => {
        toAll(s.meetingId).emit('activity:updated', view);
        ctx.publish.results(s.meetingId, view.id);
        await ctx.activities.announce(s.meetingId, view, change);
      });
    });
  }

  for (const change of ['reveal', 'hide'] as const) {
    command(ctx, socket, `activity:${change}`, ActivityRef, 'activity:manage', async (input, s) => {
      const view = await ctx.activities.setState(s.meetingId, input.id, change);
      return done(view, () => ctx.publish.visibility(s.meetingId, view.id));
    });
  }

  command(ctx, socket, 'response:submit', ResponseSubmit, 'activity:respond', async (input, s) => {
    const pid = s.participantId!;
    const mine = await ctx.activities.submit(s.meetingId, pid, input);
    return done(mine, () => {
      ctx.publish.mine(pid, mine.activityId, mine);
      ctx.publish.results(s.meetingId, mine.activityId);
    });
  });

  command(ctx, socket, 'response:retract', ResponseRetract, 'activity:respond', async (input, s) => {
    const pid = s.participantId!;
    const result = await ctx.activities.retract(s.meetingId, pid, input.activityId);
    return done(result, () => {
      ctx.publish.mine(pid, input.activityId, null);
      ctx.publish.results(s.meetingId, input.activityId);
    });
  });
}
