import type { BreakoutSpec } from '../../protocol/schemas/board';
import type { OrgType } from '../roles';

/** How participants are placed in rooms (BOARD3). */
export const ASSIGNMENTS = ['random', 'mixed', 'manual', 'self'] as const;
export type Assignment = (typeof ASSIGNMENTS)[number];

export interface Person {
  id: string;
  orgType: OrgType | null;
}

/** [BOARD2] Rooms to make at the first start: the set count, or enough rooms of the set size. */
export function roomCount(spec: Pick<BreakoutSpec, 'rooms'>, people: number): number {
  if (spec.rooms.by === 'count') return spec.rooms.count;
  return Math.max(1, Math.ceil(people / spec.rooms.size));
}

/** Rooms a self-choosing participant may still pick: a set room size is a cap; a set count is not. */
export function roomCapacity(spec: Pick<BreakoutSpec, 'rooms'>): number {
  return spec.rooms.by === 'size' ? spec.rooms.size : Number.POSITIVE_INFINITY;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * [BOARD3] Places people in rooms at the start.
 * - random: shuffled, then dealt round the rooms: sizes differ by at most one.
 * - mixed: people of each organisation type are dealt round the rooms in turn, largest group
 *   first, continuing where the last group stopped: every type is spread as evenly as it can be,
 *   and sizes still differ by at most one.
 */
export function assignRooms(
  people: readonly Person[],
  roomIds: readonly string[],
  mode: 'random' | 'mixed',
  random: () => number = Math.random,
): Map<string, string> {
  const out = new Map<string, string>();
  if (roomIds.length === 0) return out;
  let order: Person[];
  if (mode === 'random') {
    order = shuffle([...people], random);
  } else {
    const groups = new Map<string, Person[]>();
    for (const p of people) {
      const key = p.orgType ?? '';
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    order = [...groups.entries()]
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
      .flatMap(([, g]) => shuffle(g, random));
  }
  // Rooms in a shuffled order, so room 1 does not always get the first (and extra) person.
  const rooms = shuffle([...roomIds], random);
  for (const [i, p] of order.entries()) out.set(p.id, rooms[i % rooms.length]!);
  return out;
}

export interface RoomLoad {
  id: string;
  members: readonly Person[];
}

/**
 * [BOARD2][BOARD3] A late joiner's room: the room with fewest people (random), or with fewest
 * people of the same organisation type and then fewest people (mixed). Ties go to the first room.
 */
export function placeLateJoiner(
  person: Person,
  rooms: readonly RoomLoad[],
  mode: 'random' | 'mixed',
): string | null {
  let best: RoomLoad | null = null;
  let bestKey: [number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  for (const r of rooms) {
    const same = mode === 'mixed' ? r.members.filter((m) => m.orgType === person.orgType).length : 0;
    const key: [number, number] = [same, r.members.length];
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = r;
      bestKey = key;
    }
  }
  return best?.id ?? null;
}
