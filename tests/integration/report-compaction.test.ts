import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compactReport } from '../../server/collab/compaction';
import { openSqliteStore } from '../../server/storage/sqlite';
import type { ReportRepo, Store } from '../../server/storage/store';
import { eventually, startServer, type TestServer } from '../helpers/server';
import { addParagraph, texts, type YClient, yClient } from '../helpers/yjs';

let srv: TestServer | undefined;
const handles: Store[] = [];
const clients: YClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const h of handles.splice(0)) await h.close();
  await srv?.close();
  srv = undefined;
});

/** A second handle on the server's data: what another server on the same store would be. */
const secondHandle = (s: TestServer): Store => {
  const h = openSqliteStore(s.dataDir);
  handles.push(h);
  return h;
};

/** The verslag as the stored rows make it, read through `reports`. */
async function storedTexts(reports: ReportRepo, meetingId: string): Promise<string[]> {
  const doc = new Y.Doc();
  for (const u of (await reports.load(meetingId)).updates) Y.applyUpdate(doc, u);
  const found = texts(doc);
  doc.destroy();
  return found;
}

/** An update that adds a paragraph to `doc` (another writer's edit). */
function paragraph(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  addParagraph(doc, text);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('[REPORT9] compaction deletes exactly the rows it merged', () => {
  it('[REPORT9] a row a second store handle appends between the compaction’s read and its delete is kept, and the reloaded verslag has it', async () => {
    srv = await startServer();
    const m = await srv.createMeeting();
    const own = srv.app.ctx.store.reports;
    const other = secondHandle(srv).reports;
    const here = new Y.Doc();
    for (const text of ['een', 'twee', 'drie']) await own.append(m.id, paragraph(here, text));

    // The other server writes right after this compaction read the log, before it deletes.
    const elsewhere = new Y.Doc();
    let appended = 0;
    const readThenOtherWrites: ReportRepo = {
      ...own,
      async load(meetingId) {
        const read = await own.load(meetingId);
        appended = await other.append(meetingId, paragraph(elsewhere, 'van de andere server'));
        return read;
      },
    };
    expect(await compactReport(readThenOtherWrites, m.id)).toBe(3);

    const after = await own.load(m.id);
    expect(after.ids).toHaveLength(2);
    expect(after.ids).toContain(appended);
    // Reloaded through either handle, the verslag has every write once.
    for (const reports of [own, other]) {
      expect((await storedTexts(reports, m.id)).sort()).toEqual([
        'drie',
        'een',
        'twee',
        'van de andere server',
      ]);
    }
    // The next compaction takes that row in.
    expect(await compactReport(own, m.id)).toBe(2);
    expect(await own.count(m.id)).toBe(1);
    expect((await storedTexts(other, m.id)).sort()).toEqual(['drie', 'een', 'twee', 'van de andere server']);
  });

  it('[REPORT9] a room compacting its log keeps a row another server stored before the room’s own last row, and a fresh client gets it', async () => {
    srv = await startServer({ config: { reportUnloadMs: 50 } });
    const m = await srv.createMeeting();
    const sec = yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'S', color: '#000' } });
    clients.push(sec);
    await sec.synced();
    const room = srv.app.ctx.collab.loaded(m.id)!;
    const own = srv.app.ctx.store.reports;
    addParagraph(sec.doc, 'eerste');
    await eventually(() => texts(room.doc).includes('eerste'));
    await room.flush();

    // Another server appends to the same log; this room never hears of it.
    const other = secondHandle(srv).reports;
    const elsewhere = new Y.Doc();
    for (const u of (await other.load(m.id)).updates) Y.applyUpdate(elsewhere, u);
    const theirs = await other.append(m.id, paragraph(elsewhere, 'van elders'));
    // Then this room stores a row after it (a higher id: "everything up to my last id" would take it).
    addParagraph(sec.doc, 'tweede');
    await eventually(() => texts(room.doc).includes('tweede'));
    await room.flush();
    expect(Math.max(...(await own.load(m.id)).ids)).toBeGreaterThan(theirs);

    await room.compact();
    expect(await own.count(m.id)).toBe(1);
    expect(texts(room.doc)).not.toContain('van elders');
    // Everyone leaves, the room unloads; the verslag as stored has all three.
    sec.destroy();
    await eventually(() => srv!.app.ctx.collab.loaded(m.id) === undefined);
    const fresh = yClient(srv.url, m.code);
    clients.push(fresh);
    await fresh.synced();
    for (const text of ['eerste', 'tweede', 'van elders']) expect(texts(fresh.doc)).toContain(text);
  });
});
