import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEFAULT_SCALE_LEVELS } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import { ERROR_CODES } from '../../shared/protocol/ack';
import { dumpDatabase } from '../helpers/dbState';
import { unreadable } from '../helpers/refusal';
import { call, ok, raw, startServer, type TestServer, type TestSocket } from '../helpers/server';

/**
 * [FUZZ1] Random and malformed payloads on every event, from every role: the server never
 * crashes, always answers with a clear error, and nothing in storage changes. [ERR1] Every
 * refusal's message is one short line for people: no JSON, no internal names.
 * FUZZ_RUNS sets the number of payloads (default 100,000).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const IN_FLIGHT = 256;

let srv: TestServer;
let sockets: TestSocket[];
let events: string[];
let pollId: string;

beforeAll(async () => {
  srv = await startServer();
  const m = await srv.createMeeting('Fuzz');
  const fac = await srv.connect(m.code, m.facilitatorToken);
  const sec = await srv.connect(m.code, m.secretaryToken);
  const obs = await srv.connect(m.code);
  const p = await srv.join(m.code, 'Ann');
  const ann = await srv.connect(m.code, p.token);
  await ok(fac, 'agenda:add', { id: newId(), title: 'Inleiding' });
  pollId = newId();
  await ok(fac, 'activity:create', {
    id: pollId,
    agendaItemId: null,
    anonymous: false,
    spec: { kind: 'scale', question: 'Hoe tevreden?', levels: [...DEFAULT_SCALE_LEVELS] },
  });
  await ok(fac, 'activity:open', { id: pollId });
  await ok(ann, 'response:submit', { id: newId(), activityId: pollId, value: { level: 2 }, note: 'goed' });
  sockets = [fac, sec, obs, ann];
  // Every command a connection listens to, read from the server itself: new areas join automatically.
  const serverSocket = [...srv.app.ctx.io.sockets.sockets.values()][0]!;
  events = serverSocket.eventNames().filter((e): e is string => typeof e === 'string' && e.includes(':'));
});
afterAll(async () => {
  await srv?.close();
});

/**
 * Values of every JSON-able shape that no strict schema accepts as a whole command. Messages stay
 * under the 2 MB message cap (bigger ones close the connection by design; see FUZZ3).
 */
const smallHostile = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.anything({
      maxDepth: 4,
      withObjectString: true,
      withNullPrototype: true,
      withBoxedValues: false,
      withBigInt: false,
    }),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 1001, maxLength: 20_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((d) => nest(d)) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 100, max: 3000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
  },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -0, 1e308, -1, 99, 2 ** 53) },
);
/** Now and then something really big: a 1.2 MB string, an array of 100,000 elements. */
const hostileValue = fc.oneof(
  { weight: 500, arbitrary: smallHostile },
  { weight: 1, arbitrary: fc.constant('x'.repeat(1_200_000)) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 100_000 }, (_, i) => i)) },
);
const keyish = fc.constantFrom(
  'id',
  'activityId',
  'agendaItemId',
  'title',
  'body',
  'index',
  'value',
  'note',
  'spec',
  'name',
  'date',
  'anonymous',
  'level',
  'kind',
  'levels',
  'question',
  'orgType',
  '__proto__',
  'constructor',
  'prototype',
);
const hostileObject = fc
  .dictionary(keyish, smallHostile, { minKeys: 1, maxKeys: 6 })
  // An own "__proto__" key (as JSON.parse makes it) rides along: prototype pollution must not work,
  // and no strict schema accepts it, so no object here is valid by accident.
  .map((o) =>
    JSON.parse(
      `{"__proto__":{"polluted":true}${JSON.stringify(o).replace(/^\{/, ',').replace(/^,\}$/, '}')}`,
    ),
  );
const payload = fc.oneof({ weight: 3, arbitrary: hostileValue }, { weight: 2, arbitrary: hostileObject });

function nest(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** A payload that happens to be a harmless valid read or empty patch may be answered ok. */
const HARMLESS_OK = new Set(['session:sync', 'meeting:update', 'participant:update']);

describe('fuzzing every event', () => {
  it(`[FUZZ1] ${RUNS.toLocaleString('en')} hostile payloads: clear errors, no crash, nothing changed`, {
    timeout: 300_000,
  }, async () => {
    expect(events.length).toBeGreaterThanOrEqual(15);
    const before = await dumpDatabase(srv);
    const samples = fc.sample(payload, { numRuns: Math.min(RUNS, 5000), seed: 42 });
    let sent = 0;
    let refused = 0;
    const unclear: string[] = [];
    const one = async (i: number) => {
      const event = events[i % events.length]!;
      const socket = sockets[Math.floor(i / events.length) % sockets.length]!;
      const r = await raw(socket, event, samples[i % samples.length]);
      sent++;
      if (!r.ok) {
        refused++;
        if (!ERROR_CODES.includes(r.error) || !r.message) unclear.push(`${event}: ${JSON.stringify(r)}`);
        const why = unreadable(r);
        if (why) unclear.push(`${event}: ${why}`);
      } else if (!HARMLESS_OK.has(event)) {
        unclear.push(`${event} accepted ${JSON.stringify(samples[i % samples.length])?.slice(0, 200)}`);
      }
    };
    for (let start = 0; start < RUNS; start += IN_FLIGHT) {
      await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, RUNS - start) }, (_, k) => one(start + k)));
    }
    expect(unclear.slice(0, 10)).toEqual([]);
    expect(sent).toBe(RUNS);
    expect(refused).toBeGreaterThan(RUNS * 0.9);
    expect(await dumpDatabase(srv)).toEqual(before);
    expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
    for (const s of sockets) expect(s.connected).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('[ERR1] refusals by the rules (a wrongly shaped answer, a role, a gone id) are one sentence; details in issues', async () => {
    const before = await dumpDatabase(srv);
    const [fac, sec, obs, ann] = sockets as [TestSocket, TestSocket, TestSocket, TestSocket];
    const shapes: unknown[] = [
      { level: 'x' },
      { level: [1, 2] },
      [{ code: 1 }],
      { words: ['a'] },
      null,
      'vier',
    ];
    const refusals = [
      ...(await Promise.all(
        shapes.map((value) => raw(ann, 'response:submit', { id: newId(), activityId: pollId, value })),
      )),
      await call(ann, 'response:submit', { id: newId(), activityId: pollId, value: { level: 9 } }),
      await call(ann, 'activity:open', { id: pollId }),
      await call(sec, 'timer:start', { id: newId(), scope: 'meeting', durationMs: 1000 }),
      await call(obs, 'chat:send', { id: newId(), channel: 'meeting', text: 'hoi' }),
      await call(fac, 'activity:open', { id: newId() }),
      await raw(fac, 'agenda:add', { id: 'geen-uuid', title: '' }),
    ];
    for (const r of refusals) {
      expect(r.ok, JSON.stringify(r)).toBe(false);
      expect(unreadable(r), JSON.stringify(r)).toBeNull();
    }
    // The wrongly shaped answer of the issue: what was wrong is in `issues`, under `value`.
    const first = refusals[0] as { issues?: { path: string }[] };
    expect(first.issues?.[0]?.path).toMatch(/^value/);
    expect(await dumpDatabase(srv)).toEqual(before);
  });

  it('[FUZZ3] a message over the 2 MB cap closes only that connection; the client reconnects, nothing changed', async () => {
    const before = await dumpDatabase(srv);
    const victim = sockets[3]! as unknown as import('socket.io-client').Socket;
    const dropped = new Promise((resolve) => victim.once('disconnect', resolve));
    victim.emit('response:submit', { note: 'x'.repeat(3 * 1024 * 1024) });
    await dropped;
    await new Promise((resolve) => victim.once('connect', () => resolve(undefined)));
    expect((await call(sockets[3]!, 'session:sync')).ok).toBe(true);
    expect((await call(sockets[0]!, 'session:sync')).ok).toBe(true);
    expect(await dumpDatabase(srv)).toEqual(before);
  });

  it('[FUZZ2] broken Socket.IO frames (truncated JSON, invalid UTF-8, binary garbage) never crash the server', async () => {
    const before = await dumpDatabase(srv);
    const code = srv.app.ctx.io.sockets.sockets.values().next().value!.data.meetingId;
    expect(code).toBeTruthy();
    const frames: (string | Buffer)[] = [
      '42["agenda:add",{"id":',
      '42["agenda:add"',
      '4',
      '42',
      '451-["agenda:add",{"_placeholder":true,"num":7}]',
      '42[]',
      '42[{"a":1}]',
      '42["__proto__",{}]',
      `42${'['.repeat(50_000)}`,
      Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0xc3, 0x28]),
      Buffer.from([0x04, 0x34, 0x32, 0xed, 0xa0, 0x80]),
      Buffer.alloc(100_000, 0xff),
    ];
    for (const frame of frames) {
      const ws = new WebSocket(`${srv.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
      await new Promise<void>((resolve) => {
        ws.on('open', () => {
          ws.send(`40${JSON.stringify({ code: 'ZZZZZZZZ' })}`);
          ws.send(frame);
          setTimeout(() => {
            ws.terminate();
            resolve();
          }, 30);
        });
        ws.on('error', () => resolve());
      });
    }
    expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
    expect((await call(sockets[0]!, 'session:sync')).ok).toBe(true);
    expect(await dumpDatabase(srv)).toEqual(before);
  });
});
