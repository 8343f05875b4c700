import fs from 'node:fs';
import WebSocket from 'ws';
import type { Store } from '../../server/storage/store';
import { newId } from '../../shared/domain/ids';
import type { Ack } from '../../shared/protocol/ack';
import { YJS_PATH, yjsProtocols } from '../../shared/protocol/collab';
import { breakoutOf, openBreakout } from './boards';
import type { TestSocket } from './server';

/**
 * Clients that behave as attackers and unlucky networks do, for the backpressure tests: they
 * speak the real wire protocols on raw websockets, so they can stop reading (`pause()`) while the
 * server goes on answering, and send as fast as they like.
 */

/** Resident memory of a process (bytes), from /proc. */
export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** Milliseconds `GET /api/health` takes (a timeout counts as its full length). */
export async function healthLatency(url: string, timeoutMs = 5000): Promise<number> {
  const t0 = performance.now();
  try {
    await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(timeoutMs) }).then((r) => r.text());
  } catch {
    return timeoutMs;
  }
  return performance.now() - t0;
}

export interface Watched {
  peakRss: number;
  /** Every `/api/health` latency measured, in order (ms). */
  health: number[];
  worstHealthMs: number;
  medianHealthMs: number;
  p90HealthMs: number;
}

/**
 * Samples the server's RSS and `/api/health` latency while `during` runs (health is asked one
 * request after another, as a load balancer's probe would).
 */
export async function watchServer(pid: number, url: string, during: () => Promise<void>): Promise<Watched> {
  let peakRss = rssOf(pid);
  const health: number[] = [];
  let running = true;
  const rssTimer = setInterval(() => {
    peakRss = Math.max(peakRss, rssOf(pid));
  }, 50);
  const probe = (async () => {
    while (running) {
      health.push(await healthLatency(url));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    await during();
  } finally {
    running = false;
    clearInterval(rssTimer);
    await probe;
  }
  peakRss = Math.max(peakRss, rssOf(pid));
  const sorted = [...health].sort((a, b) => a - b);
  return {
    peakRss,
    health,
    worstHealthMs: sorted.at(-1) ?? 0,
    medianHealthMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
    p90HealthMs: sorted[Math.floor(sorted.length * 0.9)] ?? 0,
  };
}

/** A raw websocket that can stop reading: the server's send buffer for it then only grows. */
export interface RawClient {
  ws: WebSocket;
  /** Bytes received so far. */
  received(): number;
  /** Stops reading from the TCP socket (the kernel buffers fill, then the server's). */
  pause(): void;
  /** Resolves with the close code once the server closed or dropped the connection. */
  closed: Promise<number>;
  isClosed(): boolean;
  close(): void;
}

function raw(
  url: string,
  protocols: string[],
  headers: Record<string, string>,
  onMessage: (ws: WebSocket, data: Buffer) => void = () => {},
): Promise<RawClient> {
  const ws = new WebSocket(url, protocols, { headers });
  let bytes = 0;
  let done = false;
  // Listening from the start: the first message can come in the same packet as the upgrade.
  ws.on('message', (data: Buffer) => {
    bytes += data.length;
    onMessage(ws, data);
  });
  ws.on('error', () => {});
  const closed = new Promise<number>((resolve) =>
    ws.on('close', (code) => {
      done = true;
      resolve(code);
    }),
  );
  return new Promise((resolve, reject) => {
    ws.once('open', () =>
      resolve({
        ws,
        received: () => bytes,
        pause: () => ws.pause(),
        closed,
        isClosed: () => done,
        close: () => ws.terminate(),
      }),
    );
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
    ws.once('close', (code) => reject(new Error(`closed before open: ${code}`)));
  });
}

/** A raw client of the verslag endpoint (`/yjs/<code>`), as an observer unless a token is given. */
export function rawYjs(
  url: string,
  code: string,
  opts: { token?: string; headers?: Record<string, string> } = {},
): Promise<RawClient> {
  const protocols = yjsProtocols(opts.token);
  return raw(`${url.replace(/^http/, 'ws')}${YJS_PATH}/${code}`, protocols, opts.headers ?? {});
}

/** A raw Socket.IO client: engine.io v4 over a websocket, connected to the default namespace. */
export interface RawSocketIo extends RawClient {
  /** Sends a command with an ack id; the ack (if it is read at all) resolves the promise. */
  emit(event: string, payload: unknown): Promise<Ack<unknown>>;
}

export async function rawSocketIo(
  url: string,
  auth: { code: string; token?: string },
  headers: Record<string, string> = {},
): Promise<RawSocketIo> {
  const acks = new Map<number, (r: Ack<unknown>) => void>();
  let nextId = 0;
  let connected: (err?: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    connected = (err) => (err ? reject(err) : resolve());
  });
  const c = await raw(
    `${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`,
    [],
    headers,
    (ws, data) => {
      const s = data.toString();
      if (s === '2') ws.send('3');
      else if (s.startsWith('0{')) ws.send(`40${JSON.stringify(auth)}`);
      else if (s.startsWith('40')) connected();
      else if (s.startsWith('44')) connected(new Error(s));
      else if (s.startsWith('43')) {
        const m = /^43(\d+)/.exec(s);
        const id = Number(m?.[1]);
        const ack = acks.get(id);
        acks.delete(id);
        ack?.((JSON.parse(s.slice(m![0].length)) as [Ack<unknown>])[0]);
      }
    },
  );
  await ready;
  return {
    ...c,
    emit(event, payload) {
      const id = nextId++;
      return new Promise((resolve) => {
        acks.set(id, resolve);
        c.ws.send(`42${id}${JSON.stringify([event, payload])}`);
      });
    },
  };
}

/**
 * A raw Socket.IO client on engine.io long-polling: it polls only when told to, so it can stop
 * polling while the server goes on queueing packets for it.
 */
export async function rawPolling(url: string, auth: { code: string; token?: string }) {
  const base = `${url}/socket.io/?EIO=4&transport=polling`;
  const open = await (await fetch(base)).text();
  const sid = (JSON.parse(open.slice(open.indexOf('{'))) as { sid: string }).sid;
  const at = `${base}&sid=${sid}`;
  const post = async (packet: string) => {
    const res = await fetch(at, { method: 'POST', body: packet, headers: { 'content-type': 'text/plain' } });
    if (!res.ok) throw new Error(`polling POST refused: ${res.status}`);
  };
  /** One poll: every packet waiting, separated by engine.io's record separator. */
  const poll = async () => (await (await fetch(at)).text()).split('\x1e');
  await post(`40${JSON.stringify(auth)}`);
  const first = await poll();
  if (!first.some((p) => p.startsWith('40{'))) throw new Error(`not connected: ${first.join(' ')}`);
  return { sid, post, poll };
}

/** A break-out with one room whose boards observers may read (seeOtherRooms); its first board. */
export async function readableBoard(fac: TestSocket, questions = ['Vraag']): Promise<string> {
  const activity = await openBreakout(fac, {
    rooms: { by: 'count', count: 1 },
    questions,
    seeOtherRooms: true,
  });
  const { view } = await breakoutOf(fac, activity.id);
  return view.boards[0]!.id;
}

/** `n` post-its of 500 characters on a board (~1.5 MB an answer for 2,000), straight into the store. */
export async function fill(store: Store, boardId: string, n: number): Promise<string[]> {
  const now = Date.now();
  const notes = Array.from({ length: n }, (_, i) => ({
    id: newId(),
    boardId,
    authorId: null,
    byStaff: true,
    text: `${i} ${'oogst '.repeat(100)}`.slice(0, 500),
    colour: 'geel' as const,
    x: i % 1000,
    y: i % 700,
    themeId: null,
    originId: null,
    roomLabel: null,
    version: 1,
    deleted: false,
    createdAt: now,
    updatedAt: now,
  }));
  await store.boards.copyNotes(notes);
  return notes.map((x) => x.id);
}
