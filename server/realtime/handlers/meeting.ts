import { DomainError } from '../../../shared/protocol/ack';
import type { AppContext } from '../../context';
import { meetingView, participantSelf } from '../../meetings/meetings';
import { command, done } from '../handle';
import { rooms } from '../rooms';
import type { AppSocket } from '../types';

export function registerMeeting(ctx: AppContext, socket: AppSocket): void {
  command(ctx, socket, 'meeting:update', async (input, s) => {
    const patch: { title?: string; date?: string | null } = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.date !== undefined) patch.date = input.date;
    await ctx.store.meetings.update(s.meetingId, patch);
    const m = await ctx.store.meetings.get(s.meetingId);
    if (!m) throw new DomainError('not_found', 'this meeting no longer exists');
    const view = meetingView(m);
    return done(view, () => {
      ctx.io.to(rooms.meeting(s.meetingId)).emit('meeting:updated', view);
    });
  });

  command(ctx, socket, 'participant:update', async (input, s) => {
    const id = s.participantId!;
    const patch: { name?: string; orgType?: typeof input.orgType } = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.orgType !== undefined) patch.orgType = input.orgType;
    await ctx.store.participants.update(id, patch as never);
    const p = await ctx.store.participants.get(id);
    if (!p) throw new DomainError('not_found', 'participant not found');
    const me = participantSelf(p);
    return done(me, () => {
      ctx.io.to(rooms.participant(id)).emit('participant:updated', me);
      ctx.publish.presence(s.meetingId);
    });
  });
}
