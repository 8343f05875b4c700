import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { indexPages } from './viewPreload';

const YEAR = '365d';
/** A file name the build writes into assets/: no folders, no dot files. */
const ASSET_NAME = /^\/[\w-][\w.-]*$/;
const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

/**
 * [PERF1] A hashed asset's compressed copy (made at build time by client/precompress.ts) when the
 * browser accepts it: brotli before gzip, `Content-Encoding` set, `Vary: Accept-Encoding` on every
 * asset that has a copy, cached for a year like the asset itself. Otherwise on to express.static.
 */
function precompressed(assetsDir: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !ASSET_NAME.test(req.path)) return next();
    const file = path.join(assetsDir, req.path.slice(1));
    const have = ENCODINGS.filter((e) => fs.existsSync(file + e.ext));
    if (have.length === 0) return next();
    res.vary('Accept-Encoding');
    // Brotli wherever the browser takes it (q > 0), even where it lists gzip first as Chromium
    // does: it is the smaller one. No Accept-Encoding: the file as it is.
    const encoding = req.headers['accept-encoding']
      ? have.find((e) => req.acceptsEncodings(e.name) === e.name)
      : undefined;
    if (!encoding) return next();
    res.type(path.extname(file));
    res.setHeader('Content-Encoding', encoding.name);
    res.sendFile(file + encoding.ext, { immutable: true, maxAge: YEAR, dotfiles: 'deny' }, (err) => {
      if (err && !res.headersSent) {
        res.removeHeader('Content-Encoding');
        next();
      }
    });
  };
}

/**
 * The built client: hashed assets cached for a year (compressed copies where the browser takes
 * them), every other GET answered with index.html (never cached without asking: `no-cache`, so a
 * new build is seen at once) so that links like /m/ABCD2345 open the app. When the client is not
 * built, says how to build it.
 */
export function clientRouter(clientDir: string): Router {
  const r = express.Router();
  const assets = path.join(clientDir, 'assets');
  r.use('/assets', precompressed(assets));
  r.use('/assets', express.static(assets, { immutable: true, maxAge: YEAR, fallthrough: false }));
  r.use(
    express.static(clientDir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, file) => {
        if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  const page = indexPages(clientDir);
  r.get(/^\/(?!api\/|socket\.io\/|yjs\/).*/, (req, res) => {
    const html = page(req.path);
    if (html === null) {
      res
        .status(503)
        .type('text/plain')
        .send('The client is not built. Run `npm run build` (npm start does).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(html);
  });
  return r;
}
