import { isStaff } from '../../../shared/domain/roles';
import type { Snapshot } from '../../../shared/domain/types';
import { DomainError } from '../../../shared/protocol/ack';
import type { AppContext } from '../../context';
import { activityView } from '../../meetings/activities';
import { meetingView, participantSelf, type Session } from '../../meetings/meetings';
import { command, done } from '../handle';
import { rooms } from '../rooms';
import type { AppSocket } from '../types';

/** [MEET4] The whole state a connection may see, for its role. Sent on every (re)connect. */
export async function snapshot(ctx: AppContext, s: Session): Promise<Snapshot> {
  const staff = isStaff(s.role);
  // The parts are independent reads: side by side, so a snapshot on PostgreSQL waits for about
  // its slowest read instead of the sum of twenty round trips.
  const [meeting, activities, me, agenda, mine, presence, timers, chat, breakouts, placements] =
    await Promise.all([
      ctx.store.meetings.get(s.meetingId),
      ctx.store.activities.list(s.meetingId),
      s.participantId ? ctx.store.participants.get(s.participantId) : undefined,
      ctx.agenda.list(s.meetingId),
      s.participantId ? ctx.activities.mine(s.meetingId, s.participantId) : [],
      ctx.publish.presenceView(s.meetingId, staff),
      ctx.timers.visible(s),
      ctx.chat.snapshot(s),
      ctx.breakouts.views(s),
      ctx.breakouts.placementsOf(s),
    ]);
  if (!meeting) throw new DomainError('not_found', 'this meeting no longer exists');
  const [results, progress] = await Promise.all([
    Promise.all(
      activities.flatMap((a) =>
        staff ? [ctx.activities.results(a)] : a.revealed ? [ctx.activities.publicResults(a)] : [],
      ),
    ),
    // [POLL8] Counts only: staff, and observers (the shared screen); never participants.
    staff || s.role === 'observer'
      ? Promise.all(
          activities.filter((a) => a.status !== 'draft').map((a) => ctx.publish.progress(s.meetingId, a.id)),
        )
      : [],
  ]);
  return {
    serverTime: ctx.now(),
    role: s.role,
    meeting: meetingView(meeting),
    me: me ? participantSelf(me) : null,
    agenda,
    activities: activities.map(activityView),
    results,
    progress,
    mine,
    presence,
    timers,
    chat,
    breakouts,
    placements,
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
