import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCALE_LEVELS } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import { can, ROLES, type Role } from '../../shared/domain/roles';
import {
  COMMAND_NAMES,
  COMMANDS,
  type CommandName,
  type CommandSpec,
  commandsWhere,
  type PayloadOf,
} from '../../shared/protocol/commands';
import { breakoutOf, openBreakout } from '../helpers/boards';
import { dumpDatabase } from '../helpers/dbState';
import { call, ok, startServer, type TestServer, type TestSocket } from '../helpers/server';

/**
 * [AUTHZ1] Every Socket.IO event, sent by every role that must not use it, is refused and changes
 * nothing. Who may use an event is the command table's `who` (shared/protocol/commands.ts) read
 * through the role matrix (shared/domain/roles.ts); the server listens to exactly the table's
 * events, and a new event fails to type-check until it has a payload here.
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
const scale = { kind: 'scale' as const, question: 'Hoe tevreden?', levels: [...DEFAULT_SCALE_LEVELS] };
const PAYLOADS: { [E in CommandName]: (w: World) => PayloadOf<E> } = {
  'session:sync': () => undefined,
  'meeting:update': () => ({ title: 'Gekaapt' }),
  'participant:update': () => ({ name: 'Gekaapt' }),
  'agenda:add': () => ({ id: newId(), title: 'Gekaapt' }),
  'agenda:update': (w) => ({ id: w.agendaId, title: 'Gekaapt' }),
  'agenda:move': (w) => ({ id: w.agendaId, index: 1 }),
  'agenda:remove': (w) => ({ id: w.agendaId }),
  'activity:create': () => ({ id: newId(), agendaItemId: null, anonymous: false, spec: scale }),
  'activity:update': (w) => ({ id: w.pollId, agendaItemId: null }),
  'activity:remove': (w) => ({ id: w.pollId }),
  'activity:open': (w) => ({ id: w.pollId }),
  'activity:close': (w) => ({ id: w.pollId }),
  'activity:reveal': (w) => ({ id: w.pollId }),
  'activity:hide': (w) => ({ id: w.pollId }),
  'response:submit': (w) => ({ id: newId(), activityId: w.pollId, value: { level: 0 }, note: 'gekaapt' }),
  'response:retract': (w) => ({ activityId: w.pollId }),
  'meeting:goto': (w) => ({ itemId: w.agendaId }),
  'words:merge': (w) => ({ activityId: w.wordsId, keys: ['vertrouwen', 'trust'], label: 'Gekaapt' }),
  'words:split': (w) => ({ activityId: w.wordsId, key: 'vertrouwen' }),
  'words:hide': (w) => ({ activityId: w.wordsId, key: 'vertrouwen', hidden: true }),
  'timer:start': () => ({ id: newId(), scope: 'meeting', durationMs: 60_000 }),
  'timer:pause': () => ({ id: newId(), scope: 'meeting' }),
  'timer:resume': () => ({ id: newId(), scope: 'meeting' }),
  'timer:extend': () => ({ id: newId(), scope: 'meeting', byMs: 60_000 }),
  'timer:stop': () => ({ id: newId(), scope: 'meeting' }),
  'breakout:timer': (w) => ({ id: newId(), activityId: w.breakoutId, op: 'start', durationMs: 60_000 }),
  'chat:send': () => ({ id: newId(), channel: 'meeting', text: 'Gekaapt' }),
  'chat:vote': (w) => ({ messageId: w.messageId, up: true }),
  'chat:tip': (w) => ({ messageId: w.messageId, on: true }),
  'chat:pin': (w) => ({ messageId: w.messageId, on: true }),
  'chat:hide': (w) => ({ messageId: w.messageId, on: true }),
  'breakout:move': (w) => ({ activityId: w.breakoutId, participantId: w.participantId, roomId: null }),
  'breakout:choose': (w) => ({ activityId: w.breakoutId, roomId: w.roomId }),
  'breakout:addRoom': (w) => ({ activityId: w.breakoutId, id: newId() }),
  'breakout:message': (w) => ({ activityId: w.breakoutId, id: newId(), text: 'Gekaapt' }),
  'breakout:synthesis': (w) => ({ activityId: w.breakoutId }),
  'breakout:end': (w) => ({ activityId: w.breakoutId, inSeconds: 60 }),
  // Who may read a board is decided per board (BOARD5): every role may ask.
  'board:sync': (w) => ({ boardId: w.boardId }),
  'board:unwatch': (w) => ({ boardId: w.boardId }),
  'board:settings': (w) => ({ boardId: w.boardId, locked: true }),
  'board:voting': (w) => ({ boardId: w.boardId, open: true }),
  'note:create': (w) => ({ id: newId(), boardId: w.boardId, text: 'Gekaapt', colour: 'geel', x: 10, y: 10 }),
  'note:edit': (w) => ({ id: w.noteId, text: 'Gekaapt' }),
  'note:move': (w) => ({ id: w.noteId, x: 99, y: 99 }),
  'note:delete': (w) => ({ id: w.noteId }),
  'note:theme': (w) => ({ boardId: w.boardId, noteIds: [w.noteId], themeId: null }),
  // Presence: relayed, never stored; a board's own rules decide who is shown.
  'note:drag': (w) => ({ boardId: w.boardId, id: w.noteId, x: 5, y: 5 }),
  'theme:create': (w) => ({ id: newId(), boardId: w.boardId, heading: 'Gekaapt', x: 0, y: 0 }),
  'theme:update': (w) => ({ id: w.themeId, heading: 'Gekaapt' }),
  'theme:merge': (w) => ({ id: w.themeId, intoId: w.otherThemeId }),
  'theme:dissolve': (w) => ({ id: w.themeId }),
  'vote:cast': (w) => ({ id: newId(), noteId: w.noteId }),
  'vote:retract': () => ({ id: newId() }),
  'chat:all': () => ({ channel: 'meeting' }),
  'chat:history': () => ({ channel: 'meeting', beforeSeq: 1000 }),
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
  it('[AUTHZ1] the server listens to exactly the events of the command table', () => {
    const serverSocket = [...srv.app.ctx.io.sockets.sockets.values()][0]!;
    const events = serverSocket
      .eventNames()
      .filter((e): e is string => typeof e === 'string' && e.includes(':'));
    expect(events.sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('[AUTHZ1] only reading a board or the meeting, and presence, are open to every role', () => {
    // Who may read a board is decided per board (BOARD5); presence follows the board's own rules.
    expect(commandsWhere((c) => c.who === null).sort()).toEqual([
      'board:sync',
      'board:unwatch',
      'note:drag',
      'session:sync',
    ]);
  });

  /** The roles the table lets send `event` (its `who`, through the role matrix). */
  const allowed = (event: CommandName): Role[] => {
    const spec: CommandSpec = COMMANDS[event];
    const who = spec.who;
    return ROLES.filter((r) => who === null || can(r, who));
  };
  for (const event of COMMAND_NAMES) {
    const refusedRoles = ROLES.filter((r) => !allowed(event).includes(r));
    if (refusedRoles.length === 0) continue;
    it(`[AUTHZ1] ${event} is refused for ${refusedRoles.join(', ')} and changes nothing`, async () => {
      const before = await dumpDatabase(srv);
      for (const role of refusedRoles) {
        const r = await call(as[role]!, event, PAYLOADS[event](world));
        expect(r, `${event} as ${role}`).toMatchObject({ ok: false, error: 'forbidden' });
      }
      expect(await dumpDatabase(srv)).toEqual(before);
    });
  }

  it('[AUTHZ2] people of another meeting cannot touch this meeting through its ids', async () => {
    const before = await dumpDatabase(srv);
    for (const event of COMMAND_NAMES) {
      if (event === 'session:sync') continue;
      for (const who of ['otherParticipant', 'otherFacilitator'] as const) {
        const r = await call(as[who]!, event, PAYLOADS[event](world));
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
    const snap = await ok(as.facilitator!, 'session:sync');
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
