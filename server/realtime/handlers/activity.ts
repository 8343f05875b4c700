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

  // [RECON6] `once`: the client-made id under which each change is applied once (see handle.ts).
  const byId = { once: (i: { id: string }) => i.id };
  const byCmd = { once: (i: { cmd?: string | undefined }) => i.cmd };

  command(
    ctx,
    socket,
    'activity:create',
    ActivityCreate,
    'activity:manage',
    async (input, s, once) => {
      const view = await ctx.activities.create(s.meetingId, input, once);
      return done(view, () => {
        toAll(s.meetingId).emit('activity:updated', view);
      });
    },
    byId,
  );

  command(
    ctx,
    socket,
    'activity:update',
    ActivityUpdate,
    'activity:manage',
    async (input, s, once) => {
      const view = await ctx.activities.update(s.meetingId, input, once);
      return done(view, async () => {
        toAll(s.meetingId).emit('activity:updated', view);
        ctx.publish.results(s.meetingId, view.id);
        await ctx.activities.announce(s.meetingId, view, 'update');
      });
    },
    byCmd,
  );

  command(
    ctx,
    socket,
    'activity:remove',
    ActivityRef,
    'activity:manage',
    async (input, s, once) => {
      const removed = await ctx.activities.remove(s.meetingId, input.id, once);
      return done(removed, () => {
        toAll(s.meetingId).emit('activity:removed', removed);
      });
    },
    byCmd,
  );

  for (const change of ['open', 'close'] as const) {
    command(
      ctx,
      socket,
      `activity:${change}`,
      ActivityRef,
      'activity:manage',
      async (input, s, once) => {
        const view = await ctx.activities.setState(s.meetingId, input.id, change, once);
        return done(view, async () => {
          toAll(s.meetingId).emit('activity:updated', view);
          ctx.publish.results(s.meetingId, view.id);
          await ctx.activities.announce(s.meetingId, view, change);
        });
      },
      byCmd,
    );
  }

  for (const change of ['reveal', 'hide'] as const) {
    command(
      ctx,
      socket,
      `activity:${change}`,
      ActivityRef,
      'activity:manage',
      async (input, s, once) => {
        const view = await ctx.activities.setState(s.meetingId, input.id, change, once);
        return done(view, () => ctx.publish.visibility(s.meetingId, view.id));
      },
      byCmd,
    );
  }

  command(
    ctx,
    socket,
    'response:submit',
    ResponseSubmit,
    'activity:respond',
    async (input, s, once) => {
      const pid = s.participantId!;
      const mine = await ctx.activities.submit(s.meetingId, pid, input, once);
      return done(mine, () => {
        ctx.publish.mine(pid, input.activityId, mine);
        ctx.publish.results(s.meetingId, input.activityId);
      });
    },
    byId,
  );

  command(
    ctx,
    socket,
    'response:retract',
    ResponseRetract,
    'activity:respond',
    async (input, s, once) => {
      const pid = s.participantId!;
      const result = await ctx.activities.retract(s.meetingId, pid, input.activityId, once);
      return done(result, () => {
        ctx.publish.mine(pid, input.activityId, null);
        ctx.publish.results(s.meetingId, input.activityId);
      });
    },
    byCmd,
  );
}
