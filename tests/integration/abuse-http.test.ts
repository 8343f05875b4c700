import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log';
import { NO_RATE_LIMITS } from '../../server/security/rateLimit';
import { REFUSALS } from '../../server/security/refusals';
import { eventually, ok, startServer, type TestServer } from '../helpers/server';
import { addParagraph, texts, type YClient, yClient } from '../helpers/yjs';

let srv: TestServer | undefined;
const clients: YClient[] = [];
const sockets: net.Socket[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.destroy();
  await srv?.close();
  srv = undefined;
});

/** A raw TCP connection; `closed` resolves once the server closed it with the ms it took (Infinity: not in 5 s). */
function tcp(port: number, send?: string) {
  const t0 = Date.now();
  const socket = net.connect(port, '127.0.0.1', () => {
    if (send) socket.write(send);
  });
  sockets.push(socket);
  socket.on('error', () => {});
  socket.resume();
  const closed = new Promise<number>((resolve) => {
    socket.once('close', () => resolve(Date.now() - t0));
    setTimeout(() => resolve(Number.POSITIVE_INFINITY), 5000);
  });
  return { socket, closed };
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A GET with the path exactly as written (fetch would resolve `..` and `%2e%2e` first). */
function rawGet(port: number, p: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: p }, (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('idle connections and refused requests', () => {
  it('[ABUSE9] a connection that sends nothing, or half a request, is closed after the idle timeout; idle live connections stay', async () => {
    srv = await startServer({ config: { idleTimeoutMs: 300 } });
    const m = await srv.createMeeting();
    const live = await srv.connect(m.code, m.facilitatorToken);
    const verslag = yClient(srv.url, m.code, m.secretaryToken);
    clients.push(verslag);
    await verslag.synced();

    const silent = tcp(srv.port);
    const half = tcp(srv.port, 'GET /api/health HTTP/1.1\r\nHost: x\r\n');
    expect(await silent.closed).toBeLessThan(3000);
    expect(await half.closed).toBeLessThan(3000);

    // Several idle timeouts later the live connections are still there and work.
    await settle(1200);
    expect(live.connected).toBe(true);
    expect(verslag.closed).toBeNull();
    await ok(live, 'session:sync');
    addParagraph(verslag.doc, 'nog verbonden');
    await eventually(() => texts(srv!.app.ctx.collab.loaded(m.id)!.doc).includes('nog verbonden'));
    expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
  });

  it('[ABUSE9] one address holds at most RATE_LIMIT_CONNECTIONS_PER_ADDRESS open connections', async () => {
    srv = await startServer({ config: { rateLimits: { ...NO_RATE_LIMITS, connectionsPerAddress: 5 } } });
    const held = Array.from({ length: 5 }, () => tcp(srv!.port));
    await Promise.all(held.map((h) => new Promise((r) => h.socket.once('connect', r))));
    // The sixth is closed at once (the idle timeout is 20 s here).
    const sixth = tcp(srv.port);
    expect(await sixth.closed).toBeLessThan(2000);
    // One of them goes: there is room again.
    held[0]!.socket.destroy();
    await held[0]!.closed;
    await eventually(async () => {
      const res = await fetch(`${srv!.url}/api/health`, { headers: { connection: 'close' } }).catch(
        () => null,
      );
      return res?.status === 200;
    });
  });

  it('[ABUSE10] a missing asset, a path out of the app and a broken body get their own status and a sentence; nothing is logged as an error, no server path anywhere', async () => {
    const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-client-'));
    fs.mkdirSync(path.join(clientDir, 'assets'));
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Oogst</title>');
    fs.writeFileSync(path.join(clientDir, 'assets', 'app-1.js'), 'console.log(1)');
    const lines: string[] = [];
    const sink = {
      log: (l: string) => lines.push(l),
      error: (l: string) => lines.push(l),
    } as unknown as Console;
    srv = await startServer({ config: { clientDir }, log: createLogger('debug', sink) });

    expect((await fetch(`${srv.url}/assets/app-1.js`)).status).toBe(200);
    // After a redeploy a browser asks for the previous build's file.
    const missing = await fetch(`${srv.url}/assets/app-0.js`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ ok: false, error: 'not_found', message: REFUSALS.noSuchFile });
    // Encoded traversal under /assets.
    for (const p of ['/assets/..%2f..%2fpackage.json', '/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd']) {
      const res = await rawGet(srv.port, p);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body)).toEqual({ ok: false, error: 'forbidden', message: REFUSALS.badPath });
    }
    // A body that says gzip but is not, and a compression the server does not read.
    const post = (encoding: string, body: string | Blob) =>
      fetch(`${srv!.url}/api/meetings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body,
      });
    for (const bad of [
      'not gzip at all',
      new Blob([Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2])]),
    ]) {
      const res = await post('gzip', bad);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        ok: false,
        error: 'invalid_payload',
        message: REFUSALS.unreadableBody,
      });
    }
    const compress = await post('compress', '{}');
    expect(compress.status).toBe(415);
    expect(await compress.json()).toEqual({
      ok: false,
      error: 'invalid_payload',
      message: REFUSALS.unsupportedEncoding,
    });

    const log = lines.join('\n');
    expect(log).not.toMatch(/ ERROR /);
    expect(log).toMatch(/ DEBUG request refused \{"status":404/);
    expect(log).not.toContain(clientDir);
    expect(log).not.toContain(os.tmpdir());
  });
});
