import { afterEach, describe, expect, it } from 'vitest';
import { rooms } from '../../server/realtime/rooms';
import type { ScopeKind } from '../../server/realtime/scopes';
import type { ChatMessageView } from '../../shared/domain/chat';
import { newId } from '../../shared/domain/ids';
import type { TimerView } from '../../shared/domain/timer';
import { joinMany, meetingWithFacilitator } from '../helpers/fixtures';
import { call, ok, startServer, type TestServer, waitFor } from '../helpers/server';
import { flush, record } from '../helpers/toolkit';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

/**
 * A stand-in for the break-out rooms: a `room` scope kind with a fixed membership, registered the
 * way the rooms will register theirs. It proves timers and chat work per room without change.
 */
function registerRooms(s: TestServer, meetingId: string, members: Map<string, Set<string>>) {
  const kind: ScopeKind = {
    exists: async (m, id) => m === meetingId && id !== null && members.has(id),
    member: async (session, id) =>
      id !== null && !!session.participantId && !!members.get(id)?.has(session.participantId),
    audience: (m, id) => [`${rooms.meeting(m)}:room:${id}`],
    scopesOf: async (session) =>
      session.role === 'facilitator' || session.role === 'secretary'
        ? [...members.keys()]
        : [...members]
            .filter(([, ps]) => session.participantId && ps.has(session.participantId))
            .map(([id]) => id),
  };
  s.app.ctx.scopes.register('room', kind);
}

describe('scopes: a break-out room plugs in', () => {
  it('[SCOPE1][TIMER3][CHAT1] a room timer and room chat reach that room and the staff only', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann, bert, carla] = await joinMany(srv, meeting.code, 3);
    const room = newId();
    registerRooms(srv, meeting.id, new Map([[room, new Set([ann!.participant.id, bert!.participant.id])]]));
    // The rooms would put their members' sockets in the Socket.IO room; here by hand.
    const sockets = await srv.app.ctx.io.in(rooms.participant(ann!.participant.id)).fetchSockets();
    const bs = await srv.app.ctx.io.in(rooms.participant(bert!.participant.id)).fetchSockets();
    for (const s of [...sockets, ...bs]) s.join(`${rooms.meeting(meeting.id)}:room:${room}`);
    const scope = `room:${room}`;
    const outside = record(carla!.socket, ['timer:updated', 'chat:message']);
    const secretary = await srv.connect(meeting.code, meeting.secretaryToken);

    const got = waitFor<TimerView>(ann!.socket, 'timer:updated', (t) => t.scope === scope);
    const staffGot = waitFor<TimerView>(secretary, 'timer:updated', (t) => t.scope === scope);
    await ok(facilitator, 'timer:start', {
      id: newId(),
      scope,
      durationMs: 15 * 60_000,
      label: 'Break-out 1',
    });
    await Promise.all([got, staffGot]);

    const msg = waitFor<ChatMessageView>(secretary, 'chat:message', (m) => m.channel === scope);
    await ok(bert!.socket, 'chat:send', {
      id: newId(),
      channel: scope,
      text: 'Wie noteert er in onze groep?',
    });
    expect((await msg).text).toBe('Wie noteert er in onze groep?');
    // Carla is not in the room: she receives nothing of it and may not write or read there.
    await flush(carla!.socket);
    expect(outside).toEqual([]);
    expect(
      await call(carla!.socket, 'chat:send', { id: newId(), channel: scope, text: 'hoi' }),
    ).toMatchObject({
      ok: false,
      error: 'not_found',
    });
    expect(await call(carla!.socket, 'chat:history', { channel: scope, beforeSeq: 1000 })).toMatchObject({
      ok: false,
      error: 'not_found',
    });
    const carlaSnap = await ok(carla!.socket, 'session:sync');
    expect(carlaSnap.timers).toEqual([]);
    expect(carlaSnap.chat!.channels.map((c) => c.channel)).toEqual(['meeting']);
    // Ann's snapshot has the meeting and her room; the facilitator's too.
    const annSnap = await ok(ann!.socket, 'session:sync');
    expect(annSnap.chat!.channels.map((c) => c.channel)).toEqual(['meeting', scope]);
    expect(annSnap.timers.map((t) => t.label)).toEqual(['Break-out 1']);
    const facSnap = await ok(facilitator, 'session:sync');
    expect(facSnap.chat!.channels.find((c) => c.channel === scope)?.messages).toHaveLength(1);
    // A participant cannot start a room timer; a room that does not exist is not found.
    expect(await call(ann!.socket, 'timer:start', { id: newId(), scope, durationMs: 60_000 })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(
      await call(facilitator, 'timer:start', { id: newId(), scope: `room:${newId()}`, durationMs: 60_000 }),
    ).toMatchObject({ ok: false, error: 'not_found' });
  });
});
