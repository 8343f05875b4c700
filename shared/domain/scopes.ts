/**
 * A scope is where a timer runs or a chat channel lives: the whole meeting, or one break-out room
 * (`room:<uuid>`). Who belongs to a room is decided on the server by the room's own rules
 * (`server/realtime/scopes.ts`); the meeting scope is everyone in the meeting.
 */
export type Scope = 'meeting' | `room:${string}`;

export const MEETING_SCOPE = 'meeting' as const;

const ROOM = /^room:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isScope(s: string): s is Scope {
  return s === MEETING_SCOPE || ROOM.test(s);
}

/** `room:<id>` → `{ kind: 'room', id }`; `meeting` → `{ kind: 'meeting', id: null }`. */
export function parseScope(s: Scope): { kind: string; id: string | null } {
  if (s === MEETING_SCOPE) return { kind: 'meeting', id: null };
  const i = s.indexOf(':');
  return { kind: s.slice(0, i), id: s.slice(i + 1) };
}
