import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSALS } from '../../server/security/refusals';
import { blocksToDoc } from '../../shared/report/document';
import { appendBlocks } from '../../shared/report/ydoc';
import {
  type CreatedMeeting,
  eventually,
  ok,
  startServer,
  type TestServer,
  type TestSocket,
} from '../helpers/server';
import { type YClient, yClient } from '../helpers/yjs';

const SEED = fs
  .readFileSync(path.resolve(import.meta.dirname, '../fixtures/seed-000-verslag.txt'), 'utf8')
  .replace(/\s+/g, ' ');

let srv: TestServer;
let big: CreatedMeeting;
let small: CreatedMeeting;
let facilitator: TestSocket;
const clients: YClient[] = [];

/** A verslag of about 300 pages: 2,500 paragraphs of the seed's text. */
async function write(m: CreatedMeeting, paragraphs: number) {
  const sec = yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'Sec', color: '#000' } });
  clients.push(sec);
  await sec.synced();
  const text = (i: number) =>
    SEED.slice((i * 997) % (SEED.length - 300), ((i * 997) % (SEED.length - 300)) + 280);
  appendBlocks(
    sec.doc,
    blocksToDoc(
      Array.from({ length: paragraphs }, (_, i) => ({ type: 'paragraph', content: [{ text: text(i) }] })),
    ),
  );
  await eventually(async () => {
    await srv.app.ctx.collab.loaded(m.id)?.flush();
    return (await srv.app.ctx.store.reports.count(m.id)) > 0;
  }, 30_000);
}

const pdf = (m: CreatedMeeting) =>
  fetch(`${srv.url}/api/meetings/${m.id}/export?format=pdf`, {
    headers: { authorization: `Bearer ${m.secretaryToken}` },
  });

beforeAll(async () => {
  // One render worker and no queue: a second export while the first renders is refused.
  srv = await startServer({ config: { exportWorkers: 1, exportQueue: 0 } });
  big = await srv.createMeeting('Groot verslag');
  small = await srv.createMeeting('Klein verslag');
  facilitator = await srv.connect(big.code, big.facilitatorToken);
  await write(big, 2500);
  await write(small, 3);
}, 60_000);
afterAll(async () => {
  for (const c of clients) c.destroy();
  await srv?.close();
});

describe('exports do not hold up the meeting', () => {
  it('[REPORT16] while a large PDF renders, commands are answered at once; a second export finds the queue full (503, one sentence), and succeeds after', async () => {
    const started = performance.now();
    let rendering = true;
    const exported = pdf(big).then(async (res) => {
      const body = Buffer.from(await res.arrayBuffer());
      rendering = false;
      return { status: res.status, body, ms: performance.now() - started };
    });
    // Let the render start, then ask for another meeting's export: the one worker is busy.
    await new Promise((r) => setTimeout(r, 100));
    const refused = await pdf(small);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(await refused.json()).toEqual({ ok: false, error: 'unavailable', message: REFUSALS.exportsBusy });
    // A command due every 20 ms while the PDF renders: how long after it was due it was answered.
    // (This test shares the server's event loop: a blocked loop also delays the sending, so the
    // wait counts from when the command was due, not from when it left.)
    const waits: number[] = [];
    const t0 = performance.now();
    for (let k = 0; rendering; k++) {
      const due = t0 + k * 20;
      if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
      await ok(facilitator, 'meeting:goto', { itemId: null });
      waits.push(performance.now() - due);
    }
    const done = await exported;
    expect(done.status).toBe(200);
    expect(done.body.subarray(0, 5).toString()).toBe('%PDF-');
    // The PDF took long enough to show anything (on the event loop, every command would wait for all of it) …
    expect(done.ms).toBeGreaterThan(400);
    expect(waits.length).toBeGreaterThan(5);
    // … and no command waited for more than a quarter of it.
    expect(Math.max(...waits)).toBeLessThan(Math.max(200, done.ms / 4));
    // The worker is free again: the refused export is made now.
    const again = await pdf(small);
    expect(again.status).toBe(200);
  }, 60_000);
});
