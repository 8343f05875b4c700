import type { Socket } from 'socket.io-client';
import { z } from 'zod';
import { DEFAULT_SCALE_LEVELS } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import { breakoutOf, note, openBreakout } from './boards';
import { ok, type TestServer, type TestSocket, waitFor } from './server';

/**
 * [RECON6] A meeting to replay commands in: a facilitator and a participant (Ann), each with a
 * second tab that watches what is broadcast, a third participant whose connections are fences,
 * three agenda items, a draft scale poll and, when asked, running break-outs with one room, its
 * board, a post-it of Ann's and two themes.
 */
export interface World {
  srv: TestServer;
  code: string;
  fac: TestSocket;
  ann: TestSocket;
  /** Second tabs of the facilitator and of Ann: they hear every broadcast the senders would. */
  tabs: TestSocket[];
  fenceToken: string;
  items: [string, string, string];
  poll: string;
  breakout: string;
  roomId: string;
  boardId: string;
  noteId: string;
  themes: [string, string];
}

export const scale = (question: string) => ({
  kind: 'scale' as const,
  question,
  levels: [...DEFAULT_SCALE_LEVELS],
});

export async function makeWorld(srv: TestServer, withBoard: boolean): Promise<World> {
  const m = await srv.createMeeting('Herhaald');
  const fac = await srv.connect(m.code, m.facilitatorToken);
  const joined = await srv.join(m.code, 'Ann');
  const fence = await srv.join(m.code, 'Hek');
  const ann = await srv.connect(m.code, joined.token);
  const items: [string, string, string] = [newId(), newId(), newId()];
  for (const [i, id] of items.entries()) await ok(fac, 'agenda:add', { id, title: `Punt ${i + 1}` });
  const poll = newId();
  await ok(fac, 'activity:create', { id: poll, agendaItemId: null, anonymous: false, spec: scale('Hoe?') });
  const w: World = {
    srv,
    code: m.code,
    fac,
    ann,
    tabs: [],
    fenceToken: fence.token,
    items,
    poll,
    breakout: '',
    roomId: '',
    boardId: '',
    noteId: '',
    themes: ['', ''],
  };
  if (withBoard) {
    const a = await openBreakout(fac, { questions: ['Wat valt op?'], rooms: { by: 'count', count: 1 } });
    const { view, roomId } = await breakoutOf(ann, a.id);
    w.breakout = a.id;
    w.roomId = roomId!;
    w.boardId = view.boards.find((b) => b.roomId === roomId)!.id;
    const n = note(w.boardId, 'Koplopers inspireren');
    await ok(ann, 'note:create', n);
    w.noteId = n.id;
    w.themes = [newId(), newId()];
    await ok(fac, 'theme:create', { id: w.themes[0], boardId: w.boardId, heading: 'Inspiratie', x: 0, y: 0 });
    await ok(fac, 'theme:create', { id: w.themes[1], boardId: w.boardId, heading: 'Samen', x: 900, y: 0 });
  }
  // The second tabs join what the senders joined: the meeting, the room, the board.
  w.tabs = [await srv.connect(m.code, m.facilitatorToken), await srv.connect(m.code, joined.token)];
  for (const tab of w.tabs) {
    await ok(tab, 'session:sync');
    if (withBoard) await ok(tab, 'board:sync', { boardId: w.boardId });
  }
  return w;
}

/**
 * Waits until every broadcast scheduled so far has reached the watching tabs: a new connection of
 * the fence participant schedules a presence broadcast after them (gathered broadcasts run in the
 * order they were scheduled), and it reaches every tab.
 */
export async function fence(w: World): Promise<void> {
  const heard = w.tabs.map((tab) => waitFor(tab, 'presence:updated'));
  const s = await w.srv.connect(w.code, w.fenceToken);
  await Promise.all(heard);
  s.disconnect();
  await Promise.all(w.tabs.map((tab) => waitFor(tab, 'presence:updated')));
}

/** Every event the tabs hear while `during` runs and until the next fence (presence left out). */
export async function heardDuring(w: World, during: () => Promise<void>): Promise<string[]> {
  const heard: string[] = [];
  const listeners = w.tabs.map((tab) => {
    const l = (event: string) => {
      if (event !== 'presence:updated' && event !== 'activity:progress') heard.push(event);
    };
    (tab as unknown as Socket).onAny(l);
    return () => (tab as unknown as Socket).offAny(l);
  });
  try {
    await during();
    await fence(w);
  } finally {
    for (const off of listeners) off();
  }
  return heard;
}

/** Whether a command's schema carries a client-made id (`id`, or `cmd`), in any of its forms. */
export function fieldsOf(schema: z.ZodType): Set<string> {
  if (schema instanceof z.ZodObject) return new Set(Object.keys(schema.shape));
  if (schema instanceof z.ZodDiscriminatedUnion || schema instanceof z.ZodUnion) {
    return new Set((schema.options as z.ZodType[]).flatMap((o) => [...fieldsOf(o)]));
  }
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return fieldsOf(schema.unwrap() as z.ZodType);
  return new Set();
}
