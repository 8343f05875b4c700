import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids';
import type { TimerView } from '../../shared/domain/timer';
import { breakoutOf, openBreakout } from '../helpers/boards';
import { joinMany, meetingWithFacilitator } from '../helpers/fixtures';
import { unreadable } from '../helpers/refusal';
import {
  call,
  eventually,
  ok,
  raw,
  startServer,
  type TestServer,
  type TestSocket,
  waitFor,
} from '../helpers/server';

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
    // Room A heard it in the same emit; a round trip on each of B's connections comes after anything
    // that emit (or the chat's) sent them.
    await Promise.all(inB.map((p) => ok(p.socket, 'session:sync')));
    expect(seenByB.flat()).toEqual([]);
    expect(seenTimerByB.flat()).toEqual([]);

    // Moving someone from B to A: from then on they hear room A.
    const mover = inB[0]!;
    // Room A's running timer reaches them once their connections are in room A (after the placement).
    const placedInA = waitFor(mover.socket, 'breakout:placed', (p: { roomId: string }) => p.roomId === roomA);
    const moved = waitFor(mover.socket, 'timer:updated', (t: TimerView) => t.scope === `room:${roomA}`);
    await ok(facilitator, 'breakout:move', {
      activityId: breakout.id,
      participantId: mover.participant.id,
      roomId: roomA,
    });
    await Promise.all([placedInA, moved]);
    const heard = waitFor(mover.socket, 'chat:message', (m: { text: string }) => m.text === 'Welkom in A');
    await ok(inA[0]!.socket, 'chat:send', { id: newId(), channel: `room:${roomA}`, text: 'Welkom in A' });
    await heard;
    const snap = await ok(mover.socket, 'session:sync');
    expect(snap.chat!.channels.map((c) => c.channel)).toContain(`room:${roomA}`);
  });

  it('[SCOPE3][SCOPE2][TIMER4] one command runs the timer of every room; each room hears its own, the screen hears all', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const people = await joinMany(srv, meeting.code, 4);
    const screen = await srv.connect(meeting.code);
    const draft = await openBreakout(
      facilitator,
      { questions: ['Wat kunnen koplopers betekenen?'], rooms: { by: 'count', count: 2 } },
      { open: false },
    );
    // No rooms yet: nothing to time, nothing stored.
    expect(
      await call(facilitator, 'breakout:timer', {
        id: newId(),
        activityId: draft.id,
        op: 'start',
        durationMs: 60_000,
      }),
    ).toMatchObject({ ok: false, error: 'conflict' });
    await ok(facilitator, 'activity:open', { id: draft.id });
    const placed = await Promise.all(
      people.map(async (p) => ({ ...p, roomId: (await breakoutOf(p.socket, draft.id)).roomId! })),
    );
    const roomIds = [...new Set(placed.map((p) => p.roomId))];
    expect(roomIds).toHaveLength(2);
    // Participants sync again after placement (as the client does), so they sit in their Socket.IO room.
    const heard = placed.map((p) => record(p.socket, 'timer:updated'));
    const screenHeard = record(screen, 'timer:updated');

    const id = newId();
    const started = await ok(facilitator, 'breakout:timer', {
      id,
      activityId: draft.id,
      op: 'start',
      durationMs: 20 * 60_000,
      label: 'Break-outs',
    });
    expect(started.map((t) => t.scope).sort()).toEqual(roomIds.map((r) => `room:${r}`).sort());
    expect(started.every((t) => t.status === 'running' && t.durationMs === 20 * 60_000)).toBe(true);
    expect(new Set(started.map((t) => t.endsAt)).size).toBe(1);
    await eventually(() => heard.every((h) => h.length === 1) && screenHeard.length === 2);
    // Each participant hears exactly the timer of their own room.
    expect(heard.map((h) => (h[0] as TimerView).scope)).toEqual(placed.map((p) => `room:${p.roomId}`));

    // A retry (same id) changes nothing and answers the same timers.
    const again = await ok(facilitator, 'breakout:timer', {
      id,
      activityId: draft.id,
      op: 'start',
      durationMs: 5 * 60_000,
    });
    expect(again.map((t) => t.endsAt)).toEqual(started.map((t) => t.endsAt));

    // Pause all, extend one room by itself, resume all.
    const paused = await ok(facilitator, 'breakout:timer', {
      id: newId(),
      activityId: draft.id,
      op: 'pause',
    });
    expect(paused.every((t) => t.status === 'paused')).toBe(true);
    const one = await ok(facilitator, 'timer:extend', {
      id: newId(),
      scope: `room:${roomIds[0]}`,
      byMs: 5 * 60_000,
    });
    expect(one.remainingMs).toBeGreaterThan(paused.find((t) => t.scope === one.scope)!.remainingMs!);

    // The screen's snapshot carries every room's timer; a participant's only their room's.
    const screenSnap = await ok(screen, 'session:sync');
    expect(screenSnap.timers.map((t) => t.scope).sort()).toEqual(roomIds.map((r) => `room:${r}`).sort());
    expect(screenSnap.chat).toBeNull();
    const annSnap = await ok(placed[0]!.socket, 'session:sync');
    expect(annSnap.timers.map((t) => t.scope)).toEqual([`room:${placed[0]!.roomId}`]);

    // Someone moved into the other room hears that room's timer at once.
    const mover = placed.find((p) => p.roomId === roomIds[0])!;
    const other = roomIds[1]!;
    const got = waitFor(mover.socket, 'timer:updated', (t: TimerView) => t.scope === `room:${other}`);
    await ok(facilitator, 'breakout:move', {
      activityId: draft.id,
      participantId: mover.participant.id,
      roomId: other,
    });
    expect(await got).toMatchObject({ status: 'paused' });

    // [TIMER4] After a restart the timers are as they were.
    await srv.restart();
    const back = await srv.connect(meeting.code, meeting.facilitatorToken);
    const snap = await ok(back, 'session:sync');
    const byScope = Object.fromEntries(snap.timers.map((t) => [t.scope, t]));
    expect(byScope[`room:${roomIds[0]}`]).toMatchObject({ status: 'paused', remainingMs: one.remainingMs });
    const stopped = await ok(back, 'breakout:timer', {
      id: newId(),
      activityId: draft.id,
      op: 'stop',
    });
    expect(stopped.every((t) => t.status === 'idle')).toBe(true);
    // Malformed: unknown op, a start without a duration, extra fields.
    for (const bad of [
      { id: newId(), activityId: draft.id, op: 'explode' },
      { id: newId(), activityId: draft.id, op: 'start' },
      { id: newId(), activityId: draft.id, op: 'pause', scope: 'meeting' },
    ]) {
      expect(await raw(back, 'breakout:timer', bad)).toMatchObject({ ok: false, error: 'invalid_payload' });
    }
  });

  it('[CHAT9] after the break-outs end a room chat is read-only: nobody posts, participants neither vote nor tip; staff still curate; everyone still reads', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann, bert] = await joinMany(srv, meeting.code, 2);
    const breakout = await openBreakout(facilitator, {
      questions: ['Wat valt op?'],
      rooms: { by: 'count', count: 1 },
    });
    const roomId = (await breakoutOf(ann!.socket, breakout.id)).roomId!;
    await breakoutOf(bert!.socket, breakout.id);
    const channel = `room:${roomId}`;
    const said = newId();
    await ok(ann!.socket, 'chat:send', { id: said, channel, text: 'Wat we afspraken' });
    await ok(facilitator, 'activity:close', { id: breakout.id });
    const before = await ok(facilitator, 'chat:all', { channel });

    const refused = [
      await call(ann!.socket, 'chat:send', { id: newId(), channel, text: 'Nog iets' }),
      await call(facilitator, 'chat:send', { id: newId(), channel, text: 'Van de leiding' }),
      await call(bert!.socket, 'chat:vote', { messageId: said, up: true }),
      await call(bert!.socket, 'chat:tip', { messageId: said, on: true }),
    ];
    for (const r of refused) {
      expect(r).toMatchObject({ ok: false, error: 'closed' });
      expect(unreadable(r)).toBeNull();
    }
    // A resend of the message sent while the rooms were open is still answered with it.
    expect(
      await call(ann!.socket, 'chat:send', { id: said, channel, text: 'Wat we afspraken' }),
    ).toMatchObject({
      ok: true,
      data: { id: said },
    });
    // Staff curate it for the verslag; participants still read it.
    await ok(facilitator, 'chat:tip', { messageId: said, on: true });
    await ok(facilitator, 'chat:pin', { messageId: said, on: true });
    const page = await ok(bert!.socket, 'chat:history', {
      channel,
      beforeSeq: Number.MAX_SAFE_INTEGER,
    });
    expect(page.messages.map((m) => [m.id, m.tip])).toEqual([[said, true]]);
    expect(await ok(facilitator, 'chat:all', { channel })).toHaveLength(before.length);
    // The meeting chat is not affected; starting the break-outs again opens the room chat again.
    await ok(bert!.socket, 'chat:send', { id: newId(), channel: 'meeting', text: 'Dank allemaal' });
    await ok(facilitator, 'activity:open', { id: breakout.id });
    await ok(bert!.socket, 'chat:send', { id: newId(), channel, text: 'Weer open' });
  });
});
