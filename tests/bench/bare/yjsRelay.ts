/**
 * The bare y-websocket baseline: @y/websocket-server's own utilities on a plain `ws` server, no
 * auth, no persistence, every client publishing presence as it likes. Oogst's verslag endpoint is
 * compared against this.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const server = http.createServer();
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (req, socket, head) => {
  const docName = (req.url ?? '/').split('?')[0]!.split('/').filter(Boolean).pop() ?? 'doc';
  wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req, { docName, gc: true }));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`bare y-websocket relay running at http://localhost:${(server.address() as AddressInfo).port}`);
});
