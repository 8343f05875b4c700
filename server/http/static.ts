import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

/**
 * The built client: hashed assets cached for a year, every other GET answered with index.html so
 * that links like /m/ABCD2345 open the app. When the client is not built, says how to build it.
 */
export function clientRouter(clientDir: string): Router {
  const r = express.Router();
  const index = path.join(clientDir, 'index.html');
  r.use(
    '/assets',
    express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  r.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  r.get(/^\/(?!api\/|socket\.io\/|yjs\/).*/, (_req, res) => {
    if (!fs.existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('The client is not built. Run `npm run build` (npm start does).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return r;
}
