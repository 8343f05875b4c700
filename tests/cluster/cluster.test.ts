import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids';
import type { Snapshot } from '../../shared/domain/types';
import { hasBrowser, joinAs, openBrowser } from '../e2e/helpers';
import { startCluster, type TestCluster } from '../helpers/cluster';
import { eventually } from '../helpers/server';
import { servicesFor } from '../helpers/services';
import { addParagraph, texts, xml, yClient } from '../helpers/yjs';
import { ack, connect, createMeeting, join, next, scalePoll } from './client';

/**
 * [DEPLOY1] Three real nodes on one PostgreSQL database and Redis, behind HAProxy started from
 * deploy/haproxy.cfg. People spread over the nodes see each other as on one node. (A node, Redis or
 * PostgreSQL going away under load: failures.test.ts.)
 */
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
});
