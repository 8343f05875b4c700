import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { readConfig } from '../../server/config';
import { createLogger } from '../../server/log';
import { openPgStore } from '../../server/storage/postgres';
import { DEFAULT_SCALE_LEVELS } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import { startProxy } from '../helpers/proxy';
import { freshDatabase } from '../helpers/testStore';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f();
});

type Ack = { ok: boolean; error?: string; message?: string; data?: unknown };

/**
 * [DEPLOY3] PostgreSQL unreachable (the network to it cut): commands are refused with
 * `unavailable` and one sentence, never acknowledged without being stored; HTTP answers 503; once
 * it is back, the same command (same id) goes through once.
 */
describe('the store unreachable', () => {
  it('[DEPLOY3] refused, not acked, while PostgreSQL is away; the same command goes through once when it is back', async () => {
    const db = await freshDatabase();
    cleanup.push(db.drop);
    const proxy = await startProxy(5432);
    cleanup.push(() => proxy.close());
    const viaProxy = new URL(db.url);
    viaProxy.port = new URL(proxy.url).port;
    const store = await openPgStore(viaProxy.toString());
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-unavail-'));
    cleanup.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const config = { ...readConfig({ RATE_LIMITS: 'off' }), dataDir };
    const app = createApp({ config, store, log: createLogger('error') });
    cleanup.push(() => app.close());
    await new Promise<void>((r) => app.httpServer.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(app.httpServer.address() as { port: number }).port}`;
    const post = (p: string, body: unknown) =>
      fetch(`${url}${p}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    const m = (await (await post('/api/meetings', { title: 'Opslag weg' })).json()) as {
      id: string;
      code: string;
      facilitatorToken: string;
    };
    const j = (await (await post('/api/join', { code: m.code, name: 'Ann' })).json()) as { token: string };
    const connect = (token: string) =>
      new Promise<Socket>((resolve, reject) => {
        const s = ioClient(url, { forceNew: true, transports: ['websocket'], auth: { code: m.code, token } });
        s.once('connect', () => resolve(s));
        s.once('connect_error', reject);
      });
    const fac = await connect(m.facilitatorToken);
    const ann = await connect(j.token);
    cleanup.push(async () => {
      fac.disconnect();
      ann.disconnect();
    });
    const pollId = newId();
    const send = (s: Socket, event: string, payload: unknown) =>
      s.timeout(20_000).emitWithAck(event, payload) as Promise<Ack>;
    expect(
      (
        await send(fac, 'activity:create', {
          id: pollId,
          agendaItemId: null,
          anonymous: false,
          spec: { kind: 'scale', question: 'Hoe tevreden?', levels: [...DEFAULT_SCALE_LEVELS] },
        })
      ).ok,
    ).toBe(true);
    expect((await send(fac, 'activity:open', { id: pollId })).ok).toBe(true);

    proxy.drop();
    const answer = { id: newId(), activityId: pollId, value: { level: 2 }, note: 'Net op tijd' };
    const t0 = Date.now();
    const refused = await send(ann, 'response:submit', answer);
    expect(refused).toMatchObject({ ok: false, error: 'unavailable' });
    expect(refused.message).toMatch(/^[^\n{]+$/);
    expect(Date.now() - t0).toBeLessThan(10_000);
    const http = await post('/api/meetings', { title: 'Nog een' });
    expect(http.status).toBe(503);
    expect(((await http.json()) as Ack).error).toBe('unavailable');

    proxy.restore();
    // The same command again (the app's outbox resends it): stored once.
    expect((await send(ann, 'response:submit', answer)).ok).toBe(true);
    expect((await send(ann, 'response:submit', answer)).ok).toBe(true);
    const results = (await (
      await fetch(`${url}/api/meetings/${m.id}/results`, {
        headers: { authorization: `Bearer ${m.facilitatorToken}` },
      })
    ).json()) as { activities: { results: { total: number; notes: { text: string }[] } }[] };
    expect(results.activities[0]!.results.total).toBe(1);
    expect(results.activities[0]!.results.notes.map((n) => n.text)).toEqual(['Net op tijd']);
  }, 60_000);
});
