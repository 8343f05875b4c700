import type { AppContext } from '../../context';
import { command, done } from '../handle';
import { rooms } from '../rooms';
import type { AppSocket } from '../types';

export function registerMeeting(ctx: AppContext, socket: AppSocket): void {
  command(ctx, socket, 'meeting:update', async (input, s) => {
    const view = await ctx.meetings.update(s.meetingId, input);
    return done(view, () => {
      ctx.io.to(rooms.meeting(s.meetingId)).emit('meeting:updated', view);
    });
  });

  command(ctx, socket, 'participant:update', async (input, s) => {
    const id = s.participantId!;
    const me = await ctx.meetings.updateParticipant(id, input);
    return done(me, () => {
      ctx.io.to(rooms.participant(id)).emit('participant:updated', me);
      ctx.publish.presence(s.meetingId);
    });
  });
}
