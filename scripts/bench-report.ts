/**
 * Fan-out of the verslag to many readers (not part of `npm test`):
 * `[KEY_MS=40] npx tsx scripts/bench-report.ts [readers=300] [keystrokes=300]`.
 * Starts the real server on a free port, opens `readers` read-only y-websocket clients and one
 * editor, types `keystrokes` characters at ~25/s, and reports how long until every reader has all
 * of them, how many messages a reader received, and the stored row count.
 */

import * as Y from 'yjs';
import { reportFragment } from '../shared/report/ydoc';
import { eventually, startServer } from '../tests/helpers/server';
import { yClient } from '../tests/helpers/yjs';

const readers = Number(process.argv[2] ?? 300);
const keystrokes = Number(process.argv[3] ?? 300);
const srv = await startServer();
const m = await srv.createMeeting('Bench', '2021-03-31');
const editor = yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'E', color: '#000' } });
await editor.synced();
let t0 = performance.now();
const clients: ReturnType<typeof yClient>[] = [];
for (let i = 0; i < readers; i++) clients.push(yClient(srv.url, m.code));
await Promise.all(clients.map((c) => c.synced()));
console.log(`${readers} readers joined and synced in ${Math.round(performance.now() - t0)} ms`);
let messages = 0;
clients[0]!.provider.ws?.addEventListener('message', () => messages++);
const p = new Y.XmlElement('paragraph');
const text = new Y.XmlText();
p.insert(0, [text]);
reportFragment(editor.doc).insert(reportFragment(editor.doc).length, [p]);
t0 = performance.now();
for (let i = 0; i < keystrokes; i++) {
  text.insert(text.length, 'x');
  await new Promise((r) => setTimeout(r, Number(process.env.KEY_MS ?? 40)));
}
const typed = performance.now();
await eventually(
  () => clients.every((c) => (reportFragment(c.doc).toString().match(/x/g) ?? []).length === keystrokes),
  60_000,
);
console.log(
  `${keystrokes} keystrokes over ${Math.round(typed - t0)} ms; last reader complete ${Math.round(performance.now() - typed)} ms after the last keystroke`,
);
console.log(
  `messages to one reader while typing: ${messages}; stored rows: ${await srv.app.ctx.store.reports.count(m.id)}`,
);
for (const c of clients) c.destroy();
editor.destroy();
await srv.close();
process.exit(0);
