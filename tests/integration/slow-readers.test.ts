import type http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { outflowOf } from '../../server/realtime/backpressure';
import { DEFAULT_RATE_LIMITS, NO_RATE_LIMITS } from '../../server/security/rateLimit';
import { REFUSALS } from '../../server/security/refusals';
import type { BoardState } from '../../shared/domain/board/types';
import { newId } from '../../shared/domain/ids';
import type { Ack } from '../../shared/protocol/ack';
import { reportFragment } from '../../shared/report/ydoc';
import { fill, type RawClient, rawPolling, rawSocketIo, rawYjs, readableBoard } from '../helpers/attack';
import { call, eventually, ok, startServer, type TestServer, waitFor } from '../helpers/server';
import { addParagraph, texts, type YClient, yClient } from '../helpers/yjs';

/**
 * Slow readers and floods against the server in this process (its internals are looked at): what
 * a connection has waiting to be sent stays bounded, large answers go one at a time, verslag
 * messages are paced, and the people who do read carry on.
 */
const closers: Array<() => void> = [];
const track = <T extends RawClient | YClient>(c: T): T => {
  closers.push(() => ('destroy' in c ? c.destroy() : c.close()));
  return c;
};

describe('slow readers and floods', () => {
  let srv: TestServer | undefined;
  afterEach(async () => {
    for (const c of closers.splice(0)) c();
    await srv?.close();
    srv = undefined;
  });

  const observerSocket = (s: TestServer) =>
    [...s.app.ctx.io.of('/').sockets.values()].find((x) => x.data.role === 'observer');

  it('[ABUSE8] Socket.IO clients that do not read their broadcasts (websocket or long-polling) are dropped past SEND_BUFFER_MAX_KB; readers carry on', async () => {
    srv = await startServer({ config: { sendBufferMaxBytes: 1024 * 1024 } });
    const m = await srv.createMeeting();
    const fac = await srv.connect(m.code, m.facilitatorToken);
    const boardId = await readableBoard(fac);
    const ids = await fill(srv.app.ctx.store, boardId, 500);
    const p = await srv.join(m.code, 'Ann');
    const reader = await srv.connect(m.code, p.token);
    await ok(reader, 'board:sync', { boardId });
    const slow = track(await rawSocketIo(srv.url, { code: m.code }));
    expect((await slow.emit('board:sync', { boardId })).ok).toBe(true);
    slow.pause();
    // And one on long-polling that stops polling once it has the board.
    const polling = await rawPolling(srv.url, { code: m.code });
    await polling.post(`420${JSON.stringify(['board:sync', { boardId }])}`);
    await eventually(async () => (await polling.poll()).some((p) => p.startsWith('430')));
    const open = () => srv!.app.ctx.io.of('/').sockets.size;
    expect(open()).toBe(4);
    const theme = newId();
    await ok(fac, 'theme:create', { id: theme, boardId, heading: 'Alles', x: 0, y: 0 });
    // Each move into or out of the theme broadcasts all 500 post-its (~350 KB) to the board's viewers.
    let moves = 0;
    for (; moves < 40 && open() > 2; moves++) {
      const themeId = moves % 2 === 0 ? theme : null;
      const seen = waitFor(reader, 'note:updated', (u: { notes: { themeId: string | null }[] }) =>
        u.notes.every((n) => n.themeId === themeId),
      );
      await ok(fac, 'note:theme', { boardId, noteIds: ids, themeId });
      await seen;
    }
    await eventually(() => open() === 2);
    expect(observerSocket(srv)).toBeUndefined();
    expect((await fetch(`${srv.url}/socket.io/?EIO=4&transport=polling&sid=${polling.sid}`)).status).toBe(
      400,
    );
    expect(reader.connected).toBe(true);
    console.log(`[ABUSE8] the clients that do not read were dropped after ${moves} broadcasts of ~350 KB`);
  });

  it('[ABUSE8] large answers go one at a time: a client that asks many without reading gets a few in turn, the rest a sentence', async () => {
    // No answer budget here: what is tested is the turn, not the pace.
    srv = await startServer();
    const m = await srv.createMeeting();
    const fac = await srv.connect(m.code, m.facilitatorToken);
    const boardId = await readableBoard(fac);
    await fill(srv.app.ctx.store, boardId, 600);
    const slow = track(await rawSocketIo(srv.url, { code: m.code }));
    slow.pause();
    // Whole boards (~430 KB) until the kernel's buffers are full and one waits in the server, unsent.
    const flow = () => outflowOf(observerSocket(srv!)!)!;
    const asked: Promise<Ack<unknown>>[] = [];
    while (flow().budget.bigLeft() === 0 && asked.length < 40) {
      const before = flow().budget.total;
      asked.push(slow.emit('board:sync', { boardId }));
      await eventually(() => flow().budget.total > before);
    }
    expect(flow().budget.bigLeft()).toBeGreaterThan(0);
    const more = Array.from({ length: 30 }, () => slow.emit('board:sync', { boardId }));
    slow.ws.resume();
    const acks = await Promise.all([...asked, ...more]);
    // Those before, then the 16 that waited their turn; the 14 others were refused at once.
    expect(acks.filter((a) => a.ok)).toHaveLength(asked.length + 16);
    const refused = acks.filter((a) => !a.ok);
    expect(refused).toHaveLength(14);
    for (const r of refused)
      expect(r).toEqual({ ok: false, error: 'rate_limited', message: REFUSALS.stillSending });
    console.log(
      `[ABUSE8] ${asked.length} boards of ~430 KB went into the kernel's buffers before one had to wait`,
    );
  });

  it('[ABUSE8] with the default limits, a participant syncing its snapshot, boards and chat at once after a reconnect gets them all', async () => {
    srv = await startServer({ config: { rateLimits: { ...DEFAULT_RATE_LIMITS } } });
    const m = await srv.createMeeting();
    const fac = await srv.connect(m.code, m.facilitatorToken);
    await readableBoard(fac, ['Een', 'Twee', 'Drie']);
    const p = await srv.join(m.code, 'Bert');
    const bert = await srv.connect(m.code, p.token);
    const snap = await ok(bert, 'session:sync');
    const boards = snap.breakouts.flatMap((x) => x.boards.map((y) => y.id));
    expect(boards).toHaveLength(3);
    // Three well-filled boards (300 post-its of 500 characters, ~220 KB an answer each).
    for (const b of boards) await fill(srv.app.ctx.store, b, 300);
    const all = await Promise.all([
      call(bert, 'session:sync'),
      ...boards.map((id) => call(bert, 'board:sync', { boardId: id })),
      call(bert, 'chat:history', { channel: 'meeting', beforeSeq: Number.MAX_SAFE_INTEGER }),
    ]);
    expect(all.every((a) => a.ok)).toBe(true);
    expect(all.slice(1, 4).map((a) => (a.ok ? (a.data as BoardState).notes.length : 0))).toEqual([
      300, 300, 300,
    ]);
  });

  it('[ABUSE8] all results over HTTP: a second request from the same address is refused until the first answer has left the server', async () => {
    srv = await startServer();
    const m = await srv.createMeeting();
    const fac = await srv.connect(m.code, m.facilitatorToken);
    await readableBoard(fac, ['Een', 'Twee', 'Drie', 'Vier']);
    const snap = await ok(fac, 'session:sync');
    // Four full boards: all results are ~6 MB, more than the kernel's buffers hold.
    for (const b of snap.breakouts[0]!.boards) await fill(srv.app.ctx.store, b.id, 1950);
    const route = `/api/meetings/${m.id}/results`;
    const first = new Promise<http.ServerResponse>((resolve) =>
      srv!.app.httpServer.once('request', (_req, res) => resolve(res)),
    );
    // A client that asks and never reads.
    const slow = net.connect(srv.port, '127.0.0.1', () =>
      slow.write(`GET ${route} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${m.secretaryToken}\r\n\r\n`),
    );
    slow.on('error', () => {});
    slow.pause();
    closers.push(() => slow.destroy());
    const res = await first;
    // The whole answer is handed to the connection, and not all of it could be sent.
    await eventually(() => res.writableEnded, 20_000);
    expect(res.writableFinished).toBe(false);
    const get = () =>
      fetch(`${srv!.url}${route}`, { headers: { authorization: `Bearer ${m.facilitatorToken}` } });
    const again = await get();
    expect(again.status).toBe(429);
    expect(await again.json()).toEqual({
      ok: false,
      error: 'rate_limited',
      message: REFUSALS.stillDownloading,
    });
    slow.destroy();
    await eventually(async () => (await get()).status === 200, 20_000);
  });

  it('[ABUSE8] a verslag reader that does not read is closed past SEND_BUFFER_MAX_KB; the others carry on', async () => {
    srv = await startServer({ config: { sendBufferMaxBytes: 64 * 1024 } });
    const m = await srv.createMeeting();
    const sec = track(yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'S', color: '#000' } }));
    const reader = track(yClient(srv.url, m.code));
    await Promise.all([sec.synced(), reader.synced()]);
    const slow = track(await rawYjs(srv.url, m.code));
    slow.ws.send(Uint8Array.from([0, 0, 1, 0]));
    await eventually(() => slow.received() > 0);
    slow.pause();
    const room = srv.app.ctx.collab.loaded(m.id)!;
    expect(room.conns.size).toBe(3);
    // 100 KB of new text at a time, broadcast to every reader.
    let sent = 0;
    for (; sent < 80 && room.conns.size === 3; sent++) {
      sec.doc.transact(() => {
        for (let i = 0; i < 50; i++) addParagraph(sec.doc, `${sent}.${i} ${'tekst '.repeat(330)}`);
      });
      await eventually(() => texts(reader.doc).some((t) => t.startsWith(`${sent}.49 `)));
    }
    await eventually(() => room.conns.size === 2);
    expect(reader.closed).toBeNull();
    expect(texts(reader.doc)).toEqual(texts(sec.doc));
    console.log(`[ABUSE8] the verslag reader that does not read was closed after ${sent} updates of ~100 KB`);
  });

  it('[ABUSE7] verslag messages are paced by bytes, per connection and per address: floods wait, the server does not', async () => {
    srv = await startServer({
      config: { rateLimits: { ...NO_RATE_LIMITS, reportKbPerSecond: 32, reportAddressKbPerSecond: 32 } },
    });
    const m = await srv.createMeeting();
    const sec = track(yClient(srv.url, m.code, m.secretaryToken));
    await sec.synced();
    // Two observers on one address send 16 KB writes (refused: they only read) as fast as they can.
    const junk = Uint8Array.from([0, 2, 0x80, 0x80, 0x01, ...new Uint8Array(16 * 1024)]);
    const floods = await Promise.all([0, 1].map(() => rawYjs(srv!.url, m.code)));
    for (const f of floods) track(f);
    const t0 = Date.now();
    const pump = setInterval(() => {
      for (const f of floods) while (f.ws.bufferedAmount < 4 * 1024 * 1024) f.ws.send(junk);
    }, 10);
    await new Promise((r) => setTimeout(r, 2000));
    clearInterval(pump);
    const seconds = (Date.now() - t0) / 1000;
    const room = srv.app.ctx.collab.loaded(m.id)!;
    const handled = [...room.conns.values()].reduce((n, c) => n + c.refused, 0);
    const kb = (handled * (16 * 1024 + 64)) / 1024;
    console.log(
      `[ABUSE7] two floods on one address: ${Math.round(kb)} KB handled in ${seconds.toFixed(1)} s`,
    );
    // The address's budget: a burst of four seconds' worth, then 32 KB a second; a few messages
    // already read off the socket when it paused come on top.
    expect(kb).toBeLessThan(32 * 4 + 32 * seconds + 10 * 16);
    // The secretary still writes.
    addParagraph(sec.doc, 'gewoon verder');
    await eventually(() => texts(room.doc).includes('gewoon verder'));
  });

  it('[ABUSE7] an editor typing at the benchmark pace (700 keystrokes a second) is never held back by the default verslag limits', async () => {
    srv = await startServer({ config: { rateLimits: { ...DEFAULT_RATE_LIMITS } } });
    const m = await srv.createMeeting();
    const sec = track(yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'S', color: '#000' } }));
    const reader = track(yClient(srv.url, m.code));
    await Promise.all([sec.synced(), reader.synced()]);
    addParagraph(sec.doc, '');
    const frag = reportFragment(sec.doc);
    const text = (frag.get(frag.length - 1) as Y.XmlElement).get(0) as Y.XmlText;
    const room = srv.app.ctx.collab.loaded(m.id)!;
    const editor = () => [...room.conns.values()].find((c) => c.canWrite)!;
    let paused = 0;
    const t0 = Date.now();
    for (let k = 0; k < 1400; k++) {
      text.insert(text.length, 'abcdefghij'[k % 10]!);
      // Every keystroke also moves the cursor, as in the browser.
      sec.provider.awareness.setLocalStateField('cursor', { at: k });
      if (editor().peer.paused) paused++;
      if (k % 7 === 0) {
        const ahead = t0 + (k / 700) * 1000 - Date.now();
        await new Promise((r) => (ahead > 0 ? setTimeout(r, ahead) : setImmediate(r)));
      }
    }
    await eventually(() => (texts(reader.doc).at(-1)?.length ?? 0) === 1400, 3000);
    expect(paused).toBe(0);
  });
});
