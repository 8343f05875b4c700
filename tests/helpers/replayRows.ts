import type { BreakoutView } from '../../shared/domain/board/types';
import { newId } from '../../shared/domain/ids';
import type { CommandName, PayloadOf } from '../../shared/protocol/commands';
import { scale, type World } from './replay';
import { ok } from './server';

/**
 * [RECON6] One row per command that carries a client-made id: X (the command replayed later), a
 * newer Y that changes the same thing, and how people see the thing (read back from the server).
 * Used by tests/integration/replay.test.ts, which checks that the rows name every such command.
 */
export type Who = 'fac' | 'ann';
/** One command as someone sends it; its payload typed by the event (the command table). */
export type Step = { [E in CommandName]: { as: Who; event: E; payload: PayloadOf<E> } }[CommandName];
export interface Row {
  board?: boolean;
  /** What must exist before X (an open poll, a running timer …). */
  setup?: (w: World) => Promise<unknown>;
  x: (w: World) => Step;
  y: (w: World) => Step;
  /** What people see of the thing, read back from the server. */
  see: (w: World) => Promise<unknown>;
}

const step =
  (as: Who) =>
  <E extends CommandName>(event: E, payload: PayloadOf<E>): Step =>
    ({ as, event, payload }) as Step;
const fac = step('fac');
const ann = step('ann');
const cmd = () => ({ cmd: newId() });
const sync = (w: World, who: Who = 'fac') => ok(w[who], 'session:sync');
const agenda = async (w: World) => (await sync(w)).agenda;
const poll = async (w: World) => (await sync(w)).activities.find((a) => a.id === w.poll) ?? null;
const activities = async (w: World) => (await sync(w)).activities.map((a) => [a.id, a.spec]);
const mine = async (w: World) => (await sync(w, 'ann')).mine;
const timers = async (w: World) => (await sync(w)).timers;
const board = async (w: World) => {
  const s = await ok(w.fac, 'board:sync', { boardId: w.boardId });
  return { notes: s.notes, themes: s.themes, deleted: s.deleted };
};
const breakout = async (w: World) =>
  (await sync(w)).breakouts.find((b: BreakoutView) => b.activityId === w.breakout);
const annVotes = async (w: World) => (await ok(w.ann, 'board:sync', { boardId: w.boardId })).myVotes;
const open = (w: World) => ok(w.fac, 'activity:open', { id: w.poll });
const startTimer = (w: World) =>
  ok(w.fac, 'timer:start', { id: newId(), scope: 'meeting', durationMs: 600_000 });

export const TABLE: Record<string, Row> = {
  // A removed item never comes back: its id was recorded when it was added.
  'agenda:add': {
    x: () => fac('agenda:add', { id: ID.item, title: 'Nieuw punt' }),
    y: () => fac('agenda:remove', { id: ID.item, ...cmd() }),
    see: agenda,
  },
  'agenda:update': {
    x: (w) => fac('agenda:update', { id: w.items[0], title: 'Eerst', ...cmd() }),
    y: (w) => fac('agenda:update', { id: w.items[0], title: 'Daarna', ...cmd() }),
    see: agenda,
  },
  'agenda:move': {
    x: (w) => fac('agenda:move', { id: w.items[0], index: 2, ...cmd() }),
    y: (w) => fac('agenda:move', { id: w.items[0], index: 1, ...cmd() }),
    see: agenda,
  },
  // Removing is final by nature; the `cmd` lets the replay be answered ok instead of "not found".
  'agenda:remove': {
    x: (w) => fac('agenda:remove', { id: w.items[0], ...cmd() }),
    y: () => fac('agenda:add', { id: newId(), title: 'Later punt' }),
    see: agenda,
  },
  'activity:create': {
    x: () =>
      fac('activity:create', { id: ID.activity, agendaItemId: null, anonymous: false, spec: scale('A?') }),
    y: () => fac('activity:update', { id: ID.activity, spec: scale('B?'), ...cmd() }),
    see: activities,
  },
  'activity:update': {
    x: (w) => fac('activity:update', { id: w.poll, spec: scale('Eerst?'), ...cmd() }),
    y: (w) => fac('activity:update', { id: w.poll, spec: scale('Daarna?'), ...cmd() }),
    see: activities,
  },
  'activity:remove': {
    x: (w) => fac('activity:remove', { id: w.poll, ...cmd() }),
    y: () => fac('activity:create', { id: newId(), agendaItemId: null, anonymous: false, spec: scale('C?') }),
    see: activities,
  },
  'activity:open': {
    x: (w) => fac('activity:open', { id: w.poll, ...cmd() }),
    y: (w) => fac('activity:close', { id: w.poll, ...cmd() }),
    see: poll,
  },
  'activity:close': {
    setup: open,
    x: (w) => fac('activity:close', { id: w.poll, ...cmd() }),
    y: (w) => fac('activity:open', { id: w.poll, ...cmd() }),
    see: poll,
  },
  // [POLL7] A replayed reveal after a hide must not show results to participants again.
  'activity:reveal': {
    setup: open,
    x: (w) => fac('activity:reveal', { id: w.poll, ...cmd() }),
    y: (w) => fac('activity:hide', { id: w.poll, ...cmd() }),
    see: async (w) => [await poll(w), (await sync(w, 'ann')).results],
  },
  'activity:hide': {
    setup: async (w) => {
      await open(w);
      await ok(w.fac, 'activity:reveal', { id: w.poll });
    },
    x: (w) => fac('activity:hide', { id: w.poll, ...cmd() }),
    y: (w) => fac('activity:reveal', { id: w.poll, ...cmd() }),
    see: poll,
  },
  // The reported bug: answer A, answer B, A again went back to A.
  'response:submit': {
    setup: open,
    x: (w) => ann('response:submit', { id: newId(), activityId: w.poll, value: { level: 0 }, note: 'A' }),
    y: (w) => ann('response:submit', { id: newId(), activityId: w.poll, value: { level: 3 }, note: 'B' }),
    see: mine,
  },
  'response:retract': {
    setup: async (w) => {
      await open(w);
      await ok(w.ann, 'response:submit', { id: newId(), activityId: w.poll, value: { level: 1 } });
    },
    x: (w) => ann('response:retract', { activityId: w.poll, ...cmd() }),
    y: (w) => ann('response:submit', { id: newId(), activityId: w.poll, value: { level: 2 } }),
    see: mine,
  },
  'timer:start': {
    x: () => fac('timer:start', { id: newId(), scope: 'meeting', durationMs: 60_000 }),
    y: () => fac('timer:pause', { id: newId(), scope: 'meeting' }),
    see: timers,
  },
  'timer:pause': {
    setup: startTimer,
    x: () => fac('timer:pause', { id: newId(), scope: 'meeting' }),
    y: () => fac('timer:resume', { id: newId(), scope: 'meeting' }),
    see: timers,
  },
  'timer:resume': {
    setup: async (w) => {
      await startTimer(w);
      await ok(w.fac, 'timer:pause', { id: newId(), scope: 'meeting' });
    },
    x: () => fac('timer:resume', { id: newId(), scope: 'meeting' }),
    y: () => fac('timer:pause', { id: newId(), scope: 'meeting' }),
    see: timers,
  },
  // A relative change: applied twice it would add its minute twice.
  'timer:extend': {
    setup: startTimer,
    x: () => fac('timer:extend', { id: newId(), scope: 'meeting', byMs: 60_000 }),
    y: () => fac('timer:extend', { id: newId(), scope: 'meeting', byMs: 120_000 }),
    see: timers,
  },
  'timer:stop': {
    setup: startTimer,
    x: () => fac('timer:stop', { id: newId(), scope: 'meeting' }),
    y: () => fac('timer:start', { id: newId(), scope: 'meeting', durationMs: 90_000 }),
    see: timers,
  },
  'breakout:timer': {
    board: true,
    x: (w) => fac('breakout:timer', { id: newId(), activityId: w.breakout, op: 'start', durationMs: 60_000 }),
    y: (w) => fac('breakout:timer', { id: newId(), activityId: w.breakout, op: 'pause' }),
    see: timers,
  },
  // Stored once per id by nature; the replay must not bring a hidden message back.
  'chat:send': {
    x: () => ann('chat:send', { id: ID.message, channel: 'meeting', text: 'Hallo allemaal' }),
    y: () => fac('chat:hide', { messageId: ID.message, on: true }),
    see: async (w) => [(await sync(w)).chat, (await sync(w, 'ann')).chat],
  },
  // Rooms are made once per id by nature (and never removed).
  'breakout:addRoom': {
    board: true,
    x: (w) => fac('breakout:addRoom', { activityId: w.breakout, id: newId() }),
    y: (w) => fac('breakout:addRoom', { activityId: w.breakout, id: newId() }),
    see: breakout,
  },
  'breakout:message': {
    board: true,
    x: (w) => fac('breakout:message', { activityId: w.breakout, id: newId(), text: 'Nog 10 minuten' }),
    y: (w) => fac('breakout:message', { activityId: w.breakout, id: newId(), text: 'Nog 2 minuten' }),
    see: breakout,
  },
  // [BOARD6] A deleted post-it never comes back, by its tombstone.
  'note:create': {
    board: true,
    x: (w) =>
      ann('note:create', { id: ID.note, boardId: w.boardId, text: 'Nieuw', colour: 'geel', x: 5, y: 5 }),
    y: () => ann('note:delete', { id: ID.note }),
    see: board,
  },
  'note:edit': {
    board: true,
    x: (w) => ann('note:edit', { id: w.noteId, text: 'Eerste tekst', ...cmd() }),
    y: (w) => ann('note:edit', { id: w.noteId, text: 'Tweede tekst', ...cmd() }),
    see: board,
  },
  'note:move': {
    board: true,
    x: (w) => ann('note:move', { id: w.noteId, x: 100, y: 100, ...cmd() }),
    y: (w) => ann('note:move', { id: w.noteId, x: 400, y: 300, ...cmd() }),
    see: board,
  },
  // Deleting is final by nature: a replay answers the tombstone.
  'note:delete': {
    board: true,
    x: (w) => ann('note:delete', { id: w.noteId }),
    y: (w) =>
      ann('note:create', { id: newId(), boardId: w.boardId, text: 'Nog een', colour: 'geel', x: 9, y: 9 }),
    see: board,
  },
  'theme:create': {
    board: true,
    x: (w) => fac('theme:create', { id: ID.theme, boardId: w.boardId, heading: 'Eerst', x: 0, y: 600 }),
    y: () => fac('theme:update', { id: ID.theme, heading: 'Daarna', ...cmd() }),
    see: board,
  },
  'theme:update': {
    board: true,
    x: (w) => fac('theme:update', { id: w.themes[0], heading: 'Eerst', ...cmd() }),
    y: (w) => fac('theme:update', { id: w.themes[0], heading: 'Daarna', ...cmd() }),
    see: board,
  },
  // Final by nature (the theme is gone); the replay must not pull back the post-it moved out since.
  'theme:merge': {
    board: true,
    setup: (w) => ok(w.fac, 'note:theme', { boardId: w.boardId, noteIds: [w.noteId], themeId: w.themes[0] }),
    x: (w) => fac('theme:merge', { id: w.themes[0], intoId: w.themes[1], ...cmd() }),
    y: (w) => fac('note:theme', { boardId: w.boardId, noteIds: [w.noteId], themeId: null }),
    see: board,
  },
  'theme:dissolve': {
    board: true,
    setup: (w) => ok(w.fac, 'note:theme', { boardId: w.boardId, noteIds: [w.noteId], themeId: w.themes[0] }),
    x: (w) => fac('theme:dissolve', { id: w.themes[0], ...cmd() }),
    y: (w) => fac('note:theme', { boardId: w.boardId, noteIds: [w.noteId], themeId: w.themes[1] }),
    see: board,
  },
  // [BOARD12] A vote taken back stays taken back.
  'vote:cast': {
    board: true,
    setup: (w) => ok(w.fac, 'board:voting', { boardId: w.boardId, open: true }),
    x: (w) => ann('vote:cast', { id: ID.vote, noteId: w.noteId }),
    y: () => ann('vote:retract', { id: ID.vote }),
    see: annVotes,
  },
  // Taking back one vote by its id is harmless by nature: a newer vote has another id.
  'vote:retract': {
    board: true,
    setup: async (w) => {
      await ok(w.fac, 'board:voting', { boardId: w.boardId, open: true });
      await ok(w.ann, 'vote:cast', { id: ID.vote, noteId: w.noteId });
    },
    x: () => ann('vote:retract', { id: ID.vote }),
    y: (w) => ann('vote:cast', { id: newId(), noteId: w.noteId }),
    see: annVotes,
  },
};

/** Ids a row's X and Y share (fresh for every row, see `beforeEachRow`). */
const ID = { item: '', activity: '', message: '', note: '', theme: '', vote: '' };
export const beforeEachRow = () => {
  for (const k of Object.keys(ID) as (keyof typeof ID)[]) ID[k] = newId();
};
