import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as ioClient } from 'socket.io-client';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  fill,
  type RawClient,
  rawSocketIo,
  rawYjs,
  readableBoard,
  rssOf,
  type Watched,
  watchServer,
} from '../helpers/attack';
import { note } from '../helpers/boards';
import { type ServerProcess, spawnServer } from '../helpers/process';
import { call, eventually, ok, type TestSocket, waitFor } from '../helpers/server';
import { openTestStore } from '../helpers/store';
import { addParagraph, texts, type YClient, yClient } from '../helpers/yjs';

/**
 * Clients that never read, as attackers and unlucky networks do: the server's memory and its
 * health probe stay bounded while they try, and legitimate people in the same meeting carry on.
 * The server runs in its own process, so its memory is its own.
 */
const closers: Array<() => void> = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
});

const MB = 1024 * 1024;
/** How long each attack lasts (ms); `ABUSE_ATTACK_MS=30000` for the long mode. */
const ATTACK_MS = Number(process.env.ABUSE_ATTACK_MS ?? 3000);

/** One server process for the attacks (each test has its own meeting), with the default limits. */
let spawned: { srv: ServerProcess; dataDir: string } | null = null;
afterAll(async () => {
  await spawned?.srv.kill();
});

async function start() {
  if (!spawned) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-bp-'));
    spawned = { srv: await spawnServer(dataDir, { RATE_LIMITS: 'on' }), dataDir };
  }
  const { srv, dataDir } = spawned;
  const m = (await (
    await fetch(`${srv.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Aanval' }),
    })
  ).json()) as { id: string; code: string; facilitatorToken: string; secretaryToken: string };
  return { srv, m, dataDir };
}

function connect(url: string, auth: { code: string; token?: string }): Promise<TestSocket> {
  const s: TestSocket = ioClient(url, {
    forceNew: true,
    transports: ['websocket'],
    auth,
    reconnection: false,
  });
  closers.push(() => s.disconnect());
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

/**
 * The health probe answered all along: a probe every ~100 ms, half of them within 250 ms, nine in
 * ten within 500 ms and none slower than 2 s (a load balancer's probe waits a few seconds). The
 * machine running the tests is shared, so single probes can be slow for reasons of its own.
 */
function expectResponsive(stats: Watched) {
  expect(stats.health.length).toBeGreaterThanOrEqual(10);
  expect(stats.medianHealthMs).toBeLessThan(250);
  expect(stats.p90HealthMs).toBeLessThan(500);
  expect(stats.worstHealthMs).toBeLessThan(2000);
}

const track = <T extends RawClient | YClient>(c: T): T => {
  closers.push(() => ('destroy' in c ? c.destroy() : c.close()));
  return c;
};

describe('clients that never read', { timeout: ATTACK_MS + 60_000 }, () => {
  it('[ABUSE8] board:sync of a full board from clients that never read: memory and health stay bounded, others carry on', async () => {
    const { srv, m, dataDir } = await start();
    const fac = await connect(srv.url, { code: m.code, token: m.facilitatorToken });
    const boardId = await readableBoard(fac);
    // A nearly full board (~1.5 MB an answer), written straight into the store.
    const store = openTestStore(dataDir);
    await fill(store, boardId, 1950);
    await store.close();

    const live = note(boardId, 'live');
    await ok(fac, 'note:create', live);
    const reader = await connect(srv.url, { code: m.code });
    expect((await ok(reader, 'board:sync', { boardId })).notes).toHaveLength(1951);
    process.kill(srv.proc.pid!, 'SIGUSR2');
    await new Promise((r) => setTimeout(r, 300));
    const base = rssOf(srv.proc.pid!);

    // Two observers (no token) that never read ask board:sync 20 times a second: inside the command limit.
    const attackers = await Promise.all([0, 1].map(() => rawSocketIo(srv.url, { code: m.code })));
    for (const a of attackers) track(a).pause();
    let legit = 0;
    let lost = 0;
    let acked = 0;
    const stats = await watchServer(srv.proc.pid!, srv.url, async () => {
      const end = Date.now() + ATTACK_MS;
      const flood = (async () => {
        while (Date.now() < end) {
          for (const a of attackers) if (!a.isClosed()) void a.emit('board:sync', { boardId });
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      // Meanwhile the facilitator rewrites a post-it (acked within call's 5 s) and the reader sees each
      // version (rewriting, not adding: a long run must not fill the board).
      while (Date.now() < end) {
        const text = `live ${acked}`;
        const seen = waitFor(
          reader,
          'note:updated',
          (u: { notes: { text: string }[] }) => u.notes.some((n) => n.text === text),
          10_000,
        ).then(
          () => true,
          () => false,
        );
        const r = await call(fac, 'note:edit', { id: live.id, text }).catch(() => null);
        if (r?.ok) acked++;
        if (r?.ok && (await seen)) legit++;
        else lost++;
        await new Promise((r) => setTimeout(r, 200));
      }
      await flood;
    });
    const synced = await call(reader, 'board:sync', { boardId }).catch(() => null);
    const grown = (stats.peakRss - base) / MB;
    console.log(
      `[ABUSE8] board:sync flood: RSS ${Math.round(base / MB)} MB -> peak ${Math.round(stats.peakRss / MB)} MB (+${Math.round(grown)} MB); /api/health median ${Math.round(stats.medianHealthMs)} ms, p90 ${Math.round(stats.p90HealthMs)} ms, worst ${Math.round(stats.worstHealthMs)} ms over ${stats.health.length} probes; ${legit} live edits seen, ${lost} not`,
    );
    expect(synced?.ok && synced.data.notes.find((n) => n.id === live.id)?.text).toBe(`live ${acked - 1}`);
    expect(lost).toBe(0);
    expect(legit).toBeGreaterThan(5);
    expectResponsive(stats);
    expect(grown).toBeLessThan(50);
  });

  it('[ABUSE7] sync step 1 flood on the verslag from observers that never read: memory and health stay bounded, others carry on', async () => {
    const { srv, m } = await start();
    // A verslag of about 1 MB.
    const sec = track(yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'S', color: '#000' } }));
    await sec.synced();
    sec.doc.transact(() => {
      for (let i = 0; i < 1100; i++) addParagraph(sec.doc, `${i} ${'verslag '.repeat(125)}`);
    });
    const size = () => Y.encodeStateAsUpdate(sec.doc).length;
    expect(size()).toBeGreaterThan(MB);
    const check = track(yClient(srv.url, m.code));
    await eventually(() => texts(check.doc).length >= 1000, 20_000);
    process.kill(srv.proc.pid!, 'SIGUSR2');
    await new Promise((r) => setTimeout(r, 300));
    const base = rssOf(srv.proc.pid!);

    // A state vector that is not empty: the server cannot answer with the shared full state.
    const sv = Y.encodeStateVector(new Map([[424242, 1]]));
    const step1 = Uint8Array.from([0, 0, sv.length, ...sv]);
    const attackers = await Promise.all([0, 1, 2, 3].map(() => rawYjs(srv.url, m.code)));
    for (const a of attackers) track(a).pause();
    let typed = 0;
    const stats = await watchServer(srv.proc.pid!, srv.url, async () => {
      const end = Date.now() + ATTACK_MS;
      const flood = (async () => {
        while (Date.now() < end) {
          for (const a of attackers) for (let i = 0; i < 10 && !a.isClosed(); i++) a.ws.send(step1);
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      // The secretary goes on typing; the reader that was there sees it (checked below).
      while (Date.now() < end) {
        addParagraph(sec.doc, `getypt ${typed++}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      await flood;
    });
    // Then someone opens the verslag anew: the whole of it.
    const t0 = Date.now();
    const late = track(yClient(srv.url, m.code));
    const last = `getypt ${typed - 1}`;
    const converged = await eventually(
      () => texts(check.doc).includes(last) && texts(late.doc).includes(last),
      10_000,
    ).then(
      () => Date.now() - t0,
      () => null,
    );
    const grown = (stats.peakRss - base) / MB;
    console.log(
      `[ABUSE7] step-1 flood: RSS ${Math.round(base / MB)} MB -> peak ${Math.round(stats.peakRss / MB)} MB (+${Math.round(grown)} MB); /api/health median ${Math.round(stats.medianHealthMs)} ms, p90 ${Math.round(stats.p90HealthMs)} ms, worst ${Math.round(stats.worstHealthMs)} ms over ${stats.health.length} probes; the reader had every edit, and a new one everything, ${converged} ms after the attack`,
    );
    expect(converged).not.toBeNull();
    expectResponsive(stats);
    expect(grown).toBeLessThan(50);
  });
});
