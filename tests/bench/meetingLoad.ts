/**
 * One load generator process of the "many meetings" bench (meetings.ts): it runs whole meetings
 * against one address (a node or the balancer) and prints, as its last line of output, one JSON
 * object with the latencies it measured. A meeting's people all live in the same process, so a
 * latency is one clock's difference: from the send to the event at each person who should get it.
 *
 * Each meeting runs the script of a break-out afternoon: the facilitator opens a scale poll and a
 * break-out of `rooms` rooms; everyone answers the poll (and changes the answer now and then);
 * in every room people write and move post-its at `BOARD_OPS` a second; the meeting's chat gets
 * one message a second; the secretary types 5 keystrokes a second into the verslag, which one
 * participant reads live; the facilitator starts the meeting's timer and extends it now and then.
 *
 * Input (env): LOAD_URL, LOAD_MEETINGS, LOAD_SIZE, LOAD_ROOMS, LOAD_SECONDS, LOAD_START_AT (epoch
 * ms at which every process starts its script, so that all meetings run at once). For long runs
 * (the soak, soak.ts), each unset by default and then without effect: LOAD_RATE (every rate of the
 * script times this), LOAD_WINDOW_SECONDS (latencies counted per window of send time instead of
 * listed, see `LoadResult.windows`), LOAD_NOTES_PER_ROOM (post-its a room creates before it only
 * moves them).
 *
 * One meeting over several processes (meetings.ts `oneBigMeeting`), each unset by default: with
 * LOAD_PART "i/n" this process runs part i of ONE meeting of LOAD_SIZE people and LOAD_ROOMS rooms
 * (its share of both), and the meeting's chat sends LOAD_CHAT_PER_S messages a second in all
 * parts together. Part 0 creates the meeting and tells the parent (IPC `{ type: 'meeting' }`); the
 * others get it as LOAD_MEETING. Every part says `joined` when its people are connected; the
 * parent then tells part 0 to `open` (the break-out's rooms are made for everyone online) and the
 * others that it is `opened`. The break-out is self-chosen with rooms of 8: each part's people
 * choose the rooms of its own slice, so a room's post-its stay within one process (one clock).
 * Part 0 holds the facilitator (the timer), the secretary and the verslag's reader. A chat
 * message carries its send time; the timer's sends and arrivals are listed by time
 * (`LoadResult.timerSends`, `timerArrivals`) and paired by the parent. Not with LOAD_WINDOW_SECONDS.
 */
import type { Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DEFAULT_SCALE_LEVELS } from '../../shared/domain/activities';
import { BOARD_LIMITS } from '../../shared/domain/board/limits';
import { newId } from '../../shared/domain/ids';
import { LIMITS } from '../../shared/domain/limits';
import { yjsProtocols } from '../../shared/protocol/collab';
import { reportFragment } from '../../shared/report/ydoc';
import { seeded } from '../helpers/process';
import {
  ack,
  breakoutActivity,
  type CreatedMeeting,
  connect,
  connected,
  countIn,
  listIn,
  pool,
  sleep,
  type WindowCounts,
  waitUntil,
} from './lib';

const url = process.env.LOAD_URL!;
const meetings = Number(process.env.LOAD_MEETINGS ?? 10);
const size = Number(process.env.LOAD_SIZE ?? 40);
const rooms = Number(process.env.LOAD_ROOMS ?? 5);
const seconds = Number(process.env.LOAD_SECONDS ?? 30);
const startAt = Number(process.env.LOAD_START_AT ?? Date.now() + 5000);
/** Every rate below (and the poll answers' and the timer's) times this. */
const rate = Number(process.env.LOAD_RATE ?? 1);
/** This process's part of one meeting over several processes: part 0 of 1 when unset. */
const [part, parts] = (process.env.LOAD_PART ?? '0/1').split('/').map(Number) as [number, number];
/** Part `part`'s share of `total` (people, rooms): the shares of all parts add up to it. */
const shareOf = (total: number, i = part) =>
  Math.floor(((i + 1) * total) / parts) - Math.floor((i * total) / parts);
/** Post-it operations a second in each room (creates and moves, alternating). */
const BOARD_OPS = 2 * rate;
/** Chat messages a second this process sends into a meeting. */
const CHAT_PER_S = (Number(process.env.LOAD_CHAT_PER_S ?? 1) * rate) / parts;
const KEYS_PER_S = 5 * rate;
/**
 * Post-its a room creates; after that it only moves them. A long meeting at a high rate would fill
 * a board to its limit (BOARD_LIMITS.notesPerBoard), after which every create is refused: an
 * error of the load's shape, not of the server. The default is that limit, which a run of minutes
 * never reaches.
 */
const NOTES_PER_ROOM = Number(process.env.LOAD_NOTES_PER_ROOM ?? BOARD_LIMITS.notesPerBoard);
/** Window (ms) by which latencies are counted, by their send time from `startAt`; 0: listed instead. */
const WINDOW_MS = Number(process.env.LOAD_WINDOW_SECONDS ?? 0) * 1000;
/** The timer starts at 10 minutes and is extended by a minute at a time, up to LIMITS.timerMaxMs. */
const TIMER_START_MS = 600_000;
const TIMER_STEP_MS = 60_000;
const TIMER_STEPS = Math.floor((LIMITS.timerMaxMs - TIMER_START_MS) / TIMER_STEP_MS) + 1;

export interface LoadResult {
  /** Latency (ms) of each event at each person who got it, by kind (empty with LOAD_WINDOW_SECONDS). */
  latencies: Record<'board' | 'chat' | 'timer' | 'verslag', number[]>;
  /**
   * With LOAD_WINDOW_SECONDS: for window w (events sent from w windows after the start on), how
   * many arrivals of any kind took each latency, `{ [ms]: count }`. Counts instead of a list: a
   * half hour at 5× is millions of arrivals, and a list that grows would slow this process itself
   * (its garbage collections) more at the end than at the start.
   */
  windows?: WindowCounts;
  /** Acknowledgement time of the poll answers (stored, then acked). */
  answerAcks: number[];
  expected: number;
  received: number;
  /** Expected less received, by kind (chat and timer included). */
  missing: Record<keyof LoadResult['latencies'], number>;
  /** The first 20 errors. */
  errors: string[];
  /** All errors. */
  errorCount: number;
  /** Keystrokes typed into the verslagen. */
  keystrokes: number;
  /**
   * Connections that closed during the script, by reason ("io server disconnect": the server
   * dropped it, ABUSE8; "ping timeout": this process answered too late). The bench's clients do
   * not reconnect, so what such a person would have got next counts as lost.
   */
  disconnects: Record<string, number>;
  /** With LOAD_PART: when the timer was sent (part 0) and when it arrived (every part), epoch ms by key. */
  timerSends?: Record<string, number[]>;
  timerArrivals?: Record<string, number[]>;
}

/** What one meeting's parts share: part 0 makes it, the others get it as LOAD_MEETING. */
export interface SharedMeeting extends CreatedMeeting {
  pollId: string;
  breakoutId: string;
}

/** Messages between a part of one meeting over several processes and the parent (see above). */
export type LoadMessage =
  | { type: 'meeting'; meeting: SharedMeeting }
  | { type: 'joined' }
  | { type: 'open' }
  | { type: 'opened' };

const result: LoadResult = {
  latencies: { board: [], chat: [], timer: [], verslag: [] },
  answerAcks: [],
  expected: 0,
  received: 0,
  missing: { board: 0, chat: 0, timer: 0, verslag: 0 },
  errors: [],
  errorCount: 0,
  keystrokes: 0,
  disconnects: {},
  ...(WINDOW_MS > 0 ? { windows: [] } : {}),
};

const failed = (err: unknown) => {
  result.errorCount++;
  if (result.errors.length < 20) result.errors.push(String(err));
};

const post = async (path: string, body: unknown) =>
  (
    await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  ).json();

interface Tracker {
  sent(key: string, recipients: number): void;
  got(key: string): void;
}

/**
 * Sent-at times by key; each arrival of an expected key is one latency. `gotSentAt`: an arrival
 * whose send time came with it (sent by this process or another of the same machine).
 */
function tracker(kind: keyof LoadResult['latencies']): Tracker & { gotSentAt(t: number): void } {
  const sentAt = new Map<string, number>();
  const gotSentAt = (t: number) => {
    result.received++;
    result.missing[kind]--;
    const ms = Date.now() - t;
    if (result.windows) countIn(result.windows, Math.floor((t - startAt) / WINDOW_MS), ms);
    else result.latencies[kind].push(ms);
  };
  return {
    sent(key: string, recipients: number) {
      sentAt.set(key, Date.now());
      result.expected += recipients;
      result.missing[kind] += recipients;
    },
    got(key: string) {
      const t = sentAt.get(key);
      if (t !== undefined) gotSentAt(t);
    },
    gotSentAt,
  };
}

/**
 * Sends and arrivals listed by key and time, for the parent to pair (`LoadResult.timerSends`): the
 * sender is in one process, most of the people who get it in others.
 */
function pairedLater(): Tracker {
  const sends: Record<string, number[]> = {};
  const arrivals: Record<string, number[]> = {};
  result.timerSends = sends;
  result.timerArrivals = arrivals;
  return {
    sent(key: string, recipients: number) {
      listIn(sends, key, Date.now());
      result.expected += recipients;
      result.missing.timer += recipients;
    },
    got(key: string) {
      result.received++;
      result.missing.timer--;
      listIn(arrivals, key, Date.now());
    },
  };
}

interface Person {
  socket: Socket;
  roomId: string | null;
  boardId: string | null;
}

/** What `session:sync` answers about the break-outs, as far as the script needs it. */
interface Sync {
  breakouts: {
    activityId: string;
    rooms: { id: string; index: number }[];
    boards: { id: string; roomId: string | null }[];
  }[];
  placements: { activityId: string; roomId: string | null }[];
}

/** Tells the parent (a part of one meeting over several processes). */
const tell = (m: LoadMessage) => process.send!(m);

/** The parent's message of this type. */
const told = (type: LoadMessage['type']) =>
  new Promise<void>((resolve) => {
    const on = (m: unknown) => {
      if ((m as LoadMessage).type !== type) return;
      process.off('message', on);
      resolve();
    };
    process.on('message', on);
  });

/** A new meeting with its poll and its break-out (not yet open), and its facilitator connected. */
async function create(k: number) {
  const m = (await post('/api/meetings', { title: `Begeleidingsgroep ${k + 1}` })) as CreatedMeeting;
  const fac = connect(url, { code: m.code, token: m.facilitatorToken });
  await connected(fac);
  const meeting: SharedMeeting = {
    code: m.code,
    facilitatorToken: m.facilitatorToken,
    secretaryToken: m.secretaryToken,
    pollId: newId(),
    breakoutId: newId(),
  };
  await ack(fac, 'activity:create', {
    id: meeting.pollId,
    agendaItemId: null,
    anonymous: false,
    spec: { kind: 'scale', question: 'Hoe tevreden ben je?', levels: [...DEFAULT_SCALE_LEVELS] },
  });
  // Over several processes: rooms of a set size (as many as fill up with the people online at
  // the start), which people choose themselves.
  const selfChosen =
    parts > 1 ? { rooms: { by: 'size', size: Math.ceil(size / rooms) }, assignment: 'self' } : undefined;
  await ack(fac, 'activity:create', breakoutActivity(meeting.breakoutId, { rooms, overrides: selfChosen }));
  return { meeting, fac };
}

/**
 * `count` people join, numbered from `first` on, and connect: 10 at a time; a part of one meeting
 * 30, as many as a process that sets up three meetings at once.
 */
function join(code: string, count: number, first: number): Promise<Person[]> {
  return pool(Array.from({ length: count }), parts > 1 ? 30 : 10, async (_, i) => {
    const j = await post('/api/join', { code, name: `Deelnemer ${first + i + 1}` });
    const socket = connect(url, { code, token: j.token });
    await connected(socket);
    return { socket, roomId: null, boardId: null };
  });
}

/** Everyone's room and board, once the server has placed them (random assignment). */
async function placed(people: Person[], breakoutId: string): Promise<void> {
  await pool(people, 10, async (p) => {
    for (let tries = 0; ; tries++) {
      const snap = await ack<Sync>(p.socket, 'session:sync', null);
      const roomId = snap.placements.find((x) => x.activityId === breakoutId)?.roomId ?? null;
      const board = snap.breakouts
        .find((b) => b.activityId === breakoutId)
        ?.boards.find((b) => b.roomId === roomId);
      if (board && roomId) {
        p.roomId = roomId;
        p.boardId = board.id;
        return;
      }
      if (tries > 50) throw new Error('no room for a participant');
      await sleep(100);
    }
  });
}

/** A part's people choose the rooms of its own slice (by room number), dealt round them. */
async function choose(people: Person[], breakoutId: string): Promise<void> {
  const snap = await ack<Sync>(people[0]!.socket, 'session:sync', null);
  const b = snap.breakouts.find((x) => x.activityId === breakoutId);
  const from = Math.floor((part * rooms) / parts);
  const mine = [...(b?.rooms ?? [])].sort((x, y) => x.index - y.index).slice(from, from + shareOf(rooms));
  if (!b || mine.length < shareOf(rooms))
    throw new Error(`${b?.rooms.length ?? 0} rooms were made, ${rooms} needed: was everyone online?`);
  // Every choice sends the rooms' view to everyone in the meeting (coalesced): choose quickly.
  await pool(people, 50, async (p, i) => {
    const room = mine[i % mine.length]!;
    await ack(p.socket, 'breakout:choose', { activityId: breakoutId, roomId: room.id });
    p.roomId = room.id;
    p.boardId = b.boards.find((x) => x.roomId === room.id)!.id;
  });
}

/** The secretary, typing, and one participant reading the verslag live. */
async function verslagOf(meeting: SharedMeeting) {
  const yjs = (token: string | null) => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/yjs`, meeting.code, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      protocols: yjsProtocols(token),
      maxBackoffTime: 2000,
    });
    provider.awareness.setLocalState(token ? { user: { name: 'Secretaris', color: '#1f5f3f' } } : null);
    return { doc, provider };
  };
  const secretary = yjs(meeting.secretaryToken);
  const reader = yjs(null);
  if (!(await waitUntil(() => secretary.provider.synced && reader.provider.synced, 30_000, 50)))
    throw new Error('the verslag did not sync');
  return { secretary, reader };
}

/**
 * Meeting `k` of this process, ready for its script; or, over several processes, this part of the
 * one meeting. Only the process that made the meeting holds its facilitator and its verslag.
 */
async function setUp(k: number) {
  const made = parts === 1 || part === 0 ? await create(k) : null;
  const meeting = made?.meeting ?? (JSON.parse(process.env.LOAD_MEETING!) as SharedMeeting);
  if (made && parts > 1) tell({ type: 'meeting', meeting });
  const people = await join(meeting.code, shareOf(size), Math.floor((part * size) / parts));
  if (parts > 1) {
    // The rooms are made for the people online at the start: everyone in every part.
    tell({ type: 'joined' });
    await told(made ? 'open' : 'opened');
  }
  if (made) {
    await ack(made.fac, 'activity:open', { id: meeting.pollId });
    await ack(made.fac, 'activity:open', { id: meeting.breakoutId });
    if (parts > 1) tell({ type: 'opened' });
  }
  await (parts > 1 ? choose : placed)(people, meeting.breakoutId);
  await pool(people, 10, (p) => ack(p.socket, 'board:sync', { boardId: p.boardId }));
  return { meeting, fac: made?.fac ?? null, people, verslag: made ? await verslagOf(meeting) : null, k };
}

type Meeting = Awaited<ReturnType<typeof setUp>>;

/** The secretary's keystrokes, each one a latency when the reader has it. */
function typing(v: NonNullable<Meeting['verslag']>) {
  const verslag = tracker('verslag');
  // The reader's verslag: every keystroke is one character more.
  const typed = new Y.XmlText();
  const para = new Y.XmlElement('paragraph');
  para.insert(0, [typed]);
  reportFragment(v.secretary.doc).insert(0, [para]);
  // The typed paragraph in the reader's verslag, found by its Yjs id: the template's blocks may
  // reach the reader first (from another node), and their text is not keystrokes.
  const id = para._item!.id;
  const readText = () => {
    for (const el of reportFragment(v.reader.doc).toArray()) {
      if (el instanceof Y.XmlElement && el._item && Y.compareIDs(el._item.id, id))
        return (el.get(0) as Y.XmlText | undefined)?.length ?? 0;
    }
    return 0;
  };
  // One update may carry several keystrokes: each counts once, when it is there.
  let seen = 0;
  v.reader.doc.on('update', () => {
    for (const n = readText(); seen < n; ) verslag.got(`v:${++seen}`);
  });
  return (i: number) => {
    verslag.sent(`v:${i + 1}`, 1);
    result.keystrokes++;
    typed.insert(i, 'abcdefghij'[i % 10]!);
  };
}

/** The bench is done with this process: its connections close on purpose. */
let closing = false;

/** A chat message's send time, which it carries (its people may be in other processes). */
const SENT_AT = / t=(\d+)$/;

/** The script of one meeting (or of this part of one) for `seconds`, from `startAt`. */
async function run(mt: Meeting) {
  // Parts of one meeting each their own seed: their sends do not fall on the same millisecond.
  const rand = seeded(part * meetings + mt.k + 1);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const board = tracker('board');
  const chat = tracker('chat');
  const timer = parts > 1 ? pairedLater() : tracker('timer');
  const byRoom = new Map<string, Person[]>();
  for (const p of mt.people) {
    byRoom.set(p.roomId!, [...(byRoom.get(p.roomId!) ?? []), p]);
    p.socket.on('note:created', (n: { id: string }) => board.got(`c:${n.id}`));
    p.socket.on('note:updated', (u: { notes: { id: string; x: number; y: number }[] }) => {
      for (const n of u.notes) board.got(`m:${n.id}:${n.x}:${n.y}`);
    });
    p.socket.on('chat:message', (c: { text: string }) => {
      const t = SENT_AT.exec(c.text)?.[1];
      if (t) chat.gotSentAt(Number(t));
    });
    p.socket.on('timer:updated', (t: { durationMs: number }) => timer.got(`t:${t.durationMs}`));
  }
  const type = mt.verslag ? typing(mt.verslag) : null;
  for (const s of [mt.fac, ...mt.people.map((p) => p.socket)]) {
    s?.on('disconnect', (reason: string) => {
      if (closing) return;
      result.disconnects[reason] = (result.disconnects[reason] ?? 0) + 1;
    });
  }

  // A set-up that ran past the start skews the run (the CPU is measured from the start): said.
  if (Date.now() > startAt) failed(`set-up ended ${Date.now() - startAt} ms after the start`);
  await sleep(startAt - Date.now());
  const end = Date.now() + seconds * 1000;
  const loops: Promise<void>[] = [];
  const every = (perSecond: number, fn: (i: number) => Promise<void> | void) => {
    loops.push(
      (async () => {
        // A random phase, so that thirty meetings do not all send on the same millisecond.
        await sleep(rand() * (1000 / perSecond));
        for (let i = 0; Date.now() < end; i++) {
          const next = Date.now() + 1000 / perSecond;
          try {
            await fn(i);
          } catch (err) {
            failed(err);
          }
          await sleep(next - Date.now());
        }
      })(),
    );
  };
  // Post-its: per room, creates and moves of one's own post-its.
  for (const [, members] of byRoom) {
    // Only post-its whose creation was acknowledged are moved: a person cannot move a post-it
    // before it is on the board (under load a move sent earlier is refused: "no such post-it").
    const placed: string[] = [];
    let written = 0;
    every(BOARD_OPS, (i) => {
      const writer = pick(members);
      const x = Math.floor(rand() * 3000);
      const y = Math.floor(rand() * 2000);
      if (written < NOTES_PER_ROOM && (placed.length < 3 || i % 2 === 0)) {
        const id = newId();
        written++;
        board.sent(`c:${id}`, members.length);
        void ack(writer.socket, 'note:create', {
          id,
          boardId: writer.boardId,
          text: `Post-it ${i}: koplopers leggen verbindingen`,
          colour: 'geel',
          x,
          y,
        })
          .then(() => placed.push(id))
          .catch(failed);
      } else if (placed.length > 0) {
        // Anyone in the room may move a post-it of the room.
        const id = placed[i % placed.length]!;
        board.sent(`m:${id}:${x}:${y}`, members.length);
        // As the app sends it: with a command id (applied once, RECON6).
        void ack(writer.socket, 'note:move', { id, cmd: newId(), x, y }).catch(failed);
      }
    });
  }
  every(CHAT_PER_S, () => {
    // Everyone in the meeting gets it, in every part.
    result.expected += size;
    result.missing.chat += size;
    void ack(pick(mt.people).socket, 'chat:send', {
      id: newId(),
      channel: 'meeting',
      text: `Goed punt! t=${Date.now()}`,
    }).catch(failed);
  });
  // Poll answers: each person answers at a random moment, and changes it every ~20 s.
  every((mt.people.length / 20) * rate, async (i) => {
    const t0 = Date.now();
    await ack(mt.people[i % mt.people.length]!.socket, 'response:submit', {
      id: newId(),
      activityId: mt.meeting.pollId,
      value: { level: i % 4 },
      note: `Toelichting ${i}`,
    });
    result.answerAcks.push(Date.now() - t0);
  });
  if (type) every(KEYS_PER_S, type);
  // The timer: started, then extended every 10 s (each a broadcast to everyone); started again
  // once it is at its longest (an extension beyond it would change nothing, nor be recognised).
  const fac = mt.fac;
  if (fac)
    every(0.1 * rate, async (i) => {
      const step = i % TIMER_STEPS;
      const durationMs = TIMER_START_MS + step * TIMER_STEP_MS;
      timer.sent(`t:${durationMs}`, size);
      if (step === 0) await ack(fac, 'timer:start', { id: newId(), scope: 'meeting', durationMs });
      else await ack(fac, 'timer:extend', { id: newId(), scope: 'meeting', byMs: TIMER_STEP_MS });
    });
  await Promise.all(loops);
}

const all = await pool(Array.from({ length: meetings }), 3, (_, k) => setUp(k));
console.error(
  parts > 1
    ? `ready: part ${part} of ${parts} of a meeting of ${size}`
    : `ready: ${meetings} meetings of ${size}`,
);
await Promise.all(all.map(run));
if (parts > 1) {
  // The other parts send too: what is still on its way has arrived once nothing came for 2 s.
  for (let last = -1, tries = 0; result.received !== last && tries < 5; tries++) {
    last = result.received;
    await sleep(2000);
  }
} else {
  // What is still on its way arrives within a few seconds.
  await waitUntil(() => result.received >= result.expected, 10_000, 100);
}
console.log(JSON.stringify(result));
// Everyone stays until the bench has measured the nodes' memory and closes our input.
process.stdin.on('end', () => {
  closing = true;
  for (const mt of all) {
    for (const s of [mt.fac, ...mt.people.map((p) => p.socket)]) s?.disconnect();
    for (const y of mt.verslag ? [mt.verslag.secretary, mt.verslag.reader] : []) y.provider.destroy();
  }
  process.exit(0);
});
process.stdin.resume();
