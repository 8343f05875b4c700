import { assignRooms, type Person, placeLateJoiner, roomCount } from '../../shared/domain/board/assign';
import type { MemberRecord, RoomRecord } from '../storage/boardStore';
import type { Store } from '../storage/store';
import { newBoards, newRooms } from './breakoutRooms';
import type { BreakoutActivity, PlaceChange } from './breakouts';

/** The meeting's participants as the assignment sees them (only `ids`, when given). */
async function people(db: Store, meetingId: string, ids?: Set<string>): Promise<Person[]> {
  return (await db.participants.list(meetingId))
    .filter((p) => !ids || ids.has(p.id))
    .map((p) => ({ id: p.id, orgType: p.orgType }));
}

/** Who is in each room now. */
function loadsOf(rooms: RoomRecord[], members: MemberRecord[], byId: Map<string, Person>) {
  return rooms.map((r) => ({
    id: r.id,
    members: members
      .filter((m) => m.roomId === r.id)
      .map((m) => byId.get(m.participantId)!)
      .filter(Boolean),
  }));
}

/**
 * [BOARD2] Places one participant who is in no room yet (a late joiner). Run inside a transaction:
 * the loads are read and the place taken together, so people arriving at once spread out.
 */
export async function placeLate(
  tx: Store,
  a: BreakoutActivity,
  participantId: string,
  t: number,
): Promise<string | null> {
  const rooms = await tx.breakouts.rooms(a.id);
  const members = await tx.breakouts.members(a.id);
  const byId = new Map((await people(tx, a.meetingId)).map((p) => [p.id, p]));
  const person = byId.get(participantId);
  if (!person || rooms.length === 0) return null;
  const loads = loadsOf(rooms, members, byId);
  const roomId = placeLateJoiner(person, loads, a.spec.assignment === 'mixed' ? 'mixed' : 'random');
  if (!roomId) return null;
  const [stored] = await tx.breakouts.placeNew(a.id, [{ participantId, roomId }], t);
  return stored?.roomId ?? roomId;
}

/**
 * [BOARD2][BOARD3] Starting, inside a transaction (people arriving meanwhile are counted): the first
 * time, rooms (by count, or by size for the people online) with a board per question; then everyone
 * online who is in no room is placed (random, mixed). Starting again after an end continues with
 * the same rooms, boards and placements.
 */
export async function startBreakout(
  tx: Store,
  a: BreakoutActivity,
  onlineIds: Set<string>,
  t: number,
  random: () => number,
): Promise<PlaceChange[]> {
  const online = await people(tx, a.meetingId, onlineIds);
  if ((await tx.breakouts.rooms(a.id)).length === 0) {
    const rooms = newRooms(a, roomCount(a.spec, online.length));
    const boards = newBoards(
      a,
      rooms.map((r) => r.id),
      t,
    );
    await tx.breakouts.addRooms(rooms, boards, true);
  }
  await tx.breakouts.update(a.id, { startedAt: t });
  if (a.spec.assignment !== 'random' && a.spec.assignment !== 'mixed') return [];
  const rooms = await tx.breakouts.rooms(a.id);
  const members = await tx.breakouts.members(a.id);
  const placed = new Set(members.map((m) => m.participantId));
  const waiting = online.filter((p) => !placed.has(p.id));
  if (waiting.length === 0) return [];
  let entries: { participantId: string; roomId: string }[];
  if (members.length === 0) {
    const plan = assignRooms(
      waiting,
      rooms.map((r) => r.id),
      a.spec.assignment,
      random,
    );
    entries = [...plan].map(([participantId, roomId]) => ({ participantId, roomId }));
  } else {
    const all = new Map((await people(tx, a.meetingId)).map((p) => [p.id, p]));
    const loads = loadsOf(rooms, members, all);
    entries = [];
    for (const p of waiting) {
      const roomId = placeLateJoiner(p, loads, a.spec.assignment);
      if (!roomId) continue;
      loads.find((l) => l.id === roomId)!.members.push(p);
      entries.push({ participantId: p.id, roomId });
    }
  }
  const stored = await tx.breakouts.placeNew(a.id, entries, t);
  return stored.map((m) => ({ activityId: a.id, participantId: m.participantId, roomId: m.roomId }));
}
