import type { Socket } from 'socket.io-client';
import { newId } from '../../shared/domain/ids';
import type { ActivityView, Snapshot } from '../../shared/domain/types';
import type { ActivitySpec } from '../../shared/protocol/schemas/activity';
import { call, ok, type TestSocket } from './server';

/** Creates an activity of any kind (and opens it unless `open: false`). */
export async function createActivity(
  facilitator: TestSocket,
  spec: ActivitySpec,
  opts: { anonymous?: boolean; agendaItemId?: string | null; open?: boolean } = {},
): Promise<ActivityView> {
  const id = newId();
  const view = await ok(facilitator, 'activity:create', {
    id,
    agendaItemId: opts.agendaItemId ?? null,
    anonymous: opts.anonymous ?? false,
    spec,
  });
  return opts.open === false ? view : ok(facilitator, 'activity:open', { id });
}

export const submit = (
  s: TestSocket,
  activityId: string,
  value: unknown,
  extra: { note?: string; id?: string } = {},
) =>
  call(s, 'response:submit', {
    id: extra.id ?? newId(),
    activityId,
    value,
    ...(extra.note !== undefined ? { note: extra.note } : {}),
  });

/** Every event of the given names this socket receives, in order, with its payload. */
export function record(socket: TestSocket, events: string[]): { event: string; payload: unknown }[] {
  const seen: { event: string; payload: unknown }[] = [];
  const s = socket as unknown as Socket;
  for (const event of events) s.on(event, (payload: unknown) => seen.push({ event, payload }));
  return seen;
}

export async function snapshotOf(s: TestSocket): Promise<Snapshot> {
  return ok(s, 'session:sync');
}

export async function resultsFor<R>(s: TestSocket, activityId: string): Promise<R | undefined> {
  return (await snapshotOf(s)).results.find((r) => r.activityId === activityId) as R | undefined;
}

/**
 * A round-trip on each socket. Socket.IO keeps the order of one connection, so every event the
 * server sent these sockets before has arrived when this resolves: "nothing leaked" is then true.
 */
export async function flush(...sockets: TestSocket[]): Promise<void> {
  await Promise.all(sockets.map((s) => call(s, 'session:sync')));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
