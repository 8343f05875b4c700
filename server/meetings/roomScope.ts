import { isStaff } from '../../shared/domain/roles';
import type { Store } from '../storage/store';
import type { BreakoutService } from './breakouts';
import type { ScopeRules } from './scopes';

/**
 * [SCOPE2] Break-out rooms as scopes (`room:<id>`): staff see the rooms of running break-outs; a
 * participant belongs to the room they are placed in. Observers (the shared screen) belong to every
 * room of running break-outs — for its timer; observers have no chat at all (CHAT1).
 */
export function roomRules(store: Store, breakouts: BreakoutService): ScopeRules {
  /** The room with this id in a break-out of this meeting, with its activity. */
  const find = async (meetingId: string, roomId: string) => {
    for (const a of await breakouts.list(meetingId)) {
      const room = (await store.breakouts.rooms(a.id)).find((r) => r.id === roomId);
      if (room) return { activity: a, room };
    }
    return null;
  };
  return {
    exists: async (meetingId, id) => id !== null && (await find(meetingId, id)) !== null,
    member: async (session, id) => {
      if (session.role === 'observer') return true;
      if (!id || !session.participantId) return false;
      const found = await find(session.meetingId, id);
      return found !== null && (await breakouts.roomOf(found.activity.id, session.participantId)) === id;
    },
    // [CHAT9] A room is open for writing while its break-outs run; after the end it is read-only.
    open: async (meetingId, id) => id !== null && (await find(meetingId, id))?.activity.status === 'open',
    scopesOf: async (session) => {
      const out: string[] = [];
      for (const a of await breakouts.list(session.meetingId)) {
        if (a.status !== 'open') continue;
        if (isStaff(session.role) || session.role === 'observer')
          out.push(...(await store.breakouts.rooms(a.id)).map((r) => r.id));
        else {
          const roomId = await breakouts.roomOf(a.id, session.participantId);
          if (roomId) out.push(roomId);
        }
      }
      return out;
    },
  };
}
