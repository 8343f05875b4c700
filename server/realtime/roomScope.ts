import type { BreakoutService } from '../meetings/breakouts';
import { roomRules } from '../meetings/roomScope';
import type { Store } from '../storage/store';
import { rooms } from './rooms';
import type { ScopeKind } from './scopes';

/**
 * [SCOPE2] Break-out rooms as scopes: a room's chat channel and timer (`room:<id>`) reach the
 * participants placed in it (their connections join the room's Socket.IO room), and staff.
 * Observers hear every room's timer of running break-outs — never a chat (CHAT1). Who belongs to
 * a room is the rules' (`server/meetings/roomScope.ts`).
 */
export function roomScope(store: Store, breakouts: BreakoutService): ScopeKind {
  return {
    ...roomRules(store, breakouts),
    audience: (meetingId, id, { observers }) =>
      id ? [rooms.breakoutRoom(id), ...(observers ? [rooms.observers(meetingId)] : [])] : [],
  };
}
