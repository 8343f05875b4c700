import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { YJS_PROTOCOL, yjsProtocols } from '../../shared/protocol/collab';
import { reportFragment } from '../../shared/report/ydoc';
import { type ServerProcess, seeded, spawnScript, spawnServer } from '../helpers/process';
import { type BenchRow, procStats, round, sleep, waitUntil } from './lib';

process.setMaxListeners(0);

const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 100_000);
/** Keystrokes a second, all editors together: the trace compressed (people type ~5 a second). */
const PACE = Number(process.env.BENCH_PACE ?? 2000);
/** Readers that hold a full replica (the others only receive, to keep the load generator light). */
const FULL_READERS = 5;
const READERS = Number(process.env.BENCH_READERS ?? 200);
const OPENERS = Number(process.env.BENCH_OPENERS ?? 1000);
const EDITORS = 3;

/** Dutch text to type: the reference verslag itself. */
const SEED = fs
  .readFileSync(path.resolve(import.meta.dirname, '../fixtures/seed-000-verslag.txt'), 'utf8')
  .replace(/\s+/g, ' ');

interface Target {
  srv: ServerProcess;
  /** A provider for one client; `editor` ones publish presence, readers none. */
  client(editor: boolean, name: string): { doc: Y.Doc; provider: WebsocketProvider };
  /** A participant with the verslag open on a raw websocket (see rawClient). */
  raw(presence: { name: string } | null): ReturnType<typeof rawClient>;
  bytesStored(): number;
}

function provider(
  url: string,
  room: string,
  doc: Y.Doc,
  protocols: string[],
  presence: { name: string } | null,
) {
  const p = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    protocols,
    maxBackoffTime: 2000,
  });
  if (presence) p.awareness.setLocalStateField('user', { ...presence, color: '#1f5f3f' });
  else p.awareness.setLocalState(null);
  return p;
}

async function oogstTarget(): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-bench-yjs-'));
  const srv = await spawnServer(dataDir);
  const m = await (
    await fetch(`${srv.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Verslag bench' }),
    })
  ).json();
  const ws = `${srv.url.replace('http', 'ws')}/yjs`;
  return {
    srv,
    raw: (presence) => rawClient(`${ws}/${m.code}`, [YJS_PROTOCOL], presence),
    client(editor, name) {
      const doc = new Y.Doc();
      const protocols = yjsProtocols(editor ? m.secretaryToken : null);
      return { doc, provider: provider(ws, m.code, doc, protocols, editor ? { name } : null) };
    },
    bytesStored() {
      const db = new Database(path.join(dataDir, 'oogst.sqlite'), { readonly: true });
      try {
        return (
          db.prepare('SELECT coalesce(sum(length(data)), 0) AS n FROM report_updates').get() as { n: number }
        ).n;
      } finally {
        db.close();
      }
    },
  };
}

async function bareTarget(): Promise<Target> {
  const srv = await spawnScript(path.resolve(import.meta.dirname, 'bare/yjsRelay.ts'));
  const ws = srv.url.replace('http', 'ws');
  return {
    srv,
    raw: (presence) => rawClient(`${ws}/verslag`, [], presence),
    client(editor, name) {
      const doc = new Y.Doc();
      return { doc, provider: provider(ws, 'verslag', doc, [], editor ? { name } : null) };
    },
    bytesStored: () => Number.NaN,
  };
}

const synced = (p: WebsocketProvider) => p.synced && p.wsconnected;

/**
 * 3 editors type KEYSTROKES keystrokes of Dutch text (about 8 % deletes) while READERS read; time
 * until every replica has everything; server CPU; bytes stored.
 */
async function trace(t: Target) {
  const editors = Array.from({ length: EDITORS }, (_, i) => t.client(true, `Verslaglegger ${i + 1}`));
  const readers = Array.from({ length: FULL_READERS }, (_, i) => t.client(false, `Lezer ${i}`));
  const raw = Array.from({ length: READERS - FULL_READERS }, () => t.raw(null));
  const all = [...editors, ...readers];
  await waitUntil(() => all.every((c) => synced(c.provider)) && raw.every((r) => r.bytes() > 0), 60_000);
  // Each editor writes its own paragraph (as secretaries split the work), at the end of the verslag.
  const texts = editors.map((e, i) => {
    const frag = reportFragment(e.doc);
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    p.insert(0, [text]);
    e.doc.transact(() => frag.insert(frag.length, [p]));
    return { text, rand: seeded(100 + i), at: i * 997 };
  });
  await sleep(500);
  const cpu0 = procStats(t.srv.proc.pid!).cpuSeconds;
  const t0 = Date.now();
  const per = Math.floor(KEYSTROKES / EDITORS);
  for (let k = 0; k < per; k++) {
    for (const e of texts) {
      if (e.text.length > 0 && e.rand() < 0.08) e.text.delete(e.text.length - 1, 1);
      else e.text.insert(e.text.length, SEED[e.at++ % SEED.length]!);
    }
    // Paced: PACE keystrokes a second over all editors.
    if (k % 10 === 0) {
      const ahead = t0 + ((k * EDITORS) / PACE) * 1000 - Date.now();
      await (ahead > 0 ? sleep(ahead) : new Promise((r) => setImmediate(r)));
    }
  }
  const typed = Date.now() - t0;
  const clock = (doc: Y.Doc, id: number) => Y.decodeStateVector(Y.encodeStateVector(doc)).get(id) ?? 0;
  const want = editors.map((e) => [e.doc.clientID, clock(e.doc, e.doc.clientID)] as const);
  const done = () => all.every((c) => want.every(([id, n]) => clock(c.doc, id) >= n));
  const ok = await waitUntil(done, 300_000, 20);
  const doneAt = Date.now();
  // Raw readers have it all once nothing more arrives for a while.
  await waitUntil(() => Date.now() - Math.max(...raw.map((r) => r.last())) > 1000, 300_000, 100);
  const lastRaw = Math.max(...raw.map((r) => r.last()));
  const converged = ok ? Math.max(doneAt, lastRaw) - t0 : Number.NaN;
  const cpu = procStats(t.srv.proc.pid!).cpuSeconds - cpu0;
  const sameText = all.every(
    (c) =>
      c.doc.getXmlFragment('default').toString() === editors[0]!.doc.getXmlFragment('default').toString(),
  );
  for (const c of all) c.provider.destroy();
  for (const r of raw) r.close();
  await sleep(500);
  return { typed, converged, cpu, sameText, bytes: t.bytesStored() };
}

/**
 * A participant with the live verslag open, on a raw websocket: it asks for the document (sync
 * step 1, empty state vector), publishes presence when `presence` is set (as the bare y-websocket
 * client does), keeps the moment and the bytes of the sync step 2 that answers it, and counts what
 * arrives after (the time of the last message: a reader has everything once nothing more comes).
 *
 * Why not WebsocketProviders: each one decodes the whole document into its own Y.Doc, and 1,000
 * decodes of a verslag with a 100,000-keystroke history are over a minute of CPU in this one
 * load-generator process: the bench would measure itself. In a real meeting each browser decodes
 * its own copy; that cost is measured separately (`applyMs`), and a sample of the received states
 * is decoded and compared with the writer's text.
 */
function rawClient(url: string, protocols: string[], presence: { name: string } | null) {
  const ws = new WebSocket(url, protocols);
  let at = 0;
  let last = 0;
  let bytes = 0;
  let state: Uint8Array | null = null;
  ws.on('open', () => {
    ws.send(Uint8Array.from([0, 0, 1, 0]));
    if (presence) {
      const doc = new Y.Doc();
      const aw = new awarenessProtocol.Awareness(doc);
      aw.setLocalStateField('user', { ...presence, color: '#1f5f3f' });
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, 1);
      encoding.writeVarUint8Array(enc, awarenessProtocol.encodeAwarenessUpdate(aw, [doc.clientID]));
      ws.send(encoding.toUint8Array(enc));
      aw.destroy();
    }
  });
  ws.on('message', (data: Buffer) => {
    last = Date.now();
    bytes += data.length;
    // [messageSync = 0][syncStep2 = 1][update]: the whole document for a client that has nothing.
    if (at || data[0] !== 0 || data[1] !== 1) return;
    at = last;
    const dec = decoding.createDecoder(new Uint8Array(data));
    decoding.readVarUint(dec);
    decoding.readVarUint(dec);
    state = decoding.readVarUint8Array(dec);
  });
  ws.on('error', () => {});
  return {
    at: () => at,
    state: () => state,
    last: () => last,
    bytes: () => bytes,
    close: () => ws.terminate(),
  };
}

/** OPENERS participants open the live verslag at once: time until every one has it. */
async function openAtOnce(t: Target, presenceForAll: boolean) {
  const writer = t.client(true, 'Verslaglegger');
  await waitUntil(() => synced(writer.provider), 30_000);
  const frag = reportFragment(writer.doc);
  writer.doc.transact(() => {
    for (let i = 0; i < 40; i++) {
      const p = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      text.insert(0, SEED.slice(i * 200, i * 200 + 200));
      p.insert(0, [text]);
      frag.insert(frag.length, [p]);
    }
  });
  await sleep(500);
  const want = writer.doc.getXmlFragment('default').toString();
  const t0 = Date.now();
  const openers = Array.from({ length: OPENERS }, (_, i) =>
    t.raw(presenceForAll ? { name: `Deelnemer ${i}` } : null),
  );
  const all = await waitUntil(() => openers.every((o) => o.at() > 0), 30_000, 50);
  const elapsed = all ? Math.max(...openers.map((o) => o.at())) - t0 : Number.NaN;
  const have = openers.filter((o) => o.at() > 0).length;
  for (const o of openers) o.close();
  // Every 50th opener's state decoded: it is the writer's document, whole.
  const sample = openers.filter((_, i) => i % 50 === 0).map((o) => o.state());
  let applyMs = 0;
  const whole = sample.every((st) => {
    if (!st) return false;
    const doc = new Y.Doc();
    const a = performance.now();
    Y.applyUpdate(doc, st);
    applyMs = Math.max(applyMs, performance.now() - a);
    return doc.getXmlFragment('default').toString() === want;
  });
  writer.provider.destroy();
  await sleep(500);
  return { elapsed, have, whole, applyMs, bytes: sample[0]?.length ?? 0 };
}

export async function verslagBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const bare = await bareTarget();
  const b = await trace(bare);
  const bareOpen = await openAtOnce(bare, true);
  await bare.srv.kill('SIGTERM');
  const ours = await oogstTarget();
  const o = await trace(ours);
  const oursOpen = await openAtOnce(ours, false);
  await ours.srv.kill('SIGTERM');
  const ratio = o.converged / b.converged;
  const s = (ms: number) => (Number.isNaN(ms) ? 'did not converge' : `${round(ms / 1000, 2)} s`);
  rows.push(
    {
      bench: 'verslag',
      metric: `${KEYSTROKES.toLocaleString('en')} keystrokes (${PACE}/s), 3 editors, ${READERS} readers: typed in`,
      value: s(o.typed),
    },
    {
      bench: 'verslag',
      metric: 'all replicas converged after, Oogst / bare y-websocket',
      value: `${s(o.converged)} / ${s(b.converged)}`,
    },
    {
      bench: 'verslag',
      metric: 'convergence Oogst / bare',
      value: `${round(ratio, 2)}×`,
      budget: '≤ 1.5×',
      ok: ratio <= 1.5,
    },
    {
      bench: 'verslag',
      metric: 'every replica the same text',
      value: `${o.sameText} / ${b.sameText}`,
      budget: 'true',
      ok: o.sameText,
    },
    {
      bench: 'verslag',
      metric: 'server CPU during the trace, Oogst / bare',
      value: `${round(o.cpu, 2)} s / ${round(b.cpu, 2)} s`,
    },
    {
      bench: 'verslag',
      metric: 'bytes stored (SQLite update log, after compaction)',
      value: `${round(o.bytes / 1024)} KB`,
    },
    {
      bench: 'verslag',
      metric: `${OPENERS} participants open the live verslag at once: all have it after (Oogst, no viewer presence)`,
      value: Number.isNaN(oursOpen.elapsed) ? `only ${oursOpen.have} in 30 s` : s(oursOpen.elapsed),
      budget: '≤ 15 s',
      ok: oursOpen.elapsed <= 15_000,
    },
    {
      bench: 'verslag',
      metric: 'the received verslag is the whole document (every 50th decoded and compared)',
      value: `${oursOpen.whole} / ${bareOpen.whole}`,
      budget: 'true',
      ok: oursOpen.whole,
    },
    {
      bench: 'verslag',
      metric: "one participant's full state: size; decode into a Y.Doc (Node, own CPU)",
      value: `${round(oursOpen.bytes / 1024)} KB; ${round(oursOpen.applyMs)} ms`,
    },
    {
      bench: 'verslag',
      metric: 'the same on the bare y-websocket server, everyone publishing presence',
      value: Number.isNaN(bareOpen.elapsed)
        ? `only ${bareOpen.have} of ${OPENERS} in 30 s`
        : s(bareOpen.elapsed),
    },
  );
  return rows;
}
