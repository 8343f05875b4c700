import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../client/precompress';
import { startServer, type TestServer } from '../helpers/server';

let srv: TestServer;
let clientDir: string;
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `woord ${i}`))};\n`;
const SMALL = 'console.log(1);\n';

beforeAll(async () => {
  clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-client-'));
  fs.mkdirSync(path.join(clientDir, 'assets'));
  fs.writeFileSync(
    path.join(clientDir, 'index.html'),
    '<!doctype html><html><head><title>Oogst</title></head><body></body></html>',
  );
  // What the build's manifest says of the entry and of a lazy view (client/vite.config.ts).
  fs.mkdirSync(path.join(clientDir, '.vite'));
  fs.writeFileSync(
    path.join(clientDir, '.vite', 'manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/index-AbC123.js', isEntry: true, imports: ['_shared-1.js'] },
      '_shared-1.js': { file: 'assets/shared-1.js' },
      'features/secretary/SecretaryView.tsx': {
        file: 'assets/SecretaryView-1.js',
        imports: ['_shared-1.js', '_ReportWorkspace-1.js'],
        css: ['assets/SecretaryView-1.css'],
      },
      '_ReportWorkspace-1.js': { file: 'assets/ReportWorkspace-1.js', imports: ['index.html'] },
    }),
  );
  fs.writeFileSync(path.join(clientDir, 'assets', 'index-AbC123.js'), SCRIPT);
  fs.writeFileSync(path.join(clientDir, 'assets', 'tiny-AbC123.js'), SMALL);
  // The build step itself (the vite plugin runs this on dist/client/assets).
  precompressDir(path.join(clientDir, 'assets'));
  srv = await startServer({ config: { clientDir } });
});
afterAll(async () => {
  await srv?.close();
  fs.rmSync(clientDir, { recursive: true, force: true });
});

/** A raw GET (node:http adds no Accept-Encoding and decodes nothing, unlike fetch). */
function get(pathname: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: srv.port, path: pathname, method, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('the built client over HTTP', () => {
  it('[PERF1] the build writes brotli and gzip copies of text assets, only where they are smaller', () => {
    const files = fs.readdirSync(path.join(clientDir, 'assets')).sort();
    expect(files).toEqual(['index-AbC123.js', 'index-AbC123.js.br', 'index-AbC123.js.gz', 'tiny-AbC123.js']);
  });

  it('[PERF1] a hashed asset comes as brotli or gzip as the browser accepts, with Vary, cached for a year', async () => {
    const cases: [string | undefined, string | undefined][] = [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=0.5, br;q=1', 'br'],
      ['identity', undefined],
      [undefined, undefined],
    ];
    for (const [accept, expected] of cases) {
      const res = await get('/assets/index-AbC123.js', accept ? { 'accept-encoding': accept } : {});
      expect(res.status, String(accept)).toBe(200);
      expect(res.headers['content-encoding'], String(accept)).toBe(expected);
      expect(res.headers.vary, String(accept)).toMatch(/accept-encoding/i);
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
      const body =
        expected === 'br'
          ? zlib.brotliDecompressSync(res.body)
          : expected === 'gzip'
            ? zlib.gunzipSync(res.body)
            : res.body;
      expect(body.toString()).toBe(SCRIPT);
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      if (expected) expect(res.body.length).toBeLessThan(SCRIPT.length / 3);
    }
    const head = await get('/assets/index-AbC123.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
  });

  it('[PERF1] an asset without copies is sent as it is; a missing one is still a 404 (ABUSE10)', async () => {
    const tiny = await get('/assets/tiny-AbC123.js', { 'accept-encoding': 'br, gzip' });
    expect(tiny.status).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.headers['cache-control']).toBe(IMMUTABLE);
    expect(tiny.body.toString()).toBe(SMALL);
    const missing = await get('/assets/index-Old999.js', { 'accept-encoding': 'br, gzip' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    // The copies are not a way around the names the build wrote.
    const copy = await get('/assets/index-AbC123.js.br');
    expect(copy.headers['content-encoding']).toBeUndefined();
  });

  it('[PERF1] index.html is never used from a cache without asking (no-cache), under any path', async () => {
    for (const p of ['/', '/m/ABCD2345', '/m/ABCD2345/verslag', '/index.html']) {
      const res = await get(p, { 'accept-encoding': 'br, gzip' });
      expect(res.status, p).toBe(200);
      expect(res.headers['cache-control'], p).toBe('no-cache');
      expect(res.body.toString(), p).toContain('<title>Oogst</title>');
    }
  });

  it('[PERF4] a lazy view’s link gets its chunks as modulepreload hints beside the entry; other pages none', async () => {
    const secretary = (await get('/m/ABCD2345/verslag')).body.toString();
    const hints = [
      ...secretary.matchAll(/<link rel="(modulepreload|stylesheet)" crossorigin href="([^"]+)">/g),
    ];
    expect(hints.map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'modulepreload /assets/SecretaryView-1.js',
      'stylesheet /assets/SecretaryView-1.css',
      'modulepreload /assets/ReportWorkspace-1.js',
    ]);
    expect(secretary.indexOf('SecretaryView-1.js')).toBeLessThan(secretary.indexOf('</head>'));
    for (const p of ['/m/ABCD2345', '/', '/m/ABCD2345/scherm']) {
      expect((await get(p)).body.toString(), p).not.toContain('modulepreload');
    }
    // The hints are part of the page, so a new build's page (no-cache) brings its own.
    const again = await get('/m/ABCD2345/verslag', {
      'if-none-match': String((await get('/m/X/verslag')).headers.etag),
    });
    expect(again.status).toBe(304);
  });
});
