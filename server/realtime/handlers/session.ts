import { isStaff } from '../../../shared/domain/roles';
import type { Results, Snapshot } from '../../../shared/domain/types';
import { DomainError } from '../../../shared/protocol/ack';
import type { AppContext } from '../../context';
import { activityView } from '../../meetings/activities';
import { meetingView, participantSelf, type Session } from '../../meetings/meetings';
import { command, done } from '../handle';
import { rooms } from '../rooms';
import type { AppSocket } from '../types';

/** [MEET4] The whole state a connection may see, for its role. Sent on every (re)connect. */
export async function snapshot(ctx: AppContext, s: Session): Promise<Snapshot> {
  const meeting = await ctx.store.meetings.get(s.meetingId);
  if (!meeting) throw new DomainError('not_found', 'this meeting no longer exists');
  const staff = isStaff(s.role);
  const activities = await ctx.store.activities.list(s.meetingId);
  const results: Results[] = [];
  for (const a of activities) {
    if (staff) results.push(await ctx.activities.results(a));
    else if (a.revealed) results.push(await ctx.activities.publicResults(a));
  }
  const me = s.participantId ? await ctx.store.participants.get(s.participantId) : undefined;
  return {
    serverTime: ctx.now(),
    role: s.role,
    meeting: meetingView(meeting),
    me: me ? participantSelf(me) : null,
    agenda: await ctx.agenda.list(s.meetingId),
    activities: activities.map(activityView),
    results,
    // [POLL8] Counts only: staff, and observers (the shared screen); never participants.
    progress:
      staff || s.role === 'observer'
        ? await Promise.all(
            activities
              .filter((a) => a.status !== 'draft')
              .map((a) => ctx.publish.progress(s.meetingId, a.id)),
          )
        : [],
    mine: s.participantId ? await ctx.activities.mine(s.meetingId, s.participantId) : [],
    presence: await ctx.publish.presenceView(s.meetingId, staff),
    timers: await ctx.timers.visible(s),
    chat: await ctx.chat.snapshot(s),
    breakouts: await ctx.breakouts.views(s),
    placements: await ctx.breakouts.placementsOf(s),
  };
}

export function registerSession(ctx: AppContext, socket: AppSocket): void {
  command(ctx, socket, 'session:sync', async (_input, s) => {
    // [BOARD2] A participant in no room while break-outs run is placed now (late joiner, or offline at the start).
    const placed = await ctx.breakouts.arrive(s);
    const snap = await snapshot(ctx, s);
    // [SCOPE2] This connection hears its break-out rooms (their chat and timer).
    const mine = new Set(snap.placements.flatMap((p) => (p.roomId ? [rooms.breakoutRoom(p.roomId)] : [])));
    for (const room of socket.rooms) if (room.startsWith('r:') && !mine.has(room)) void socket.leave(room);
    if (mine.size > 0) void socket.join([...mine]);
    return done(snap, async () => {
      for (const change of placed) await ctx.boardPublish.placed(s.meetingId, change);
    });
  });
}
