import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { newId } from '../../shared/domain/ids';
import { YJS_PROTOCOL, yjsProtocols } from '../../shared/protocol/collab';
import { readReport, reportFragment } from '../../shared/report/ydoc';
import { eventually, ok, startServer, type TestServer } from '../helpers/server';
import { addParagraph, seeded, texts, xml, type YClient, yClient } from '../helpers/yjs';

let srv: TestServer | undefined;
const clients: YClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await srv?.close();
  srv = undefined;
});

const track = (c: YClient) => {
  clients.push(c);
  return c;
};

/** The server's own document of a meeting (loaded room). */
const serverDoc = (s: TestServer, meetingId: string): Y.Doc => {
  const room = s.app.ctx.collab.loaded(meetingId);
  if (!room) throw new Error('room not loaded');
  return room.doc;
};

const MARKER = /\[c\d+-\d+\]/g;

async function meetingWithAgenda(s: TestServer) {
  const meeting = await s.createMeeting(
    'Begeleidingsgroep participatie in aardgasvrije wijken',
    '2021-03-31',
  );
  const fac = await s.connect(meeting.code, meeting.facilitatorToken);
  for (const title of ['Gezamenlijke plaatsbepaling', 'Update OFL']) {
    await ok(fac, 'agenda:add', { id: newId(), title });
  }
  fac.disconnect();
  return meeting;
}

describe('the verslag endpoint (/yjs) with real y-websocket clients', () => {
  it('[REPORT1][REPORT3] an editor gets the template built from the agenda, once, even when two open at once', async () => {
    srv = await startServer();
    const m = await meetingWithAgenda(srv);
    const a = track(yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'A', color: '#000' } }));
    const b = track(yClient(srv.url, m.code, m.facilitatorToken, { presence: { name: 'B', color: '#000' } }));
    await Promise.all([a.synced(), b.synced()]);
    await eventually(() => xml(a.doc) === xml(b.doc) && xml(a.doc) !== '');
    const blocks = readReport(a.doc);
    const headings = blocks.filter((b) => b.type === 'heading').map((h) => h.content[0]?.text);
    expect(headings).toEqual([
      'Verslag Begeleidingsgroep participatie in aardgasvrije wijken',
      'Inleiding',
      'Gezamenlijke plaatsbepaling',
      'Update OFL',
      'Afsluiting',
    ]);
    expect(texts(a.doc)).toContain('Bijeenkomst van woensdag 31 maart 2021.');
    expect(texts(a.doc)).toContain('De volgende bijeenkomst is op …');
    expect(await srv.app.ctx.store.reports.count(m.id)).toBe(1);
  });

  it('[REPORT1] five editors type at once with seeded disconnects: every replica and the server converge, nothing lost or doubled', async () => {
    srv = await startServer();
    const m = await meetingWithAgenda(srv);
    const rnd = seeded(20210331);
    const editors = Array.from({ length: 5 }, (_, i) =>
      track(
        yClient(srv!.url, m.code, i < 3 ? m.secretaryToken : m.facilitatorToken, {
          presence: { name: `Editor ${i}`, color: '#123456' },
        }),
      ),
    );
    await Promise.all(editors.map((e) => e.synced()));
    const expected = new Set<string>();
    let disconnects = 0;
    const typist = async (i: number) => {
      const e = editors[i]!;
      const mine: string[] = [];
      for (let step = 0; step < 60; step++) {
        const r = rnd();
        if (r < 0.04 && e.provider.wsconnected) {
          e.provider.disconnect();
          disconnects++;
          setTimeout(() => e.provider.connect(), 30 + Math.floor(rnd() * 200));
        } else if (r < 0.12) {
          addParagraph(e.doc, `[c${i}-${step}]`, Math.floor(rnd() * (reportFragment(e.doc).length + 1)));
          mine.push(`[c${i}-${step}]`);
          expected.add(`[c${i}-${step}]`);
        } else if (r < 0.2 && mine.length > 0) {
          // Delete one of my own markers, wherever it is now.
          const marker = mine.splice(Math.floor(rnd() * mine.length), 1)[0]!;
          for (const el of reportFragment(e.doc).toArray() as Y.XmlElement[]) {
            for (const t of el.toArray()) {
              if (!(t instanceof Y.XmlText)) continue;
              const at = t.toString().indexOf(marker);
              if (at >= 0) t.delete(at, marker.length);
            }
          }
          expected.delete(marker);
        } else {
          // Type a marker at a boundary between markers (or at the start) of a random paragraph.
          const paras = reportFragment(e.doc).toArray() as Y.XmlElement[];
          const p = paras[Math.floor(rnd() * paras.length)]!;
          let t = p.toArray().find((c) => c instanceof Y.XmlText) as Y.XmlText | undefined;
          if (!t) {
            t = new Y.XmlText();
            p.insert(0, [t]);
          }
          const s = t.toString();
          const bounds = [0, ...[...s.matchAll(/[\]….]/g)].map((x) => (x.index ?? 0) + 1)];
          const at = bounds[Math.floor(rnd() * bounds.length)]!;
          t.insert(at, `[c${i}-${step}]`);
          mine.push(`[c${i}-${step}]`);
          expected.add(`[c${i}-${step}]`);
        }
        await new Promise((r) => setTimeout(r, 2 + Math.floor(rnd() * 12)));
      }
    };
    await Promise.all(editors.map((_, i) => typist(i)));
    for (const e of editors) if (!e.provider.shouldConnect) e.provider.connect();
    await Promise.all(editors.map((e) => e.synced()));
    const server = serverDoc(srv, m.id);
    await eventually(() => editors.every((e) => xml(e.doc) === xml(server)), 15_000);
    expect(disconnects).toBeGreaterThan(0);
    const found = xml(server).match(MARKER) ?? [];
    expect(new Set(found).size).toBe(found.length); // nothing doubled
    expect(new Set(found)).toEqual(expected); // nothing lost, nothing deleted came back
    // What is stored is the same document: a fresh client after everyone left sees it.
    const fresh = track(yClient(srv.url, m.code));
    await fresh.synced();
    await eventually(() => xml(fresh.doc) === xml(server));
  });

  it("[REPORT2][REPORT4] a participant's or observer's updates do not change the server's document, and their presence is not relayed", async () => {
    srv = await startServer();
    const m = await meetingWithAgenda(srv);
    const joined = await srv.join(m.code, 'Ann');
    const sec = track(
      yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'Sec', color: '#000' } }),
    );
    await sec.synced();
    const ann = track(yClient(srv.url, m.code, joined.token, { presence: { name: 'Ann', color: '#f00' } }));
    const obs = track(yClient(srv.url, m.code));
    await Promise.all([ann.synced(), obs.synced()]);
    const server = serverDoc(srv, m.id);
    const before = xml(server);
    const rowsBefore = await srv.app.ctx.store.reports.count(m.id);
    expect(xml(ann.doc)).toBe(before);

    addParagraph(ann.doc, 'Ann schrijft stiekem mee');
    addParagraph(obs.doc, 'De meekijker ook');
    // Also after a reconnect, when the client offers everything it has (sync step 2).
    ann.provider.disconnect();
    ann.provider.connect();
    await ann.synced();
    await new Promise((r) => setTimeout(r, 300));
    expect(xml(server)).toBe(before);
    expect(xml(sec.doc)).toBe(before);
    expect(await srv.app.ctx.store.reports.count(m.id)).toBe(rowsBefore);
    const room = srv.app.ctx.collab.loaded(m.id)!;
    expect([...room.conns.values()].reduce((n, c) => n + c.refused, 0)).toBeGreaterThan(0);
    // Reading works: the secretary's edit reaches both viewers.
    addParagraph(sec.doc, 'Alleen dit telt');
    await eventually(
      () => texts(ann.doc).includes('Alleen dit telt') && texts(obs.doc).includes('Alleen dit telt'),
    );
    // Presence: the secretary never hears of Ann's awareness; viewers get none at all.
    await new Promise((r) => setTimeout(r, 200));
    expect([...sec.provider.awareness.getStates().keys()]).not.toContain(ann.doc.clientID);
    expect([...ann.provider.awareness.getStates().keys()]).toEqual([ann.doc.clientID]);
    expect(room.awareness.getStates().has(ann.doc.clientID)).toBe(false);
  });

  it('[REPORT9] a server restart mid-session: the document is intact and not doubled; offline edits merge', async () => {
    srv = await startServer();
    const m = await meetingWithAgenda(srv);
    const a = track(yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'A', color: '#000' } }));
    const b = track(yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'B', color: '#000' } }));
    await Promise.all([a.synced(), b.synced()]);
    for (let i = 0; i < 20; i++) addParagraph(i % 2 ? a.doc : b.doc, `[c${i % 2}-${i}]`);
    await eventually(() => (xml(serverDoc(srv!, m.id)).match(MARKER) ?? []).length === 20);
    const restarting = srv.restart();
    // Typing goes on while the server is away.
    addParagraph(a.doc, '[c0-100]');
    addParagraph(b.doc, '[c1-101]');
    await restarting;
    await Promise.all([a.synced(), b.synced()]);
    const server = serverDoc(srv, m.id);
    await eventually(() => xml(a.doc) === xml(server) && xml(b.doc) === xml(server), 10_000);
    const found = xml(server).match(MARKER) ?? [];
    expect(found.length).toBe(22);
    expect(new Set(found).size).toBe(22);
    const headings = readReport(server).filter((x) => x.type === 'heading');
    expect(headings.filter((x) => x.content[0]?.text === 'Inleiding')).toHaveLength(1);
    expect(headings).toHaveLength(5);
    // And it is on disk: with every editor gone (nobody can send it again), restart once more.
    const final = xml(server);
    a.destroy();
    b.destroy();
    await srv.restart();
    const fresh = track(yClient(srv.url, m.code));
    await fresh.synced();
    expect(xml(fresh.doc)).toBe(final);
  });

  it('[REPORT1][MEET7] wrong tokens and unknown meetings are refused with a close code; deleting a meeting closes its verslag and removes its rows', async () => {
    srv = await startServer();
    const m = await meetingWithAgenda(srv);
    const wrong = track(yClient(srv.url, m.code, 'not-a-token-of-this-meeting'));
    const unknown = track(yClient(srv.url, 'ZZZZZZZZ'));
    await eventually(() => wrong.closed !== null && unknown.closed !== null);
    expect(wrong.closed?.code).toBe(4401);
    expect(unknown.closed?.code).toBe(4404);

    const sec = track(yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'S', color: '#000' } }));
    await sec.synced();
    expect(await srv.app.ctx.store.reports.count(m.id)).toBeGreaterThan(0);
    const res = await fetch(`${srv.url}/api/meetings/${m.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${m.facilitatorToken}` },
    });
    expect(res.status).toBe(200);
    await eventually(() => sec.closed !== null);
    expect(sec.closed?.code).toBe(4410);
    expect(await srv.app.ctx.store.reports.count(m.id)).toBe(0);
  });

  it('[REPORT1] broken, truncated and text messages close only that connection; the server goes on', async () => {
    srv = await startServer();
    const m = await meetingWithAgenda(srv);
    const sec = track(yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'S', color: '#000' } }));
    await sec.synced();
    const raw = (payload: Buffer | string) =>
      new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(
          `${srv!.url.replace('http', 'ws')}/yjs/${m.code}`,
          yjsProtocols(m.secretaryToken),
        );
        ws.on('open', () => ws.send(payload));
        ws.on('close', (code) => resolve(code));
        ws.on('error', reject);
      });
    const garbage = [
      Buffer.from([0, 2, 200, 1, 2, 3]), // an update claiming 200 bytes, carrying 3
      Buffer.from([0, 2, 5, 255, 255, 255, 255, 255]), // an update of nonsense
      Buffer.from([0, 9, 0]), // unknown sync step
      Buffer.from([77]), // unknown message type
      Buffer.from([0, 0, 4, 255, 255, 255, 255]), // a state vector that is not one
    ];
    for (const g of garbage) expect(await raw(g)).toBe(4400);
    expect(await raw('hello')).toBe(4400);
    // The server still works for everyone else, and nothing of that reached the document.
    addParagraph(sec.doc, 'nog steeds in orde');
    const other = track(yClient(srv.url, m.code));
    await other.synced();
    await eventually(() => texts(other.doc).includes('nog steeds in orde'));
    expect(xml(serverDoc(srv, m.id))).toBe(xml(sec.doc));
    const res = await fetch(`${srv.url}/api/health`);
    expect(res.status).toBe(200);
  });

  it('[REPORT9] updates are batched: a burst of 200 keystrokes reaches a reader in a few messages; the log is compacted', async () => {
    srv = await startServer({ config: { reportBatchMs: 40, reportCompactEvery: 5, reportUnloadMs: 50 } });
    const m = await meetingWithAgenda(srv);
    const sec = track(yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'S', color: '#000' } }));
    await sec.synced();
    let messages = 0;
    const reader = new WebSocket(`${srv.url.replace('http', 'ws')}/yjs/${m.code}`, [YJS_PROTOCOL]);
    await new Promise((r) => reader.on('open', r));
    reader.on('message', () => {
      messages++;
    });
    await new Promise((r) => setTimeout(r, 100));
    messages = 0;
    const frag = reportFragment(sec.doc);
    const t = ((frag.get(frag.length - 1) as Y.XmlElement).get(0) as Y.XmlText) ?? new Y.XmlText();
    for (let i = 0; i < 200; i++) {
      t.insert(t.length, 'x');
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await eventually(() => (xml(serverDoc(srv!, m.id)).match(/x/g) ?? []).length >= 200);
    await new Promise((r) => setTimeout(r, 100));
    expect(messages).toBeGreaterThan(0);
    expect(messages).toBeLessThan(20);
    // Compaction keeps the log short, and after everyone left it is one row that loads the same.
    expect(await srv.app.ctx.store.reports.count(m.id)).toBeLessThanOrEqual(5);
    const before = xml(serverDoc(srv, m.id));
    reader.close();
    sec.destroy();
    await eventually(() => srv!.app.ctx.collab.loaded(m.id) === undefined);
    await eventually(async () => (await srv!.app.ctx.store.reports.count(m.id)) === 1);
    const again = track(yClient(srv.url, m.code));
    await again.synced();
    expect(xml(again.doc)).toBe(before);
  });
});
