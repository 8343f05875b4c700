import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';
import { type App, createApp } from '../../server/app';
import type { Relay } from '../../server/collab/relay';
import { type Config, readConfig } from '../../server/config';
import { type Logger, silentLogger } from '../../server/log';
import { NO_RATE_LIMITS } from '../../server/security/rateLimit';
import type { Ack } from '../../shared/protocol/ack';
import type { AckData, ClientToServerEvents, CommandName, PayloadOf } from '../../shared/protocol/commands';
import type { ServerToClientEvents } from '../../shared/protocol/events';
import type { ManualClock } from './clock';
import { testStorage } from './testStore';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface CreatedMeeting {
  id: string;
  code: string;
  displayCode: string;
  facilitatorToken: string;
  secretaryToken: string;
  links: { facilitator: string; secretary: string; participant: string };
}

export interface Joined {
  meeting: { id: string; code: string };
  participant: { id: string; name: string };
  token: string;
}

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  app: App;
  /** POST /api/meetings; throws on a non-201. */
  createMeeting(title?: string, date?: string): Promise<CreatedMeeting>;
  /** POST /api/join; throws on an error status. */
  join(code: string, name: string, extra?: { orgType?: string; token?: string }): Promise<Joined>;
  /** A connected socket.io-client (its own connection) for a code and token. */
  connect(code: string, token?: string): Promise<TestSocket>;
  /** Closes the app and opens a new one on the same port and data directory (a server restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real server (createApp + real SQLite in a temp dir, or a fresh PostgreSQL database with
 * OOGST_TEST_STORE=postgres: `testStore.ts`), listening on 127.0.0.1 and a free port.
 */
export async function startServer(
  opts: {
    dataDir?: string;
    config?: Partial<Config>;
    log?: Logger;
    relay?: Relay;
    now?: () => number;
    /** A manual clock (`./clock.ts`): the app's `now` and what it schedules, moved by the test. */
    clock?: ManualClock;
  } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-test-'));
  const config: Config = {
    ...readConfig({}),
    host: '127.0.0.1',
    port: 0,
    dataDir,
    broadcastDelayMs: 10,
    // Many clients share 127.0.0.1 here; the abuse tests turn the limits on explicitly.
    rateLimits: { ...NO_RATE_LIMITS },
    ...opts.config,
  };
  const storage = await testStorage(dataDir, opts.dataDir !== undefined);
  const open = async () =>
    createApp({
      config,
      store: await storage.open(),
      log: opts.log ?? silentLogger,
      relay: opts.relay,
      now: opts.clock?.now ?? opts.now,
      schedule: opts.clock?.schedule,
    });
  let app = await open();
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      app.httpServer.once('error', reject);
      app.httpServer.listen(port, '127.0.0.1', () => resolve((app.httpServer.address() as AddressInfo).port));
    });
  const port = await listen(0);
  const url = `http://127.0.0.1:${port}`;
  const own = new Set<TestSocket>();

  const srv: TestServer = {
    url,
    port,
    dataDir,
    get app() {
      return app;
    },
    async createMeeting(title = 'Begeleidingsgroep 31 maart', date = '2021-03-31') {
      const res = await fetch(`${url}/api/meetings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title, date }),
      });
      if (res.status !== 201) throw new Error(`createMeeting: ${res.status} ${await res.text()}`);
      return (await res.json()) as CreatedMeeting;
    },
    async join(code, name, extra = {}) {
      const res = await fetch(`${url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, name, ...extra }),
      });
      if (res.status >= 300) throw new Error(`join: ${res.status} ${await res.text()}`);
      return (await res.json()) as Joined;
    },
    async connect(code, token) {
      const socket: TestSocket = ioClient(url, {
        forceNew: true,
        transports: ['websocket'],
        auth: token ? { code, token } : { code },
        reconnectionDelay: 50,
        reconnectionDelayMax: 200,
      });
      own.add(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', (err) => reject(err));
      });
      return socket;
    },
    async restart() {
      await app.close();
      app = await open();
      await listen(port);
    },
    async close() {
      for (const s of own) s.disconnect();
      await app.close();
      await storage.dispose();
    },
  };
  return srv;
}

/** A command's payload as an argument: optional for commands that take none (`session:sync`). */
type PayloadArg<E extends CommandName> =
  undefined extends PayloadOf<E> ? [payload?: PayloadOf<E>] : [payload: PayloadOf<E>];

/**
 * Sends a command of the table (`shared/protocol/commands.ts`) and waits for its ack: the payload
 * and the ack's data are typed by the event's name. Malformed payloads go through `raw`.
 */
export async function call<E extends CommandName>(
  socket: TestSocket,
  event: E,
  ...payload: PayloadArg<E>
): Promise<Ack<AckData<E>>> {
  return (await raw(socket, event, payload[0])) as Ack<AckData<E>>;
}

/** Like `call`, but throws unless the ack is ok, and returns its data. */
export async function ok<E extends CommandName>(
  socket: TestSocket,
  event: E,
  ...payload: PayloadArg<E>
): Promise<AckData<E>> {
  const r = await call(socket, event, ...payload);
  if (!r.ok) throw new Error(`${event} refused: ${r.error} ${r.message}`);
  return r.data;
}

/**
 * Any event with any payload, unchecked: for deliberately malformed payloads, unknown events and
 * replays of what another test recorded. The ack is whatever the server answered.
 */
export async function raw(socket: TestSocket, event: string, payload?: unknown): Promise<Ack<unknown>> {
  const s = socket as unknown as Socket;
  return (await s.timeout(5000).emitWithAck(event, payload)) as Ack<unknown>;
}

/** The next `event` on `socket` whose payload satisfies `match`. */
export function waitFor<T = unknown>(
  socket: TestSocket,
  event: string,
  match: (payload: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  const s = socket as unknown as Socket;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      s.off(event, listener);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      s.off(event, listener);
      resolve(payload);
    };
    s.on(event, listener);
  });
}

/** Polls `check` until it returns true (or throws its last error after `timeoutMs`). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
