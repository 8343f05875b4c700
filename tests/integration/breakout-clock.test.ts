import { afterEach, describe, expect, it } from 'vitest';
import type { BreakoutView } from '../../shared/domain/board/types';
import type { TimerView } from '../../shared/domain/timer';
import type { ActivityView } from '../../shared/domain/types';
import { breakoutOf, openBreakout } from '../helpers/boards';
import { manualClock } from '../helpers/clock';
import { joinMany, meetingWithFacilitator } from '../helpers/fixtures';
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

/** The timers of every room of a break-out as a connection's snapshot has them. */
async function roomTimers(s: TestSocket, activityId: string): Promise<TimerView[]> {
  const snap = await ok(s, 'session:sync');
  const rooms = snap.breakouts.find((b) => b.activityId === activityId)?.rooms ?? [];
  return rooms.map(
    (r) => snap.timers.find((t) => t.scope === `room:${r.id}`) ?? ({ status: 'idle' } as TimerView),
  );
}

describe('the one clock of the break-outs', () => {
  it('[BOARD18][SCOPE3][TIMER3] starting the break-outs starts every room’s timer with the time box (one end time), heard in every room and on the screen; ending stops them all', async () => {
    const clock = manualClock();
    srv = await startServer({ clock });
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann, bert] = await joinMany(srv, meeting.code, 2);
    const screen = await srv.connect(meeting.code);
    const annHears = waitFor(ann!.socket, 'timer:updated', (t: TimerView) => t.status === 'running');
    const screenHears = waitFor(screen, 'timer:updated', (t: TimerView) => t.status === 'running');
    const before = clock.now();
    const a = await openBreakout(facilitator, { rooms: { by: 'count', count: 2 }, timeboxMinutes: 10 });
    const [heard] = await Promise.all([annHears, screenHears]);
    expect(heard.durationMs).toBeGreaterThan(10 * 60_000 - 5000);

    const timers = await roomTimers(facilitator, a.id);
    expect(timers).toHaveLength(2);
    expect(timers.map((t) => t.status)).toEqual(['running', 'running']);
    // One end time for all rooms, ten minutes from the start (server clock).
    expect(new Set(timers.map((t) => t.endsAt)).size).toBe(1);
    const { view } = await breakoutOf(facilitator, a.id);
    expect(timers[0]!.endsAt).toBe(view.startedAt! + 10 * 60_000);
    expect(view.startedAt!).toBeGreaterThanOrEqual(before - 1000);
    // A participant's snapshot has their room's timer with the same end.
    const mine = await roomTimers(bert!.socket, a.id);
    expect(mine.filter((t) => t.status === 'running').map((t) => t.endsAt)).toEqual([timers[0]!.endsAt]);

    // Opening again while they run changes nothing (no restart of the clock).
    await ok(facilitator, 'activity:open', { id: a.id });
    expect((await roomTimers(facilitator, a.id)).map((t) => t.endsAt)).toEqual(timers.map((t) => t.endsAt));

    // Ending stops every room's timer, and every room hears it.
    const annStopped = waitFor(ann!.socket, 'timer:updated', (t: TimerView) => t.status === 'idle');
    const screenStopped = waitFor(screen, 'timer:updated', (t: TimerView) => t.status === 'idle');
    await ok(facilitator, 'activity:close', { id: a.id });
    await Promise.all([annStopped, screenStopped]);
    expect((await roomTimers(facilitator, a.id)).map((t) => t.status)).toEqual(['idle', 'idle']);

    // Starting again a minute later: the time box again, from now.
    await clock.advance(60_000);
    await ok(facilitator, 'activity:open', { id: a.id });
    const again = await roomTimers(facilitator, a.id);
    expect(again.map((t) => t.status)).toEqual(['running', 'running']);
    expect(again[0]!.endsAt!).toBeGreaterThan(timers[0]!.endsAt!);

    // Without a time box, no timer starts.
    const b = await openBreakout(facilitator, { rooms: { by: 'count', count: 2 }, timeboxMinutes: null });
    expect((await roomTimers(facilitator, b.id)).map((t) => t.status)).toEqual(['idle', 'idle']);
  });

  it('[BOARD18] “einde over …”: every room counts down to one moment and the server ends the break-outs then by itself, also with the facilitator gone', async () => {
    const clock = manualClock();
    srv = await startServer({ clock });
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const a = await openBreakout(facilitator, { rooms: { by: 'count', count: 2 }, timeboxMinutes: 20 });

    // Bad input is refused with a sentence and changes nothing.
    for (const inSeconds of [-1, 601, 1.5, '60']) {
      const r = await raw(facilitator, 'breakout:end', { activityId: a.id, inSeconds });
      expect(r).toMatchObject({ ok: false, error: 'invalid_payload' });
    }
    expect(await call(ann!.socket, 'breakout:end', { activityId: a.id, inSeconds: 1 })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect((await breakoutOf(facilitator, a.id)).view.endsAt).toBeNull();

    const countdown = waitFor(
      ann!.socket,
      'timer:updated',
      (t: TimerView) => t.status === 'running' && t.durationMs === 2000,
    );
    const announced = waitFor(ann!.socket, 'breakout:updated', (v: BreakoutView) => v.endsAt !== null);
    const view = await ok(facilitator, 'breakout:end', { activityId: a.id, inSeconds: 2 });
    expect(view.endsAt).not.toBeNull();
    const [t] = await Promise.all([countdown, announced]);
    // The rooms' timers run to the very moment the break-outs end.
    expect(t.endsAt).toBe(view.endsAt);
    expect((await roomTimers(facilitator, a.id)).map((x) => x.endsAt)).toEqual([view.endsAt, view.endsAt]);
    // Asking again does not move the moment.
    const again = await ok(facilitator, 'breakout:end', { activityId: a.id, inSeconds: 60 });
    expect(again.endsAt).toBe(view.endsAt);

    // The facilitator's browser closes; the server ends the break-outs on time, not before.
    facilitator.disconnect();
    const ending = waitFor(
      ann!.socket,
      'activity:updated',
      (v: ActivityView) => v.id === a.id && v.status === 'closed',
    );
    await clock.advance(view.endsAt! - clock.now() - 1);
    expect((await breakoutOf(ann!.socket, a.id)).view.status).toBe('open');
    await clock.advance(1);
    const ended = await ending;
    expect(clock.now()).toBeGreaterThanOrEqual(view.endsAt! - 50);
    expect(ended.status).toBe('closed');
    const back = await srv.connect(meeting.code, meeting.facilitatorToken);
    expect((await roomTimers(back, a.id)).map((x) => x.status)).toEqual(['idle', 'idle']);
    expect((await breakoutOf(back, a.id)).view).toMatchObject({ status: 'closed', endsAt: null });
    // Ended: there is nothing to count down to.
    expect(await call(back, 'breakout:end', { activityId: a.id, inSeconds: 60 })).toMatchObject({
      ok: false,
      error: 'closed',
    });
  });

  it('[BOARD18] ending now stops the countdown; a countdown survives a restart of the server', async () => {
    const clock = manualClock();
    srv = await startServer({ clock });
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const a = await openBreakout(facilitator, { rooms: { by: 'count', count: 2 } });
    await ok(facilitator, 'breakout:end', { activityId: a.id, inSeconds: 1 });
    const now = await ok(facilitator, 'breakout:end', { activityId: a.id, inSeconds: 0 });
    expect(now).toMatchObject({ status: 'closed', endsAt: null });
    // Started again within that second: the old countdown does not end the new round.
    await ok(facilitator, 'activity:open', { id: a.id });
    await clock.advance(1300); // the old countdown's moment passes
    expect((await breakoutOf(facilitator, a.id)).view.status).toBe('open');

    const { endsAt } = await ok(facilitator, 'breakout:end', {
      activityId: a.id,
      inSeconds: 2,
    });
    await srv.restart();
    const fac = await srv.connect(meeting.code, meeting.facilitatorToken);
    expect((await breakoutOf(fac, a.id)).view.endsAt).toBe(endsAt);
    await clock.advance(2000);
    await eventually(async () => (await breakoutOf(fac, a.id)).view.status === 'closed');
    expect(clock.now()).toBeGreaterThanOrEqual(endsAt! - 50);
    expect((await roomTimers(fac, a.id)).map((x) => x.status)).toEqual(['idle', 'idle']);
    ann!.socket.disconnect();
  });
});
