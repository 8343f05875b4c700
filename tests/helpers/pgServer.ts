import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';
import { type App, createApp } from '../../server/app';
import { readConfig } from '../../server/config';
import { createLogger } from '../../server/log';
import { openPgStore } from '../../server/storage/postgres';
import { freshDatabase } from './testStore';

export interface PgApp {
  app: App;
  url: string;
  /** The database's own address (tests may route it through a proxy). */
  databaseUrl: string;
  post(p: string, body: unknown): Promise<Response>;
  /** A meeting made over HTTP, with its facilitator's token. */
  meeting(title: string): Promise<{ id: string; code: string; facilitatorToken: string }>;
  /** A live connection as a participant (joined over HTTP) or with a given token. */
  connect(code: string, token: string): Promise<Socket>;
  join(code: string, name: string): Promise<{ token: string; participant: { id: string } }>;
  close(): Promise<void>;
}

/**
 * The real server on a fresh PostgreSQL database (whatever OOGST_TEST_STORE says), for tests
 * whose subject is PostgreSQL itself. `via` rewrites the database address the store uses.
 */
export async function startPgApp(opts: { via?: (url: string) => string } = {}): Promise<PgApp> {
  const db = await freshDatabase();
  const databaseUrl = opts.via ? opts.via(db.url) : db.url;
  const store = await openPgStore(databaseUrl);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-pg-'));
  const app = createApp({
    config: { ...readConfig({ RATE_LIMITS: 'off' }), dataDir },
    store,
    log: createLogger('error'),
  });
  await new Promise<void>((r) => app.httpServer.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(app.httpServer.address() as { port: number }).port}`;
  const sockets = new Set<Socket>();
  const post = (p: string, body: unknown) =>
    fetch(`${url}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const connect = (code: string, token: string) =>
    new Promise<Socket>((resolve, reject) => {
      const s = ioClient(url, { forceNew: true, transports: ['websocket'], auth: { code, token } });
      sockets.add(s);
      s.once('connect', () => resolve(s));
      s.once('connect_error', reject);
    });
  return {
    app,
    url,
    databaseUrl,
    post,
    meeting: async (title) => (await (await post('/api/meetings', { title })).json()) as never,
    join: async (code, name) => (await (await post('/api/join', { code, name })).json()) as never,
    connect,
    async close() {
      for (const s of sockets) s.disconnect();
      await app.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
