import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCALE_LEVELS } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import type { Snapshot } from '../../shared/domain/types';
import { hasBrowser, joinAs, openBrowser } from '../e2e/helpers';
import { startCluster, type TestCluster } from '../helpers/cluster';
import { eventually } from '../helpers/server';
import { servicesFor } from '../helpers/services';
import { addParagraph, texts, xml, yClient } from '../helpers/yjs';

/**
 * [DEPLOY1][DEPLOY2] Three real nodes on one PostgreSQL database and Redis, behind HAProxy started
 * from deploy/haproxy.cfg. People spread over the nodes see each other as on one node; a node
 * killed mid-meeting and a rolling restart lose and double nothing that was acknowledged.
 */
const SOAK = process.env.OOGST_CLUSTER_SOAK === '1';

type Ack<T> = { ok: true; data: T } | { ok: false; error: string; message: string };

const connect = (url: string, code: string, token: string, reconnect = false) =>
  new Promise<Socket>((resolve, reject) => {
    const s = ioClient(url, {
      forceNew: true,
      transports: ['websocket'],
      reconnection: reconnect,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      auth: { code, token },
    });
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });

const ack = async <T>(s: Socket, event: string, payload: unknown, ms = 5000): Promise<T> => {
  const r = (await s.timeout(ms).emitWithAck(event, payload)) as Ack<T>;
  if (!r.ok) throw new Error(`${event}: ${r.error} ${r.message}`);
  return r.data;
};

const next = <T>(s: Socket, event: string, match: (p: T) => boolean = () => true, ms = 8000) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      s.off(event, on);
      reject(new Error(`no ${event} in time`));
    }, ms);
    const on = (p: T) => {
      if (!match(p)) return;
      clearTimeout(timer);
      s.off(event, on);
      resolve(p);
    };
    s.on(event, on);
  });

async function createMeeting(url: string, title: string) {
  const res = await fetch(`${url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  return (await res.json()) as { id: string; code: string; facilitatorToken: string; secretaryToken: string };
}

async function join(url: string, code: string, name: string) {
  const res = await fetch(`${url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name }),
  });
  return (await res.json()) as { participant: { id: string }; token: string };
}

const scalePoll = (id: string) => ({
  id,
  agendaItemId: null,
  anonymous: false,
  spec: { kind: 'scale', question: 'Hoe tevreden ben je?', levels: [...DEFAULT_SCALE_LEVELS] },
});

const ready = await servicesFor('cluster.test.ts', 'postgres', 'redis-server', 'haproxy');

describe.runIf(ready)('several nodes behind HAProxy on PostgreSQL and Redis', () => {
  let c: TestCluster;
  beforeAll(async () => {
    c = await startCluster({ nodes: 3 });
  }, 90_000);
  afterAll(async () => {
    await c?.close();
  });
  const nodeUrl = (i: number) => `http://127.0.0.1:${c.nodes[i]!.port}`;

  it('[DEPLOY1] 60 participants spread over 3 nodes: poll, statements, post-its, votes, chat and timer converge; every client ends with the server state', async () => {
    const m = await createMeeting(c.url, 'Zestig over drie nodes');
    const fac = await connect(c.url, m.code, m.facilitatorToken, true);
    const pollId = newId();
    const stmtId = newId();
    const boId = newId();
    await ack(fac, 'activity:create', scalePoll(pollId));
    await ack(fac, 'activity:create', {
      id: stmtId,
      agendaItemId: null,
      anonymous: false,
      spec: {
        kind: 'statements',
        question: 'Wat vind je?',
        statements: ['Kaders eerst', 'Samen beginnen'],
        labels: { agree: 'Eens', neutral: 'Neutraal', disagree: 'Oneens' },
        neutral: true,
      },
    });
    await ack(fac, 'activity:create', {
      id: boId,
      agendaItemId: null,
      anonymous: false,
      spec: {
        kind: 'breakout',
        questions: ['Wat kunnen koplopers betekenen?'],
        rooms: { by: 'count', count: 1 },
        assignment: 'random',
        timeboxMinutes: null,
        seeOtherRooms: false,
        participantsCluster: false,
        colourBy: 'choice',
      },
    });
    const people = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const j = await join(c.url, m.code, `D${i}`);
        const socket = await connect(c.url, m.code, j.token, true);
        const seen = { chat: new Set<string>(), notes: new Set<string>(), timerEnds: null as number | null };
        socket.on('chat:message', (x: { id: string }) => seen.chat.add(x.id));
        socket.on('note:created', (x: { id: string }) => seen.notes.add(x.id));
        socket.on('timer:updated', (t: { endsAt: number | null }) => {
          seen.timerEnds = t.endsAt;
        });
        return { id: j.participant.id, socket, seen };
      }),
    );
    for (const a of [pollId, stmtId, boId]) await ack(fac, 'activity:open', { id: a });
    const snap0 = await ack<Snapshot>(fac, 'session:sync', undefined);
    const boardId = snap0.breakouts[0]!.boards[0]!.id;
    await ack(fac, 'board:voting', { boardId, open: true, limit: 3 });
    for (const p of people) await ack(p.socket, 'board:sync', { boardId });

    const noteIds = people.map(() => newId());
    await Promise.all(
      people.map(async (p, i) => {
        await ack(p.socket, 'response:submit', {
          id: newId(),
          activityId: pollId,
          value: { level: i % 4 },
          note: `Uitleg ${i}`,
        });
        await ack(p.socket, 'response:submit', {
          id: newId(),
          activityId: stmtId,
          value: { answers: [{ position: 'agree' }, { position: i % 2 ? 'neutral' : 'disagree' }] },
        });
        await ack(p.socket, 'note:create', {
          id: noteIds[i],
          boardId,
          text: `Post-it van D${i}`,
          colour: 'geel',
          x: (i % 10) * 200,
          y: Math.floor(i / 10) * 140,
        });
        await ack(p.socket, 'chat:send', { id: newId(), channel: 'meeting', text: `Bericht van D${i}` });
      }),
    );
    // Everyone votes for the post-it of the next person (written by then).
    await Promise.all(
      people.map((p, i) => ack(p.socket, 'vote:cast', { id: newId(), noteId: noteIds[(i + 1) % 60] })),
    );
    const timer = await ack<{ endsAt: number }>(fac, 'timer:start', {
      id: newId(),
      scope: 'meeting',
      durationMs: 600_000,
    });

    // The server's state, read through the balancer by the facilitator.
    const board = await ack<{ notes: { id: string }[]; counts: Record<string, number> | null }>(
      fac,
      'board:sync',
      { boardId },
    );
    const chat = await ack<{ id: string }[]>(fac, 'chat:all', { channel: 'meeting' });
    const snap = await ack<Snapshot>(fac, 'session:sync', undefined);
    expect(board.notes).toHaveLength(60);
    expect(chat).toHaveLength(60);
    expect(snap.results.find((r) => r.activityId === pollId)?.total).toBe(60);
    expect(snap.results.find((r) => r.activityId === stmtId)?.total).toBe(60);
    // One vote on every post-it (each person voted for the next one's), counted once.
    expect(Object.values(board.counts ?? {}).sort()).toEqual(Array(60).fill(1));
    // Every client, on whatever node, heard all of it live.
    const ids = (xs: { id: string }[]) => new Set(xs.map((x) => x.id));
    await eventually(
      () =>
        people.every(
          (p) =>
            p.seen.chat.size === 60 &&
            p.seen.notes.size >= 60 &&
            [...ids(board.notes)].every((id) => p.seen.notes.has(id)) &&
            [...ids(chat)].every((id) => p.seen.chat.has(id)) &&
            p.seen.timerEnds === timer.endsAt,
        ),
      20_000,
    );
    // And a fresh sync of each client equals the facilitator's view of the meeting.
    for (const p of people.slice(0, 6)) {
      const mine = await ack<{ notes: { id: string }[] }>(p.socket, 'board:sync', { boardId });
      expect([...ids(mine.notes)].sort()).toEqual([...ids(board.notes)].sort());
    }
    for (const s of [fac, ...people.map((p) => p.socket)]) s.disconnect();
  }, 90_000);

  it('[DEPLOY1] a facilitator on node 1 and participants on nodes 2 and 3 see each other: poll, answers, presence, chat, timer', async () => {
    const m = await createMeeting(nodeUrl(0), 'Verspreid over drie nodes');
    const fac = await connect(nodeUrl(0), m.code, m.facilitatorToken);
    const [ja, jb] = [await join(nodeUrl(1), m.code, 'Ann'), await join(nodeUrl(2), m.code, 'Bert')];
    const presence = next<{ online: number }>(fac, 'presence:updated', (p) => p.online === 2);
    const ann = await connect(nodeUrl(1), m.code, ja.token);
    const bert = await connect(nodeUrl(2), m.code, jb.token);
    expect((await presence).online).toBe(2);

    // The poll opened on node 1 reaches both.
    const pollId = newId();
    await ack(fac, 'activity:create', scalePoll(pollId));
    const opened = (s: Socket) =>
      next<{ id: string; status: string }>(
        s,
        'activity:updated',
        (a) => a.id === pollId && a.status === 'open',
      );
    const seen = Promise.all([opened(ann), opened(bert)]);
    await ack(fac, 'activity:open', { id: pollId });
    await seen;

    // Answers on nodes 2 and 3 reach the facilitator's tally and "2 van 2" on node 1.
    const tally = next<{ activityId: string; total: number }>(
      fac,
      'results:updated',
      (r) => r.activityId === pollId && r.total === 2,
    );
    await ack(ann, 'response:submit', { id: newId(), activityId: pollId, value: { level: 3 }, note: 'Goed' });
    await ack(bert, 'response:submit', {
      id: newId(),
      activityId: pollId,
      value: { level: 1 },
      note: 'Matig',
    });
    expect((await tally).total).toBe(2);

    // Chat from node 3 reaches node 2.
    const heard = next<{ text: string }>(ann, 'chat:message', (msg) => msg.text === 'Hallo van node 3');
    await ack(bert, 'chat:send', { id: newId(), channel: 'meeting', text: 'Hallo van node 3' });
    await heard;

    // A timer started on node 1 ticks to the same end on nodes 2 and 3.
    const timerAt = (s: Socket) =>
      next<{ endsAt: number | null }>(s, 'timer:updated', (t) => t.endsAt !== null);
    const both = Promise.all([timerAt(ann), timerAt(bert)]);
    await ack(fac, 'timer:start', { id: newId(), scope: 'meeting', durationMs: 300_000 });
    const [ta, tb] = await both;
    expect(ta.endsAt).toBe(tb.endsAt);

    // Bert leaves node 3: the facilitator on node 1 sees one online.
    const left = next<{ online: number }>(fac, 'presence:updated', (p) => p.online === 1);
    bert.disconnect();
    await left;
    for (const s of [fac, ann]) s.disconnect();
  });

  it.runIf(hasBrowser)(
    '[DEPLOY1] in Chromium through the balancer: participants on whichever node answer, the facilitator on node 1 counts them live',
    async () => {
      const kit = await openBrowser();
      try {
        const m = await createMeeting(nodeUrl(0), 'In de browser');
        const fac = await connect(nodeUrl(0), m.code, m.facilitatorToken);
        const pollId = newId();
        await ack(fac, 'activity:create', scalePoll(pollId));
        await ack(fac, 'activity:open', { id: pollId });
        const tally = next<{ activityId: string; total: number }>(
          fac,
          'results:updated',
          (r) => r.activityId === pollId && r.total === 3,
          20_000,
        );
        // The built client, through HAProxy: WebSocket first, any node.
        for (const name of ['Ann', 'Bert', 'Carla']) {
          const page = await joinAs(kit, `${c.url}/m/${m.code}`, name, { width: 420, height: 900 });
          await page.getByLabel('Redelijk tevreden').check();
          await page.getByRole('button', { name: 'Antwoord opslaan' }).click();
          await page.getByText('Je antwoord is opgeslagen.').waitFor();
        }
        expect((await tally).total).toBe(3);
        expect(kit.pageErrors).toEqual([]);
        fac.disconnect();
      } finally {
        await kit.close();
      }
    },
  );

  it('[DEPLOY1] long polling (a proxy that blocks WebSockets) through the balancer stays on one node by its cookie; without the cookie it breaks', async () => {
    const m = await createMeeting(c.url, 'Alleen long polling');
    const j = await join(c.url, m.code, 'Polly');
    const polling = (withCredentials: boolean) =>
      ioClient(c.url, {
        forceNew: true,
        transports: ['polling'],
        withCredentials,
        reconnection: false,
        auth: { code: m.code, token: j.token },
      });
    // With the balancer's cookie (a browser keeps it): many requests, all answered.
    const sticky = polling(true);
    await new Promise<void>((resolve, reject) => {
      sticky.once('connect', () => resolve());
      sticky.once('connect_error', reject);
    });
    for (let i = 0; i < 15; i++) {
      const snap = await ack<Snapshot>(sticky, 'session:sync', undefined);
      expect(snap.meeting.id).toBe(m.id);
    }
    expect(sticky.connected).toBe(true);
    sticky.disconnect();
    // Without it, the balancer spreads the requests of one session over the nodes: it fails.
    // This is why the cookie is in deploy/haproxy.cfg (and why browsers use WebSockets first).
    const loose = polling(false);
    const broken = await new Promise<boolean>((resolve) => {
      loose.once('connect_error', () => resolve(true));
      loose.once('disconnect', () => resolve(true));
      loose.once('connect', async () => {
        try {
          for (let i = 0; i < 15; i++) await ack(loose, 'session:sync', undefined, 2000);
          resolve(false);
        } catch {
          resolve(true);
        }
      });
    });
    loose.disconnect();
    expect(broken).toBe(true);
  });

  it('[DEPLOY1][REPORT9] the live verslag across nodes: editors on nodes 1 and 2 and a reader on node 3 converge; nothing is stored twice', async () => {
    const m = await createMeeting(nodeUrl(0), 'Verslag over nodes');
    const a = yClient(nodeUrl(0), m.code, m.secretaryToken, {
      presence: { name: 'Secretaris', color: '#123456' },
    });
    const b = yClient(nodeUrl(1), m.code, m.secretaryToken, {
      presence: { name: 'Tweede tab', color: '#654321' },
    });
    const reader = yClient(nodeUrl(2), m.code);
    try {
      await Promise.all([a.synced(), b.synced(), reader.synced()]);
      for (let i = 0; i < 5; i++) {
        addParagraph(a.doc, `Node 1, alinea ${i}`);
        addParagraph(b.doc, `Node 2, alinea ${i}`);
      }
      const want = (t: string[]) => t.filter((x) => x.startsWith('Node ')).sort();
      const expected = want(
        [...Array(5).keys()].flatMap((i) => [`Node 1, alinea ${i}`, `Node 2, alinea ${i}`]),
      );
      await eventually(
        () => [a, b, reader].every((c) => JSON.stringify(want(texts(c.doc))) === JSON.stringify(expected)),
        15_000,
      );
      expect(xml(a.doc)).toBe(xml(b.doc));
      expect(xml(reader.doc)).toBe(xml(a.doc));
      // The editor on node 2 sees the one on node 1 (presence crosses nodes too).
      await eventually(
        () => [...b.provider.awareness.getStates().values()].some((st) => st.user?.name === 'Secretaris'),
        10_000,
      );
    } finally {
      for (const c of [a, b, reader]) c.destroy();
    }
    // A fresh reader through the balancer, after every room let go: the stored log has it all, once.
    const again = yClient(c.url, m.code);
    try {
      await again.synced();
      const got = texts(again.doc).filter((x) => x.startsWith('Node '));
      expect(got).toHaveLength(10);
      expect(new Set(got).size).toBe(10);
    } finally {
      again.destroy();
    }
  });

  it('[DEPLOY3] Redis restarts (empty): live traffic between nodes pauses and resumes by itself; nothing acknowledged is lost', async () => {
    const m = await createMeeting(nodeUrl(0), 'Redis start opnieuw');
    const fac = await connect(nodeUrl(0), m.code, m.facilitatorToken);
    const j = await join(nodeUrl(1), m.code, 'Ann');
    const ann = await connect(nodeUrl(1), m.code, j.token);
    const pollId = newId();
    await ack(fac, 'activity:create', scalePoll(pollId));
    await ack(fac, 'activity:open', { id: pollId });

    await c.redis.stop();
    // Redis is away: a command is still stored and acknowledged by its own node.
    await ack(ann, 'response:submit', {
      id: newId(),
      activityId: pollId,
      value: { level: 2 },
      note: 'Tijdens',
    });
    await c.redis.start();
    // Back: an answer on node 2 reaches the facilitator on node 1 again, with both answers counted.
    const tally = next<{ activityId: string; total: number; notes: { text: string }[] }>(
      fac,
      'results:updated',
      (r) => r.activityId === pollId && r.notes.some((n) => n.text === 'Erna'),
      15_000,
    );
    await new Promise((r) => setTimeout(r, 500));
    await ack(ann, 'response:submit', { id: newId(), activityId: pollId, value: { level: 3 }, note: 'Erna' });
    expect((await tally).total).toBe(1);
    const snap = await ack<Snapshot>(fac, 'session:sync', undefined);
    expect(snap.results.find((x) => x.activityId === pollId)?.total).toBe(1);
    for (const s of [fac, ann]) s.disconnect();
  }, 60_000);

  it('[DEPLOY2] a node killed mid-meeting: 150 people writing reconnect through the balancer within 10 s; every acknowledged answer is there once; the verslag is the same everywhere and in the export', async () => {
    const m = await createMeeting(c.url, 'Een node valt weg');
    const fac = await connect(c.url, m.code, m.facilitatorToken, true);
    const pollId = newId();
    await ack(fac, 'activity:create', scalePoll(pollId));
    await ack(fac, 'activity:open', { id: pollId });
    const people = await Promise.all(
      Array.from({ length: 150 }, async (_, i) => {
        const j = await join(c.url, m.code, `P${i}`);
        return { id: j.participant.id, socket: await connect(c.url, m.code, j.token, true) };
      }),
    );
    // Two secretaries' tabs type into the verslag through the balancer meanwhile.
    const editors = [0, 1].map((k) =>
      yClient(c.url, m.code, m.secretaryToken, { presence: { name: `Tab ${k}`, color: '#123456' } }),
    );
    await Promise.all(editors.map((e) => e.synced()));
    let dropped = 0;
    for (const p of people) p.socket.on('disconnect', () => dropped++);
    // Each person answers again and again; an answer not acked is sent again, with the same id,
    // until it is (as the app's outbox does). What was acked last must be what is stored.
    let running = true;
    const last = new Map<string, string>();
    const loops = people.map(async (p, i) => {
      let n = 0;
      while (running) {
        const payload = {
          id: newId(),
          activityId: pollId,
          value: { level: n % 4 },
          note: `P${i} antwoord ${n}`,
        };
        for (;;) {
          try {
            await ack(p.socket, 'response:submit', payload, 3000);
            last.set(p.id, payload.note);
            break;
          } catch {
            await new Promise((r) => setTimeout(r, 100));
          }
        }
        n++;
        await new Promise((r) => setTimeout(r, 700 + (i % 7) * 50));
      }
    });
    const typed: string[] = [];
    const typing = (async () => {
      for (let n = 0; running; n++) {
        const text = `Alinea ${n} van tab ${n % 2}`;
        addParagraph(editors[n % 2]!.doc, text);
        typed.push(text);
        await new Promise((r) => setTimeout(r, 150));
      }
    })();
    await new Promise((r) => setTimeout(r, 1500));
    const killedAt = Date.now();
    await c.kill(1);
    // Everyone is connected again (to the two nodes left) within 10 s.
    await eventually(() => people.every((p) => p.socket.connected) && dropped > 0, 10_000);
    const back = Date.now() - killedAt;
    expect(back).toBeLessThan(10_000);
    await new Promise((r) => setTimeout(r, SOAK ? 10_000 : 1500));
    running = false;
    await Promise.all([...loops, typing]);

    // Answers: read back from PostgreSQL (the results route) and by a fresh client.
    const stored = (await (
      await fetch(`${c.url}/api/meetings/${m.id}/results`, {
        headers: { authorization: `Bearer ${m.facilitatorToken}` },
      })
    ).json()) as { activities: { results: { total: number; notes: { text: string }[] } }[] };
    const r = stored.activities[0]!.results;
    expect(r.total).toBe(people.length);
    expect(r.notes.map((n) => n.text).sort()).toEqual([...last.values()].sort());
    const fresh = await connect(c.url, m.code, m.facilitatorToken);
    const snap = await ack<Snapshot>(fresh, 'session:sync', undefined);
    expect(snap.results.find((x) => x.activityId === pollId)?.total).toBe(people.length);
    fresh.disconnect();

    // The verslag: both tabs equal, every paragraph once; a fresh reader and the export agree.
    await eventually(() => xml(editors[0]!.doc) === xml(editors[1]!.doc), 15_000);
    const written = texts(editors[0]!.doc).filter((t) => t.startsWith('Alinea '));
    expect([...written].sort()).toEqual([...typed].sort());
    for (const e of editors) e.destroy();
    const reader = yClient(c.url, m.code);
    await reader.synced();
    await eventually(
      () => texts(reader.doc).filter((t) => t.startsWith('Alinea ')).length === typed.length,
      15_000,
    );
    reader.destroy();
    const md = await (
      await fetch(`${c.url}/api/meetings/${m.id}/export?format=md`, {
        headers: { authorization: `Bearer ${m.secretaryToken}` },
      })
    ).text();
    for (const t of typed) expect(md).toContain(t);
    console.log(
      `[DEPLOY2] ${people.length} clients back on the other nodes ${back} ms after the kill; ${typed.length} paragraphs typed`,
    );
    for (const s of [fac, ...people.map((p) => p.socket)]) s.disconnect();
    await c.startNode(1);
    await c.settled();
  }, 90_000);

  it('[DEPLOY2] a rolling restart (each node stopped with SIGTERM and started again, one after the other) loses nothing', async () => {
    const m = await createMeeting(c.url, 'Rollend herstarten');
    const fac = await connect(c.url, m.code, m.facilitatorToken, true);
    const acked: string[] = [];
    let running = true;
    const loop = (async () => {
      let n = 0;
      // An agenda holds at most 100 items: one every 250 ms lasts the whole restart.
      while (running && n < 95) {
        await new Promise((r) => setTimeout(r, 250));
        const payload = { id: newId(), title: `Punt ${n++}` };
        for (;;) {
          try {
            await ack(fac, 'agenda:add', payload, 2000);
            acked.push(payload.id);
            break;
          } catch {
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      }
    })();
    for (let i = 0; i < c.nodes.length; i++) {
      await c.stopNode(i);
      await c.settled();
      await c.startNode(i);
      await c.settled();
    }
    running = false;
    await loop;
    const snap = await ack<Snapshot>(fac, 'session:sync', undefined);
    const ids = snap.agenda.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(acked);
    expect(acked.length).toBeGreaterThan(10);
    fac.disconnect();
  }, 90_000);
});
