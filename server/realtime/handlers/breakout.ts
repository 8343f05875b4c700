import type { AppContext } from '../../context';
import { command, done } from '../handle';
import type { AppSocket } from '../types';

/** [BOARD3][BOARD4][BOARD13] Rooms: moving people, choosing a room, more rooms, a message, the synthesis. */
export function registerBreakout(ctx: AppContext, socket: AppSocket): void {
  const pub = ctx.boardPublish;
  const staffView = async (meetingId: string, activityId: string) =>
    ctx.breakouts.view(await ctx.breakouts.own(meetingId, activityId), true);

  command(ctx, socket, 'breakout:move', async (input, s) => {
    const change = await ctx.breakouts.move(s.meetingId, input);
    return done(await staffView(s.meetingId, input.activityId), () => pub.placed(s.meetingId, change));
  });

  command(ctx, socket, 'breakout:choose', async (input, s) => {
    const change = await ctx.breakouts.choose(s.meetingId, s.participantId!, input);
    return done({ activityId: change.activityId, roomId: change.roomId }, () =>
      pub.placed(s.meetingId, change),
    );
  });

  command(ctx, socket, 'breakout:addRoom', async (input, s) => {
    const { added } = await ctx.breakouts.addRoom(s.meetingId, input);
    // A retry made no room: nobody needs to hear anything.
    return done(await staffView(s.meetingId, input.activityId), () => {
      if (added) pub.breakout(s.meetingId, input.activityId);
    });
  });

  command(ctx, socket, 'breakout:message', async (input, s, once) => {
    await ctx.breakouts.message(s.meetingId, input, once);
    return done(await staffView(s.meetingId, input.activityId), () =>
      pub.breakout(s.meetingId, input.activityId),
    );
  });

  // [BOARD18] Now, as closing the activity does, or after a countdown the server keeps.
  command(ctx, socket, 'breakout:end', async (input, s) => {
    const a = await ctx.breakouts.own(s.meetingId, input.activityId);
    if (input.inSeconds === 0) {
      const closed = await ctx.activities.setState(s.meetingId, a.id, 'close');
      return done(await staffView(s.meetingId, a.id), () => ctx.breakoutClock.tellEnded(s.meetingId, closed));
    }
    await ctx.breakoutClock.endIn(a, input.inSeconds);
    return done(await staffView(s.meetingId, a.id), async () => {
      await ctx.breakoutClock.tellTimers(s.meetingId, a.id);
      pub.breakout(s.meetingId, a.id);
    });
  });

  command(ctx, socket, 'breakout:synthesis', async (input, s) => {
    const { grown } = await ctx.breakouts.synthesis(s.meetingId, input.activityId);
    return done(await staffView(s.meetingId, input.activityId), () => {
      pub.breakout(s.meetingId, input.activityId);
      for (const id of grown) pub.reset(id);
    });
  });
}
