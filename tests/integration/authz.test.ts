import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCALE_LEVELS } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import type { Role } from '../../shared/domain/roles';
import { breakoutOf, openBreakout } from '../helpers/boards';
import { dumpDatabase } from '../helpers/dbState';
import { call, ok, startServer, type TestServer, type TestSocket } from '../helpers/server';

/**
 * [AUTHZ1] Every Socket.IO event, sent by every role that must not use it, is refused and changes
 * nothing. The table must name every event the server listens to: a new event fails this test
 * until it is added here.
 */
interface World {
  agendaId: string;
  pollId: string;
  wordsId: string;
  messageId: string;
  breakoutId: string;
  roomId: string;
  boardId: string;
  noteId: string;
  themeId: string;
  otherThemeId: string;
  participantId: string;
}
type Payload = (w: World) => unknown;

const scale = { kind: 'scale', question: 'Hoe tevreden?', levels: [...DEFAULT_SCALE_LEVELS] };
const MATRIX: Record<string, { allowed: Role[]; payload: Payload }> = {
  'session:sync': {
    allowed: ['facilitator', 'secretary', 'participant', 'observer'],
    payload: () => undefined,
  },
  'meeting:update': { allowed: ['facilitator'], payload: () => ({ title: 'Gekaapt' }) },
  'participant:update': { allowed: ['participant'], payload: () => ({ name: 'Gekaapt' }) },
  'agenda:add': { allowed: ['facilitator'], payload: () => ({ id: newId(), title: 'Gekaapt' }) },
  'agenda:update': { allowed: ['facilitator'], payload: (w) => ({ id: w.agendaId, title: 'Gekaapt' }) },
  'agenda:move': { allowed: ['facilitator'], payload: (w) => ({ id: w.agendaId, index: 1 }) },
  'agenda:remove': { allowed: ['facilitator'], payload: (w) => ({ id: w.agendaId }) },
  'activity:create': {
    allowed: ['facilitator'],
    payload: () => ({ id: newId(), agendaItemId: null, anonymous: false, spec: scale }),
  },
  'activity:update': { allowed: ['facilitator'], payload: (w) => ({ id: w.pollId, agendaItemId: null }) },
  'activity:remove': { allowed: ['facilitator'], payload: (w) => ({ id: w.pollId }) },
  'activity:open': { allowed: ['facilitator'], payload: (w) => ({ id: w.pollId }) },
  'activity:close': { allowed: ['facilitator'], payload: (w) => ({ id: w.pollId }) },
  'activity:reveal': { allowed: ['facilitator'], payload: (w) => ({ id: w.pollId }) },
  'activity:hide': { allowed: ['facilitator'], payload: (w) => ({ id: w.pollId }) },
  'response:submit': {
    allowed: ['participant'],
    payload: (w) => ({ id: newId(), activityId: w.pollId, value: { level: 0 }, note: 'gekaapt' }),
  },
  'response:retract': { allowed: ['participant'], payload: (w) => ({ activityId: w.pollId }) },
  'meeting:goto': { allowed: ['facilitator'], payload: (w) => ({ itemId: w.agendaId }) },
  'words:merge': {
    allowed: ['facilitator'],
    payload: (w) => ({ activityId: w.wordsId, keys: ['vertrouwen', 'trust'], label: 'Gekaapt' }),
  },
  'words:split': { allowed: ['facilitator'], payload: (w) => ({ activityId: w.wordsId, key: 'vertrouwen' }) },
  'words:hide': {
    allowed: ['facilitator'],
    payload: (w) => ({ activityId: w.wordsId, key: 'vertrouwen', hidden: true }),
  },
  'timer:start': {
    allowed: ['facilitator'],
    payload: () => ({ id: newId(), scope: 'meeting', durationMs: 60_000 }),
  },
  'timer:pause': { allowed: ['facilitator'], payload: () => ({ id: newId(), scope: 'meeting' }) },
  'timer:resume': { allowed: ['facilitator'], payload: () => ({ id: newId(), scope: 'meeting' }) },
  'timer:extend': {
    allowed: ['facilitator'],
    payload: () => ({ id: newId(), scope: 'meeting', byMs: 60_000 }),
  },
  'timer:stop': { allowed: ['facilitator'], payload: () => ({ id: newId(), scope: 'meeting' }) },
  'breakout:timer': {
    allowed: ['facilitator'],
    payload: (w) => ({ id: newId(), activityId: w.breakoutId, op: 'start', durationMs: 60_000 }),
  },
  'chat:send': {
    allowed: ['facilitator', 'secretary', 'participant'],
    payload: () => ({ id: newId(), channel: 'meeting', text: 'Gekaapt' }),
  },
  'chat:vote': { allowed: ['participant'], payload: (w) => ({ messageId: w.messageId, up: true }) },
  'chat:tip': {
    allowed: ['facilitator', 'secretary', 'participant'],
    payload: (w) => ({ messageId: w.messageId, on: true }),
  },
  'chat:pin': {
    allowed: ['facilitator', 'secretary'],
    payload: (w) => ({ messageId: w.messageId, on: true }),
  },
  'chat:hide': {
    allowed: ['facilitator', 'secretary'],
    payload: (w) => ({ messageId: w.messageId, on: true }),
  },
  'breakout:move': {
    allowed: ['facilitator'],
    payload: (w) => ({ activityId: w.breakoutId, participantId: w.participantId, roomId: null }),
  },
  'breakout:choose': {
    allowed: ['participant'],
    payload: (w) => ({ activityId: w.breakoutId, roomId: w.roomId }),
  },
  'breakout:addRoom': {
    allowed: ['facilitator'],
    payload: (w) => ({ activityId: w.breakoutId, id: newId() }),
  },
  'breakout:message': {
    allowed: ['facilitator'],
    payload: (w) => ({ activityId: w.breakoutId, id: newId(), text: 'Gekaapt' }),
  },
  'breakout:synthesis': { allowed: ['facilitator'], payload: (w) => ({ activityId: w.breakoutId }) },
  'breakout:end': { allowed: ['facilitator'], payload: (w) => ({ activityId: w.breakoutId, inSeconds: 60 }) },
  // Who may read a board is decided per board (BOARD5): every role may ask.
  'board:sync': {
    allowed: ['facilitator', 'secretary', 'participant', 'observer'],
    payload: (w) => ({ boardId: w.boardId }),
  },
  'board:unwatch': {
    allowed: ['facilitator', 'secretary', 'participant', 'observer'],
    payload: (w) => ({ boardId: w.boardId }),
  },
  'board:settings': { allowed: ['facilitator'], payload: (w) => ({ boardId: w.boardId, locked: true }) },
  'board:voting': { allowed: ['facilitator'], payload: (w) => ({ boardId: w.boardId, open: true }) },
  'note:create': {
    allowed: ['facilitator', 'secretary', 'participant'],
    payload: (w) => ({ id: newId(), boardId: w.boardId, text: 'Gekaapt', colour: 'geel', x: 10, y: 10 }),
  },
  'note:edit': {
    allowed: ['facilitator', 'secretary', 'participant'],
    payload: (w) => ({ id: w.noteId, text: 'Gekaapt' }),
  },
  'note:move': {
    allowed: ['facilitator', 'secretary', 'participant'],
    payload: (w) => ({ id: w.noteId, x: 99, y: 99 }),
  },
  'note:delete': { allowed: ['facilitator', 'secretary', 'participant'], payload: (w) => ({ id: w.noteId }) },
  'note:theme': {
    allowed: ['facilitator', 'secretary', 'participant'],
    payload: (w) => ({ boardId: w.boardId, noteIds: [w.noteId], themeId: null }),
  },
  // Presence: relayed, never stored; a board's own rules decide who is shown.
  'note:drag': {
    allowed: ['facilitator', 'secretary', 'participant', 'observer'],
    payload: (w) => ({ boardId: w.boardId, id: w.noteId, x: 5, y: 5 }),
  },
  'theme:create': {
    allowed: ['facilitator', 'secretary', 'participant'],
    payload: (w) => ({ id: newId(), boardId: w.boardId, heading: 'Gekaapt', x: 0, y: 0 }),
  },
  'theme:update': {
    allowed: ['facilitator', 'secretary', 'participant'],
    payload: (w) => ({ id: w.themeId, heading: 'Gekaapt' }),
  },
  'theme:merge': {
    allowed: ['facilitator', 'secretary', 'participant'],
    payload: (w) => ({ id: w.themeId, intoId: w.otherThemeId }),
  },
  'theme:dissolve': {
    allowed: ['facilitator', 'secretary', 'participant'],
    payload: (w) => ({ id: w.themeId }),
  },
  'vote:cast': { allowed: ['participant'], payload: (w) => ({ id: newId(), noteId: w.noteId }) },
  'vote:retract': { allowed: ['participant'], payload: () => ({ id: newId() }) },
  'chat:all': { allowed: ['facilitator', 'secretary'], payload: () => ({ channel: 'meeting' }) },
  'chat:history': {
    allowed: ['facilitator', 'secretary', 'participant'],
    payload: () => ({ channel: 'meeting', beforeSeq: 1000 }),
  },
};

let srv: TestServer;
let world: World;
let meeting: Awaited<ReturnType<TestServer['createMeeting']>>;
const as: Partial<Record<Role | 'otherParticipant' | 'otherFacilitator', TestSocket>> = {};

beforeAll(async () => {
  srv = await startServer();
  meeting = await srv.createMeeting('Doelwit');
  const fac = await srv.connect(meeting.code, meeting.facilitatorToken);
  const agendaId = newId();
  await ok(fac, 'agenda:add', { id: agendaId, title: 'Inleiding' });
  await ok(fac, 'agenda:add', { id: newId(), title: 'Tweede' });
  const pollId = newId();
  await ok(fac, 'activity:create', { id: pollId, agendaItemId: agendaId, anonymous: false, spec: scale });
  await ok(fac, 'activity:open', { id: pollId });
  const wordsId = newId();
  await ok(fac, 'activity:create', {
    id: wordsId,
    agendaItemId: null,
    anonymous: false,
    spec: { kind: 'words', question: 'Eén woord?', maxWords: 3 },
  });
  await ok(fac, 'activity:open', { id: wordsId });
  const messageId = newId();
  await ok(fac, 'chat:send', { id: messageId, channel: 'meeting', text: 'Welkom allemaal' });
  await ok(fac, 'timer:start', { id: newId(), scope: 'meeting', durationMs: 600_000 });
  const p = await srv.join(meeting.code, 'Ann');
  const participantSocket = await srv.connect(meeting.code, p.token);
  const breakout = await openBreakout(fac, {
    questions: ['Wat kunnen koplopers betekenen?'],
    rooms: { by: 'count', count: 1 },
  });
  const { view, roomId } = await breakoutOf(participantSocket, breakout.id);
  const boardId = view.boards.find((b) => b.roomId === roomId)!.id;
  const noteId = newId();
  await ok(participantSocket, 'note:create', {
    id: noteId,
    boardId,
    text: 'Koplopers inspireren',
    colour: 'geel',
    x: 1,
    y: 1,
  });
  const themeId = newId();
  await ok(fac, 'theme:create', { id: themeId, boardId, heading: 'Inspiratie', x: 0, y: 0 });
  const otherThemeId = newId();
  await ok(fac, 'theme:create', { id: otherThemeId, boardId, heading: 'Samenwerking', x: 400, y: 0 });
  world = {
    agendaId,
    pollId,
    wordsId,
    messageId,
    breakoutId: breakout.id,
    roomId: roomId!,
    boardId,
    noteId,
    themeId,
    otherThemeId,
    participantId: p.participant.id,
  };
  as.participant = participantSocket;
  as.facilitator = fac;
  as.secretary = await srv.connect(meeting.code, meeting.secretaryToken);
  as.observer = await srv.connect(meeting.code);
  await ok(as.participant, 'response:submit', { id: newId(), activityId: pollId, value: { level: 1 } });
  await ok(as.participant, 'response:submit', {
    id: newId(),
    activityId: wordsId,
    value: { words: ['Vertrouwen'] },
  });
  // People of another meeting, aiming at this one's ids.
  const other = await srv.createMeeting('Andere');
  const op = await srv.join(other.code, 'Mallory');
  as.otherParticipant = await srv.connect(other.code, op.token);
  as.otherFacilitator = await srv.connect(other.code, other.facilitatorToken);
  await ok(as.otherFacilitator, 'activity:create', {
    id: newId(),
    agendaItemId: null,
    anonymous: false,
    spec: scale,
  });
});
afterAll(async () => {
  await srv?.close();
});

describe('authorisation matrix (Socket.IO)', () => {
  it('[AUTHZ1] the table names every event the server listens to', () => {
    const serverSocket = [...srv.app.ctx.io.sockets.sockets.values()][0]!;
    const events = serverSocket
      .eventNames()
      .filter((e): e is string => typeof e === 'string' && e.includes(':'));
    expect(events.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const roles: Role[] = ['facilitator', 'secretary', 'participant', 'observer'];
  for (const [event, rule] of Object.entries(MATRIX)) {
    const refusedRoles = roles.filter((r) => !rule.allowed.includes(r));
    if (refusedRoles.length === 0) continue;
    it(`[AUTHZ1] ${event} is refused for ${refusedRoles.join(', ')} and changes nothing`, async () => {
      const before = await dumpDatabase(srv);
      for (const role of refusedRoles) {
        const r = await call(as[role]!, event, rule.payload(world));
        expect(r, `${event} as ${role}`).toMatchObject({ ok: false, error: 'forbidden' });
      }
      expect(await dumpDatabase(srv)).toEqual(before);
    });
  }

  it('[AUTHZ2] people of another meeting cannot touch this meeting through its ids', async () => {
    const before = await dumpDatabase(srv);
    for (const [event, rule] of Object.entries(MATRIX)) {
      if (event === 'session:sync') continue;
      for (const who of ['otherParticipant', 'otherFacilitator'] as const) {
        const r = await call(as[who]!, event, rule.payload(world));
        // Either not their role, or (their role but) not their meeting's id — never a change here.
        if (r.ok) {
          // Commands that name no id of this meeting act on their own meeting.
          expect([
            'meeting:update',
            'participant:update',
            'agenda:add',
            'activity:create',
            'chat:send',
            'chat:history',
            'chat:all',
            // Leaving a board one never watched, and presence that the board's rules do not relay.
            'board:unwatch',
            'note:drag',
            // Taking back a vote that does not exist changes nothing.
            'vote:retract',
            'timer:start',
            'timer:pause',
            'timer:resume',
            'timer:extend',
            'timer:stop',
          ]).toContain(event);
        } else {
          expect(
            ['forbidden', 'not_found', 'conflict'],
            `${event} as ${who}: ${r.error} ${r.message}`,
          ).toContain(r.error);
        }
      }
    }
    const after = await dumpDatabase(srv);
    // The other meeting may have changed itself; nothing of "Doelwit" did.
    const mine = (rows: Record<string, unknown[]>) => JSON.stringify(rows).split(meeting.id).length;
    expect(mine(after)).toBe(mine(before));
    const snap = await ok<{ agenda: unknown[]; meeting: { title: string } }>(as.facilitator!, 'session:sync');
    expect(snap.meeting.title).toBe('Doelwit');
    expect(snap.agenda).toHaveLength(2);
  });
});

describe('authorisation matrix (HTTP)', () => {
  it('[AUTHZ3] every protected route refuses missing, wrong-role and other-meeting tokens', async () => {
    const other = await srv.createMeeting('Derde');
    const p = await srv.join(meeting.code, 'Bea');
    const routes: { method: string; path: string; allowed: string[] }[] = [
      { method: 'GET', path: `/api/meetings/${meeting.id}/results`, allowed: ['facilitator', 'secretary'] },
      { method: 'DELETE', path: `/api/meetings/${meeting.id}`, allowed: ['facilitator'] },
    ];
    const tokens: Record<string, string | undefined> = {
      none: undefined,
      participant: p.token,
      secretary: meeting.secretaryToken,
      otherFacilitator: other.facilitatorToken,
      garbage: 'x'.repeat(40),
    };
    const before = await dumpDatabase(srv);
    for (const route of routes) {
      for (const [who, token] of Object.entries(tokens)) {
        if (route.allowed.includes(who)) continue;
        const res = await fetch(`${srv.url}${route.path}`, {
          method: route.method,
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        expect(res.status, `${route.method} ${route.path} as ${who}`).toBe(token ? 403 : 401);
        expect(await res.json()).toMatchObject({ ok: false });
      }
    }
    expect(await dumpDatabase(srv)).toEqual(before);
  });

  it('[AUTHZ4] a deleted meeting is gone for every route and connection', async () => {
    const gone = await srv.createMeeting('Weg');
    const p = await srv.join(gone.code, 'Ann');
    const sock = await srv.connect(gone.code, p.token);
    const del = await fetch(`${srv.url}/api/meetings/${gone.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${gone.facilitatorToken}` },
    });
    expect(del.status).toBe(200);
    await expect.poll(() => sock.connected).toBe(false);
    const auth = { authorization: `Bearer ${gone.facilitatorToken}` };
    expect((await fetch(`${srv.url}/api/meetings/${gone.id}/results`, { headers: auth })).status).toBe(404);
    expect(
      (await fetch(`${srv.url}/api/meetings/${gone.id}`, { method: 'DELETE', headers: auth })).status,
    ).toBe(404);
    expect((await fetch(`${srv.url}/api/meetings/code/${gone.code}`)).status).toBe(404);
    const join = await fetch(`${srv.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: gone.code, name: 'Ann', token: p.token }),
    });
    expect(join.status).toBe(404);
    for (const token of [gone.facilitatorToken, gone.secretaryToken, p.token, undefined]) {
      await expect(srv.connect(gone.code, token)).rejects.toThrow(/not_found/);
    }
  });
});
