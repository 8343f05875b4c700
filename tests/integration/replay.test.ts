import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pruneApplied } from '../../server/meetings/retention';
import { registeredCommands } from '../../server/realtime/handle';
import { newId } from '../../shared/domain/ids';
import { CMD_EVENTS } from '../../shared/protocol/replay';
import { dumpDatabase, rowsOf } from '../helpers/dbState';
import { fence, fieldsOf, heardDuring, makeWorld } from '../helpers/replay';
import { beforeEachRow, TABLE } from '../helpers/replayRows';
import { call, ok, startServer, type TestServer } from '../helpers/server';

/**
 * [RECON6] "Sending the same command again is applied once" holds for every command that carries
 * a client-made id, also when newer commands came in between (a lost ack, a second tab): send X,
 * send a newer Y that changes the same thing, send X again. The replay is answered (ok, with what
 * is stored now), changes nothing in storage, broadcasts nothing, and what people see is what Y
 * left. The table must name every such command: a new one fails the first test until it is added.
 */

let srv: TestServer;
beforeAll(async () => {
  // Gathered broadcasts go out at once, in the order they were scheduled: fences are exact.
  srv = await startServer({ config: { broadcastDelayMs: 0 } });
});
afterAll(async () => {
  await srv?.close();
});

describe('[RECON6] replaying an old command after a newer one', () => {
  it('[RECON6] the table names every command that carries a client-made id', async () => {
    const w = await makeWorld(srv, false);
    const serverSocket = [...srv.app.ctx.io.sockets.sockets.values()].find(
      (s) => s.data.role === 'facilitator',
    )!;
    const withId: string[] = [];
    const withCmd: string[] = [];
    const listeners = serverSocket as unknown as { listeners(e: string): unknown[] };
    for (const event of serverSocket.eventNames()) {
      if (typeof event !== 'string') continue;
      const info = registeredCommands.get(listeners.listeners(event)[0] as never);
      if (!info) continue;
      const fields = fieldsOf(info.schema);
      if (fields.has('id') || fields.has('cmd')) withId.push(event);
      if (fields.has('cmd')) {
        withCmd.push(event);
        expect(info.once, `${event} records its cmd`).toBe(true);
      }
    }
    expect(withId.sort()).toEqual(Object.keys(TABLE).sort());
    // The client adds a `cmd` to exactly the commands that take one.
    expect(withCmd.sort()).toEqual([...CMD_EVENTS].sort());
    expect(w.fac.connected).toBe(true);
  });

  it('[RECON6] applied ids are kept a week, then forgotten (the table stays bounded)', async () => {
    const applied = async () => {
      const rows = await rowsOf(srv, 'applied_commands');
      const meeting = await srv.app.ctx.store.meetings.getByCode(w.code);
      return { mine: rows.filter((r) => r.meeting_id === meeting!.id).length, all: rows.length };
    };
    // This meeting and its commands are made eight days ago: the store stamps applied ids with
    // the time of day (only Date is faked, and only while they are made).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 8 * 86_400_000 });
    let w: Awaited<ReturnType<typeof makeWorld>>;
    try {
      w = await makeWorld(srv, false);
      await ok(w.fac, 'agenda:update', { id: w.items[1], title: 'Oud', cmd: newId() });
    } finally {
      vi.useRealTimers();
    }
    const before = await applied();
    expect(before.mine).toBeGreaterThan(0);
    await ok(w.fac, 'agenda:update', { id: w.items[1], title: 'Nieuw', cmd: newId() });
    // Exactly the week-old ids go; those of other meetings (made just now) and the new one stay.
    expect(await pruneApplied(srv.app.ctx)).toBe(before.mine);
    expect(await applied()).toEqual({ mine: 1, all: before.all - before.mine + 1 });
  });

  for (const [event, row] of Object.entries(TABLE)) {
    it(`[RECON6] ${event}: X, a newer Y, X again → applied once, state as after Y, nothing broadcast`, async () => {
      beforeEachRow();
      const w = await makeWorld(srv, row.board === true);
      await row.setup?.(w);
      const x = row.x(w);
      expect(x.event).toBe(event);
      await ok(w[x.as], x.event, x.payload);
      const y = row.y(w);
      await ok(w[y.as], y.event, y.payload);
      await fence(w);
      const seen = await row.see(w);
      const stored = await dumpDatabase(srv);
      let answer: Awaited<ReturnType<typeof call>> | undefined;
      const heard = await heardDuring(w, async () => {
        // The same payload object: the same client-made ids, as an outbox or a second tab sends it.
        answer = await call(w[x.as], x.event, x.payload);
      });
      expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true });
      expect(heard).toEqual([]);
      expect(await dumpDatabase(srv)).toEqual(stored);
      expect(await row.see(w)).toEqual(seen);
    });
  }
});
