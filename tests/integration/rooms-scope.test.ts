import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids';
import { breakoutOf, openBreakout } from '../helpers/boards';
import { joinMany, meetingWithFacilitator } from '../helpers/fixtures';
import { call, ok, startServer, type TestServer, type TestSocket, waitFor } from '../helpers/server';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

/** Everything a socket receives of one event, from now on. */
function record(s: TestSocket, event: string) {
  const got: unknown[] = [];
  (s as unknown as { on(e: string, fn: (x: unknown) => void): void }).on(event, (x) => got.push(x));
  return got;
}

describe('break-out rooms as scopes', () => {
  it('[SCOPE2][CHAT1][TIMER1] a room chat and a room timer reach that room and staff only, and follow moves', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const people = await joinMany(srv, meeting.code, 4);
    const breakout = await openBreakout(facilitator, {
      questions: ['Wat kunnen koplopers betekenen?'],
      rooms: { by: 'count', count: 2 },
    });
    const placed = await Promise.all(
      people.map(async (p) => ({ ...p, roomId: (await breakoutOf(p.socket, breakout.id)).roomId! })),
    );
    const roomA = placed[0]!.roomId;
    const inA = placed.filter((p) => p.roomId === roomA);
    const inB = placed.filter((p) => p.roomId !== roomA);
    expect(inA.length).toBe(2);
    expect(inB.length).toBe(2);

    const seenByB = inB.map((p) => record(p.socket, 'chat:message'));
    const staffSees = waitFor(
      facilitator,
      'chat:message',
      (m: { text: string }) => m.text === 'Alleen kamer A',
    );
    const otherInA = waitFor(
      inA[1]!.socket,
      'chat:message',
      (m: { text: string }) => m.text === 'Alleen kamer A',
    );
    await ok(inA[0]!.socket, 'chat:send', { id: newId(), channel: `room:${roomA}`, text: 'Alleen kamer A' });
    await Promise.all([staffSees, otherInA]);
    // Room B can neither read nor write room A's channel.
    expect(
      await call(inB[0]!.socket, 'chat:send', { id: newId(), channel: `room:${roomA}`, text: 'Inbreker' }),
    ).toMatchObject({ ok: false });
    expect(
      await call(inB[0]!.socket, 'chat:history', { channel: `room:${roomA}`, beforeSeq: 1000 }),
    ).toMatchObject({ ok: false });

    // A timer for room A only.
    const seenTimerByB = inB.map((p) => record(p.socket, 'timer:updated'));
    const aTimer = waitFor(
      inA[0]!.socket,
      'timer:updated',
      (t: { scope: string }) => t.scope === `room:${roomA}`,
    );
    await ok(facilitator, 'timer:start', { id: newId(), scope: `room:${roomA}`, durationMs: 300_000 });
    await aTimer;
    await new Promise((r) => setTimeout(r, 100));
    expect(seenByB.flat()).toEqual([]);
    expect(seenTimerByB.flat()).toEqual([]);

    // Moving someone from B to A: from then on they hear room A.
    const mover = inB[0]!;
    await ok(facilitator, 'breakout:move', {
      activityId: breakout.id,
      participantId: mover.participant.id,
      roomId: roomA,
    });
    await waitFor(mover.socket, 'breakout:placed', (p: { roomId: string }) => p.roomId === roomA);
    await new Promise((r) => setTimeout(r, 100));
    const heard = waitFor(mover.socket, 'chat:message', (m: { text: string }) => m.text === 'Welkom in A');
    await ok(inA[0]!.socket, 'chat:send', { id: newId(), channel: `room:${roomA}`, text: 'Welkom in A' });
    await heard;
    const snap = await ok<{ chat: { channels: { channel: string }[] } }>(mover.socket, 'session:sync');
    expect(snap.chat.channels.map((c) => c.channel)).toContain(`room:${roomA}`);
  });
});
