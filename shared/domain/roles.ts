/**
 * Who someone is in a meeting. Set by the server from a token it issued, never from a payload.
 * - facilitator: runs the meeting (secret link)
 * - secretary: writes the verslag, reads all results (secret link)
 * - participant: joined with the code and a display name
 * - observer: read-only projector / meekijker (code only)
 */
export const ROLES = ['facilitator', 'secretary', 'participant', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** Everything a role may or may not do. The client hides what `can` refuses; the server refuses it. */
export type Action =
  | 'meeting:update'
  | 'meeting:delete'
  | 'agenda:edit'
  | 'activity:manage'
  | 'activity:respond'
  | 'results:readHidden'
  | 'presence:readNames'
  | 'participant:updateSelf'
  | 'report:edit'
  | 'meeting:navigate'
  | 'timer:control'
  | 'chat:read'
  | 'chat:send'
  | 'chat:vote'
  | 'chat:tip'
  | 'chat:curate'
  | 'template:save'
  | 'board:manage'
  | 'board:write'
  | 'board:vote'
  | 'breakout:choose';

const MATRIX: Record<Action, readonly Role[]> = {
  'meeting:update': ['facilitator'],
  'meeting:delete': ['facilitator'],
  'agenda:edit': ['facilitator'],
  'activity:manage': ['facilitator'],
  'activity:respond': ['participant'],
  'results:readHidden': ['facilitator', 'secretary'],
  'presence:readNames': ['facilitator', 'secretary'],
  'participant:updateSelf': ['participant'],
  'report:edit': ['facilitator', 'secretary'],
  'meeting:navigate': ['facilitator'],
  'timer:control': ['facilitator'],
  // Observers (a shared screen, meekijkers) do not see the chat.
  'chat:read': ['facilitator', 'secretary', 'participant'],
  'chat:send': ['facilitator', 'secretary', 'participant'],
  'chat:vote': ['participant'],
  'chat:tip': ['facilitator', 'secretary', 'participant'],
  'chat:curate': ['facilitator', 'secretary'],
  'template:save': ['facilitator'],
  // [BOARD4][BOARD7][BOARD12] Finer rules per board (room, lock, clustering) are in domain/board/access.ts.
  'board:manage': ['facilitator'],
  'board:write': ['facilitator', 'secretary', 'participant'],
  'board:vote': ['participant'],
  'breakout:choose': ['participant'],
};

export function can(role: Role | undefined, action: Action): boolean {
  return role !== undefined && MATRIX[action].includes(role);
}

/** Facilitator and secretary: the people holding a secret link. */
export function isStaff(role: Role | undefined): boolean {
  return role === 'facilitator' || role === 'secretary';
}

/** Organisation types a participant may pick when joining (optional). */
export const ORG_TYPES = [
  'bewonersinitiatief',
  'gemeente',
  'rijk',
  'maatschappelijke_organisatie',
  'anders',
] as const;
export type OrgType = (typeof ORG_TYPES)[number];
