import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { YJS_PROTOCOL, yjsProtocols } from '../../shared/protocol/collab';
import { reportFragment } from '../../shared/report/ydoc';
import { type ServerProcess, spawnServer } from '../helpers/process';
import { eventually, startServer, type TestServer } from '../helpers/server';
import { addParagraph, seeded, texts, xml, type YClient, yClient } from '../helpers/yjs';

let srv: TestServer | undefined;
let procs: ServerProcess[] = [];
const clients: YClient[] = [];
const track = (c: YClient) => {
  clients.push(c);
  return c;
};
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await srv?.close();
  srv = undefined;
  for (const p of procs) await p.kill();
  procs = [];
});

/** One raw websocket message to the verslag endpoint; resolves with the close code (or 'open'). */
function rawSend(url: string, code: string, token: string | undefined, payload: Uint8Array | string) {
  return new Promise<number | 'open'>((resolve) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/yjs/${code}`, yjsProtocols(token));
    const timer = setTimeout(() => {
      ws.terminate();
      resolve('open');
    }, 150);
    ws.on('open', () => ws.send(payload));
    ws.on('close', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
    ws.on('error', () => {});
  });
}

/** A real update of someone's edit, encoded as a y-websocket sync message (type 0, step 2). */
function updateMessage(update: Uint8Array): Uint8Array {
  const len: number[] = [];
  let n = update.length;
  while (n > 127) {
    len.push((n & 127) | 128);
    n >>>= 7;
  }
  len.push(n);
  return Uint8Array.from([0, 2, ...len, ...update]);
}

describe('verslag trust', () => {
  it('[FUZZ4] random, truncated and mangled Yjs messages from writers and readers: no crash, document unchanged', async () => {
    srv = await startServer();
    const m = await srv.createMeeting('Yjs fuzz');
    const sec = track(yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'S', color: '#000' } }));
    await sec.synced();
    addParagraph(sec.doc, 'vaste tekst');
    await eventually(() => texts(srv!.app.ctx.collab.loaded(m.id)!.doc).includes('vaste tekst'));
    await srv.app.ctx.collab.loaded(m.id)!.flush();
    const before = xml(srv.app.ctx.collab.loaded(m.id)!.doc);
    const rows = await srv.app.ctx.store.reports.count(m.id);

    // A real edit made elsewhere, to truncate and mangle: never applied partly.
    const other = new Y.Doc();
    const frag = reportFragment(other);
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    t.insert(0, 'mag er nooit half in komen: \uD800 ongeldige UTF-16');
    p.insert(0, [t]);
    frag.insert(0, [p]);
    const real = Y.encodeStateAsUpdate(other);
    const mangled = fc.oneof(
      fc.uint8Array({ minLength: 0, maxLength: 300 }),
      fc.integer({ min: 1, max: real.length - 1 }).map((cut) => updateMessage(real.slice(0, cut))),
      fc
        .tuple(fc.integer({ min: 0, max: real.length - 1 }), fc.integer({ min: 0, max: 255 }))
        .map(([i, b]) => {
          const copy = Uint8Array.from(real);
          copy[i] = b;
          return updateMessage(copy.slice(0, Math.max(1, i)));
        }),
      fc.uint8Array({ minLength: 1, maxLength: 50 }).map((tail) => Uint8Array.from([0, 1, 200, ...tail])),
      fc.uint8Array({ minLength: 1, maxLength: 50 }).map((tail) => Uint8Array.from([1, 200, 1, ...tail])),
      fc.constantFrom(Uint8Array.from([0xc3, 0x28, 0xa0, 0xa1]), Uint8Array.from([0xff, 0xfe, 0xfd])),
    );
    const samples = fc.sample(mangled, { numRuns: Number(process.env.YJS_FUZZ_RUNS ?? 400), seed: 7 });
    const tokens = [m.secretaryToken, m.facilitatorToken, undefined];
    for (const [i, sample] of samples.entries()) {
      const r = await rawSend(srv.url, m.code, tokens[i % tokens.length], sample);
      // Closed as a bad message, or ignored (a reader's write, an empty message): never anything else.
      expect([4400, 'open', 1000, 1005]).toContain(r);
    }
    await srv.app.ctx.collab.loaded(m.id)!.flush();
    expect(xml(srv.app.ctx.collab.loaded(m.id)!.doc)).toBe(before);
    expect(await srv.app.ctx.store.reports.count(m.id)).toBe(rows);
    expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
    // The secretary's own connection carried on.
    addParagraph(sec.doc, 'daarna');
    await eventually(() => texts(srv!.app.ctx.collab.loaded(m.id)!.doc).includes('daarna'));
  }, 120_000);

  it('[AUTHZ5] only facilitator and secretary write the verslag: participant, observer and other meetings cannot', async () => {
    srv = await startServer();
    const m = await srv.createMeeting('Doelwit');
    const other = await srv.createMeeting('Ander');
    const sec = track(yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'S', color: '#000' } }));
    await sec.synced();
    const p = await srv.join(m.code, 'Ann');
    const op = await srv.join(other.code, 'Mallory');
    const before = xml(srv.app.ctx.collab.loaded(m.id)!.doc);
    const readers = [track(yClient(srv.url, m.code, p.token)), track(yClient(srv.url, m.code))];
    const strangers = [
      track(yClient(srv.url, m.code, op.token)),
      track(yClient(srv.url, m.code, other.facilitatorToken)),
      track(yClient(srv.url, m.code, 'x'.repeat(32))),
    ];
    for (const r of readers) await r.synced();
    await eventually(() => strangers.every((s) => s.closed?.code === 4401));
    for (const r of readers) addParagraph(r.doc, 'ingebroken');
    await new Promise((r) => setTimeout(r, 300));
    expect(xml(srv.app.ctx.collab.loaded(m.id)!.doc)).toBe(before);
    const fresh = track(yClient(srv.url, m.code));
    await fresh.synced();
    expect(texts(fresh.doc)).not.toContain('ingebroken');
  });

  it('[ABUSE5] the verslag endpoint refuses other origins', async () => {
    srv = await startServer();
    const m = await srv.createMeeting('Origin');
    const attempt = (origin: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`${srv!.url.replace('http', 'ws')}/yjs/${m.code}`, [YJS_PROTOCOL], {
          origin,
        });
        ws.on('open', () => {
          ws.close();
          resolve('open');
        });
        ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
        ws.on('error', () => resolve('error'));
      });
    expect(await attempt('https://evil.example')).toBe('403');
    expect(await attempt(srv.url)).toBe('open');
  });

  const TRIALS = Number(process.env.DURABILITY_TRIALS ?? 2);
  for (let trial = 0; trial < TRIALS; trial++) {
    it(`[DUR2] trial ${trial}: what a reader saw of the verslag survives a kill -9, exactly once`, async () => {
      const rand = seeded(4242 + trial);
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-dur-yjs-'));
      const proc = await spawnServer(dataDir);
      procs.push(proc);
      const created = await (
        await fetch(`${proc.url}/api/meetings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: 'Verslag onder vuur' }),
        })
      ).json();
      const writers = [created.secretaryToken, created.facilitatorToken].map((tok, i) =>
        track(yClient(proc.url, created.code, tok, { presence: { name: `W${i}`, color: '#000' } })),
      );
      // The reader only ever receives what the server relayed: relayed means stored.
      const reader = track(yClient(proc.url, created.code));
      for (const c of [...writers, reader]) await c.synced();
      let n = 0;
      let typing = true;
      const loops = writers.map(async (w, i) => {
        while (typing) {
          addParagraph(w.doc, `[w${i}-${n++}]`);
          await new Promise((r) => setTimeout(r, 5 + rand() * 20));
        }
      });
      await new Promise((r) => setTimeout(r, 400 + rand() * 1200));
      await proc.kill('SIGKILL');
      typing = false;
      await Promise.all(loops);
      const seen = texts(reader.doc).filter((x) => /^\[w\d-\d+\]$/.test(x));
      for (const c of clients.splice(0)) c.destroy();
      expect(seen.length).toBeGreaterThan(0);

      const again = await spawnServer(dataDir);
      procs.push(again);
      const check = track(yClient(again.url, created.code));
      await check.synced();
      const after = texts(check.doc).filter((x) => /^\[w\d-\d+\]$/.test(x));
      expect(new Set(after).size).toBe(after.length);
      for (const s of seen) expect(after).toContain(s);
    }, 60_000);
  }
});
