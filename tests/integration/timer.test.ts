import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids';
import { remainingAt, type TimerView } from '../../shared/domain/timer';
import { type ManualClock, manualClock } from '../helpers/clock';
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

/**
 * A client as the browser runs it: its own (possibly wrong) clock, a clock offset measured from the
 * snapshot's serverTime at the middle of the round-trip, and the timers it received. Its clock runs
 * with the world's (`clock`, the server's too), off by `skewMs`.
 */
async function clientOf(clock: ManualClock, socket: TestSocket, skewMs: number) {
  const local = () => clock.now() + skewMs;
  const t0 = local();
  const snap = await ok(socket, 'session:sync');
  const t1 = local();
  const offset = snap.serverTime - (t0 + t1) / 2;
  let timer = snap.timers.find((t) => t.scope === 'meeting');
  socket.on('timer:updated', (t: TimerView) => {
    if (t.scope === 'meeting') timer = t;
  });
  return {
    remaining: () => (timer ? remainingAt(timer, local() + offset) : null),
    timer: () => timer,
  };
}

const start = (fac: TestSocket, durationMs: number, id = newId()) =>
  ok(fac, 'timer:start', { id, scope: 'meeting', durationMs, label: 'Break-out' });

describe('the shared timer', () => {
  it('[TIMER1][TIMER3] three clients with wrong clocks, one joining late, show the same remaining time (within 1 s)', async () => {
    const clock = manualClock();
    srv = await startServer({ clock });
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const screen = await srv.connect(meeting.code);
    // Clocks off by +90 s, −40 s and 0: a client that trusted its own clock would be far off.
    const clients = [await clientOf(clock, facilitator, 90_000), await clientOf(clock, ann!.socket, -40_000)];
    const arrived = waitFor<TimerView>(screen, 'timer:updated');
    const t = await start(facilitator, 5 * 60_000);
    expect(t).toMatchObject({ status: 'running', durationMs: 300_000, label: 'Break-out' });
    await arrived;
    await clock.advance(1500);
    // Bert joins late: he gets the running timer from his snapshot, not from a broadcast.
    const bert = await srv.join(meeting.code, 'Bert');
    const late = await srv.connect(meeting.code, bert.token);
    clients.push(await clientOf(clock, late, 0));
    await eventually(() => clients.every((c) => c.timer()?.status === 'running'));
    const shown = clients.map((c) => c.remaining()!);
    expect(Math.max(...shown) - Math.min(...shown)).toBeLessThan(1000);
    // And it is the real remaining time: about 5 min − 1.5 s.
    expect(shown[2]).toBeLessThanOrEqual(300_000 - 1400);
    expect(shown[2]).toBeGreaterThan(300_000 - 4000);
  });

  it('[TIMER2] pause, resume, extend and stop; a retried command is applied once', async () => {
    const clock = manualClock();
    srv = await startServer({ clock });
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    await start(facilitator, 60_000);
    await clock.advance(300);
    const paused = await ok(facilitator, 'timer:pause', { id: newId(), scope: 'meeting' });
    expect(paused.status).toBe('paused');
    expect(paused.remainingMs).toBeLessThanOrEqual(59_700);
    expect(paused.remainingMs).toBeGreaterThan(58_000);
    await clock.advance(300);
    // Paused: the remaining time does not run.
    expect(remainingAt(paused, clock.now())).toBe(paused.remainingMs);
    const ext = newId();
    const extended = await ok(facilitator, 'timer:extend', {
      id: ext,
      scope: 'meeting',
      byMs: 120_000,
    });
    expect(extended.remainingMs).toBe(paused.remainingMs! + 120_000);
    // The same command again (a retry after a lost ack): not extended twice.
    expect(await ok(facilitator, 'timer:extend', { id: ext, scope: 'meeting', byMs: 120_000 })).toEqual(
      extended,
    );
    const resumed = await ok(facilitator, 'timer:resume', { id: newId(), scope: 'meeting' });
    expect(resumed.status).toBe('running');
    expect(resumed.endsAt! - resumed.updatedAt).toBe(extended.remainingMs);
    const shortened = await ok(facilitator, 'timer:extend', {
      id: newId(),
      scope: 'meeting',
      byMs: -60_000,
    });
    expect(shortened.endsAt).toBe(resumed.endsAt! - 60_000);
    const stopGot = waitFor<TimerView>(ann!.socket, 'timer:updated', (t) => t.status === 'idle');
    const stopped = await ok(facilitator, 'timer:stop', { id: newId(), scope: 'meeting' });
    expect(stopped).toMatchObject({ status: 'idle', endsAt: null, remainingMs: null });
    await stopGot;
  });

  it('[TIMER2] a timer that ran out shows 0 and can be extended from now', async () => {
    const clock = manualClock();
    srv = await startServer({ clock });
    const { facilitator } = await meetingWithFacilitator(srv);
    await start(facilitator, 1000);
    await clock.advance(1200);
    const snap = await ok(facilitator, 'session:sync');
    const t = snap.timers[0]!;
    expect(remainingAt(t, snap.serverTime)).toBe(0);
    const more = await ok(facilitator, 'timer:extend', {
      id: newId(),
      scope: 'meeting',
      byMs: 30_000,
    });
    expect(more.endsAt! - more.updatedAt).toBe(30_000);
  });

  it('[TIMER2] only the facilitator controls the timer; bad input is refused', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const [ann] = await joinMany(srv, meeting.code, 1);
    const secretary = await srv.connect(meeting.code, meeting.secretaryToken);
    const observer = await srv.connect(meeting.code);
    for (const s of [ann!.socket, secretary, observer]) {
      expect(
        await call(s, 'timer:start', { id: newId(), scope: 'meeting', durationMs: 60_000 }),
      ).toMatchObject({ ok: false, error: 'forbidden' });
      expect(await call(s, 'timer:stop', { id: newId(), scope: 'meeting' })).toMatchObject({
        ok: false,
        error: 'forbidden',
      });
    }
    const bad: [string, unknown][] = [
      ['timer:start', { id: newId(), scope: 'meeting', durationMs: 0 }],
      ['timer:start', { id: newId(), scope: 'meeting', durationMs: 5 * 60 * 60 * 1000 }],
      ['timer:start', { id: newId(), scope: 'meeting', durationMs: 1500.5 }],
      ['timer:start', { id: newId(), scope: 'zaal', durationMs: 60_000 }],
      ['timer:start', { id: newId(), scope: 'meeting', durationMs: '60000' }],
      ['timer:start', { id: 'x', scope: 'meeting', durationMs: 60_000 }],
      ['timer:extend', { id: newId(), scope: 'meeting', byMs: 0 }],
      ['timer:pause', { scope: 'meeting' }],
    ];
    for (const [event, payload] of bad) {
      expect(await raw(facilitator, event, payload), JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: 'invalid_payload',
      });
    }
    // A break-out room that does not exist (rooms are not registered here): not found.
    expect(
      await call(facilitator, 'timer:start', { id: newId(), scope: `room:${newId()}`, durationMs: 60_000 }),
    ).toMatchObject({ ok: false, error: 'not_found' });
    expect((await ok(facilitator, 'session:sync')).timers).toEqual([]);
  });

  it('[TIMER4] a running timer survives a server restart with the same end time', async () => {
    srv = await startServer();
    const { meeting, facilitator } = await meetingWithFacilitator(srv);
    const t = await start(facilitator, 10 * 60_000);
    await srv.restart();
    const obs = await srv.connect(meeting.code);
    const snap = await ok(obs, 'session:sync');
    expect(snap.timers).toEqual([t]);
  });
});
