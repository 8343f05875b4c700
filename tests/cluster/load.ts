import type { Socket } from 'socket.io-client';
import { expect } from 'vitest';
import { ACK_TIMEOUT_MS } from '../../client/connection';
import { newId } from '../../shared/domain/ids';
import type { Snapshot } from '../../shared/domain/types';
import type { TestCluster } from '../helpers/cluster';
import { eventually } from '../helpers/server';
import { addParagraph, texts, type YClient, yClient } from '../helpers/yjs';
import { ack, connect, createMeeting, join, type Meeting, pause, scalePoll, send, within } from './client';

/**
 * [DEPLOY2][DEPLOY3] The load the cluster's failure tests run under: people on whatever node the
 * balancer gives them answer a poll again and again, each answer with a client-made id and sent
 * again with the same id until it is acked (as the app's outbox does), while two secretary tabs
 * type verslag paragraphs through the balancer. `checkLoad` then says that nothing acked was lost
 * or doubled, in the store and on every replica of the verslag.
 */

/**
 * One answer to a command: an ack or a refusal (`error`), or none (`timeout`: its connection was
 * lost first, or nothing came within the app's ack timeout).
 */
export interface Reply {
  /** Whose: the index in `people`. */
  who: number;
  /** When the command was sent and when its answer came (ms since the epoch). */
  sentAt: number;
  at: number;
  ok: boolean;
  error?: string;
  message?: string;
}

export interface Load {
  meeting: Meeting;
  pollId: string;
  /** The facilitator, through the balancer (reconnects by itself). */
  fac: Socket;
  people: { id: string; socket: Socket }[];
  editors: YClient[];
  /** Each participant's last acknowledged note: what the store must hold. */
  last: Map<string, string>;
  /** Every verslag paragraph typed, in order. */
  typed: string[];
  replies: Reply[];
  /** Per acked answer: ms from its first sending to its ack. */
  waits: number[];
  /** Disconnects the people's sockets saw. */
  dropped: () => number;
  /** Stops writing; resolves once every answer sent has been acked. */
  stop(): Promise<void>;
  close(): void;
}

/** An answer not acked this long is sent again (a lost connection fails it at once). */
const ACK_MS = ACK_TIMEOUT_MS;

export async function startLoad(c: TestCluster, title: string, count: number): Promise<Load> {
  const meeting = await createMeeting(c.url, title);
  const fac = await connect(c.url, meeting.code, meeting.facilitatorToken, true);
  const pollId = newId();
  await ack(fac, 'activity:create', scalePoll(pollId));
  await ack(fac, 'activity:open', { id: pollId });
  const people = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const j = await join(c.url, meeting.code, `P${i}`);
      return { id: j.participant.id, socket: await connect(c.url, meeting.code, j.token, true) };
    }),
  );
  const editors = [0, 1].map((k) =>
    yClient(c.url, meeting.code, meeting.secretaryToken, {
      presence: { name: `Tab ${k}`, color: '#123456' },
    }),
  );
  await Promise.all(editors.map((e) => e.synced()));
  let dropped = 0;
  for (const p of people) p.socket.on('disconnect', () => dropped++);

  let running = true;
  let stopped = () => {};
  const stopping = new Promise<void>((r) => {
    stopped = r;
  });
  /** A pause that ends early when the load stops. */
  const wait = (ms: number) => Promise.race([pause(ms), stopping]);
  const last = new Map<string, string>();
  const replies: Reply[] = [];
  const waits: number[] = [];
  const answering = people.map(async (p, i) => {
    for (let n = 0; running; n++) {
      const payload = {
        id: newId(),
        activityId: pollId,
        value: { level: n % 4 },
        note: `P${i} antwoord ${n}`,
      };
      // Not acked (refused, or no answer in time): the same command again, same id, until it is.
      const first = Date.now();
      for (;;) {
        const sentAt = Date.now();
        const r = await send(p.socket, 'response:submit', payload, ACK_MS).catch(() => null);
        const seen = { who: i, sentAt, at: Date.now() };
        replies.push(
          r === null
            ? { ...seen, ok: false, error: 'timeout' }
            : r.ok
              ? { ...seen, ok: true }
              : { ...seen, ok: false, error: r.error, message: r.message },
        );
        if (r?.ok) break;
        await pause(100);
      }
      last.set(p.id, payload.note);
      waits.push(Date.now() - first);
      await wait(700 + (i % 7) * 50);
    }
  });
  const typed: string[] = [];
  const typing = (async () => {
    for (let n = 0; running; n++) {
      const text = `Alinea ${n} van tab ${n % 2}`;
      addParagraph(editors[n % 2]!.doc, text);
      typed.push(text);
      await wait(150);
    }
  })();

  return {
    meeting,
    pollId,
    fac,
    people,
    editors,
    last,
    typed,
    replies,
    waits,
    dropped: () => dropped,
    async stop() {
      running = false;
      stopped();
      await within(Promise.all([...answering, typing]), 20_000, 'every answer acked after the load stopped');
    },
    close() {
      for (const s of [fac, ...people.map((p) => p.socket)]) s.disconnect();
      for (const e of editors) e.destroy();
    },
  };
}

/** What the people's answers went through, for the test's log. */
export function summary(load: Load): string {
  const count = (e: string) => load.replies.filter((r) => r.error === e).length;
  const sorted = [...load.waits].sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `${load.people.length} people: ${sorted.length} answers acked (${count('timeout')} sends lost with their connection or not answered in ${ACK_MS / 1000} s, ${count('unavailable')} refused as unavailable; first send to ack p50 ${p(0.5)} ms, p99 ${p(0.99)} ms, max ${p(1)} ms); ${load.dropped()} disconnects; ${load.typed.length} paragraphs typed`;
}

/** Refusals other than `unavailable` (a node going away answers nothing: those are timeouts). */
export const serverFaults = (load: Load) =>
  load.replies.filter((r) => !r.ok && r.error !== 'timeout' && r.error !== 'unavailable');

/**
 * Nothing acked lost or doubled: the stored answers (the results route, and a fresh client's
 * session:sync) are exactly each person's last acked one; every typed paragraph is in the verslag
 * once, in both tabs, for a fresh reader on each running node, and in the Markdown export.
 */
export async function checkLoad(c: TestCluster, load: Load, more: string[] = []): Promise<void> {
  const { meeting: m, pollId } = load;
  // `more`: the notes of answers acked outside the load (by the test itself).
  const want = [...load.last.values(), ...more].sort();
  const total = load.people.length + more.length;
  expect(load.last.size).toBe(load.people.length);
  const res = await fetch(`${c.url}/api/meetings/${m.id}/results`, {
    headers: { authorization: `Bearer ${m.facilitatorToken}` },
  });
  const stored = (await res.json()) as {
    activities: { results: { total: number; notes: { text: string }[] } }[];
  };
  const r = stored.activities[0]!.results;
  expect(r.total).toBe(total);
  expect(r.notes.map((n) => n.text).sort()).toEqual(want);
  const fresh = await connect(c.url, m.code, m.facilitatorToken);
  const snap = await ack<Snapshot>(fresh, 'session:sync', undefined);
  fresh.disconnect();
  const synced = snap.results.find((x) => x.activityId === pollId);
  expect(synced?.total).toBe(total);
  expect(synced && 'notes' in synced ? synced.notes.map((n) => n.text).sort() : []).toEqual(want);

  const paragraphs = (e: YClient) =>
    texts(e.doc)
      .filter((t) => t.startsWith('Alinea '))
      .sort();
  const typed = [...load.typed].sort();
  const same = (e: YClient) => JSON.stringify(paragraphs(e)) === JSON.stringify(typed);
  await eventually(() => load.editors.every(same), 15_000).catch(() => {
    for (const e of load.editors) expect(paragraphs(e)).toEqual(typed);
  });
  const running = c.nodes.filter((n) => n.proc);
  const readers = running.map((n) => yClient(`http://127.0.0.1:${n.port}`, m.code));
  try {
    await eventually(() => readers.every(same), 15_000).catch(() => {
      for (const rd of readers) expect(paragraphs(rd)).toEqual(typed);
    });
  } finally {
    for (const rd of readers) rd.destroy();
  }
  const md = await (
    await fetch(`${c.url}/api/meetings/${m.id}/export?format=md`, {
      headers: { authorization: `Bearer ${m.secretaryToken}` },
    })
  ).text();
  const lines = md.split('\n').filter((l) => l.startsWith('Alinea '));
  expect(lines.sort()).toEqual(typed);
}
