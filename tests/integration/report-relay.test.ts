import { afterEach, describe, expect, it } from 'vitest';
import { LocalRelay } from '../../server/collab/relay';
import { eventually, startServer, type TestServer } from '../helpers/server';
import { addParagraph, texts, xml, type YClient, yClient } from '../helpers/yjs';

const servers: TestServer[] = [];
const clients: YClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of servers.splice(0).reverse()) await s.close();
});

const track = (c: YClient) => {
  clients.push(c);
  return c;
};

describe('[REPORT9] the verslag across two servers on one store, joined by a relay', () => {
  it('[REPORT1][REPORT4][REPORT9] edits and presence reach the peers of the other server; a relayed update is not stored again', async () => {
    const relay = new LocalRelay();
    const a = await startServer({ relay });
    servers.push(a);
    const b = await startServer({ dataDir: a.dataDir, relay });
    servers.push(b);
    const m = await a.createMeeting();
    const onA = track(yClient(a.url, m.code, m.secretaryToken, { presence: { name: 'A', color: '#000' } }));
    const onB = track(yClient(b.url, m.code, m.facilitatorToken, { presence: { name: 'B', color: '#000' } }));
    const readerOnB = track(yClient(b.url, m.code));
    await Promise.all([onA.synced(), onB.synced(), readerOnB.synced()]);
    // The template is written once, whichever server won.
    await eventually(() => xml(onA.doc) === xml(onB.doc) && xml(onA.doc) !== '');
    expect(texts(onA.doc).filter((t) => t === 'Inleiding')).toHaveLength(1);

    const reports = a.app.ctx.store.reports;
    const rows = await reports.count(m.id);
    addParagraph(onA.doc, 'geschreven op A');
    await eventually(
      () => texts(readerOnB.doc).includes('geschreven op A') && texts(onB.doc).includes('geschreven op A'),
    );
    // Server B sent it on only after its own batch went out: had it stored it, the row would be there.
    await b.app.ctx.collab.loaded(m.id)!.flush();
    expect(await reports.count(m.id)).toBe(rows + 1);

    addParagraph(onB.doc, 'geschreven op B');
    await eventually(() => texts(onA.doc).includes('geschreven op B'));
    await a.app.ctx.collab.loaded(m.id)!.flush();
    expect(await reports.count(m.id)).toBe(rows + 2);
    await eventually(() => xml(onA.doc) === xml(onB.doc) && xml(onB.doc) === xml(readerOnB.doc));

    // Presence crosses too: each editor sees the other; the reader sees none.
    await eventually(
      () =>
        onA.provider.awareness.getStates().has(onB.doc.clientID) &&
        onB.provider.awareness.getStates().has(onA.doc.clientID),
    );
    expect([...readerOnB.provider.awareness.getStates().keys()]).toEqual([]);
    // An editor who leaves A is gone from B as well.
    onA.destroy();
    await eventually(() => !onB.provider.awareness.getStates().has(onA.doc.clientID));
  });
});
