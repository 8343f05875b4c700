import type { AgendaItem } from '../../../shared/domain/types';
import type { AppContext } from '../../context';
import { gotoItem } from '../../meetings/flow';
import { command, done } from '../handle';
import { rooms } from '../rooms';
import type { AppSocket } from '../types';

export function registerAgenda(ctx: AppContext, socket: AppSocket): void {
  const broadcast = (meetingId: string, agenda: AgendaItem[]) => () => {
    ctx.io.to(rooms.meeting(meetingId)).emit('agenda:updated', agenda);
  };
  // [RECON6] Each change is applied once under its client-made id (the new item's, or `cmd`).
  command(ctx, socket, 'agenda:add', async (input, s, once) => {
    const agenda = await ctx.agenda.add(s.meetingId, input, once);
    return done(agenda, broadcast(s.meetingId, agenda));
  });
  command(ctx, socket, 'agenda:update', async (input, s, once) => {
    const agenda = await ctx.agenda.update(s.meetingId, input, once);
    return done(agenda, broadcast(s.meetingId, agenda));
  });
  command(ctx, socket, 'agenda:move', async (input, s, once) => {
    const agenda = await ctx.agenda.move(s.meetingId, input, once);
    return done(agenda, broadcast(s.meetingId, agenda));
  });
  command(ctx, socket, 'agenda:remove', async (input, s, once) => {
    const agenda = await ctx.agenda.remove(s.meetingId, input, once);
    // [FLOW4] Removing the item the meeting is at puts the meeting back to "not at an item".
    const m = await ctx.store.meetings.get(s.meetingId);
    const moved = m?.currentItemId === input.id ? await gotoItem(ctx.store, s.meetingId, null) : null;
    return done(agenda, async () => {
      broadcast(s.meetingId, agenda)();
      if (moved) ctx.io.to(rooms.meeting(s.meetingId)).emit('meeting:updated', moved);
      // Activities under the removed item now hang loose: tell everyone.
      for (const a of await ctx.activities.list(s.meetingId)) {
        if (a.agendaItemId === null) ctx.io.to(rooms.meeting(s.meetingId)).emit('activity:updated', a);
      }
    });
  });
}
