import type http from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from '../log';

export interface ConnectionLimits {
  /** A connection that has not sent a whole request after this long is closed (ms). */
  idleTimeoutMs: number;
  /** Open TCP connections per address; Infinity turns the cap off. */
  perAddress: number;
  /** Behind a reverse proxy every connection comes from the proxy: the cap is the proxy's job then. */
  trustProxy: boolean;
}

/** How long a request may take to arrive in full (headers and body), at least (ms). */
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * Options for `http.createServer`: how often Node looks for requests whose headers are late (its
 * default, 30 s, would let a slow sender hold a connection well past the idle timeout).
 */
export function serverOptions(idleTimeoutMs: number): http.ServerOptions {
  return { connectionsCheckingInterval: Math.max(250, Math.min(30_000, Math.floor(idleTimeoutMs / 2))) };
}

/**
 * [ABUSE9] Connections that send nothing do not stay open forever, and one address cannot hold
 * more than its share of them.
 *
 * Node closes a connection whose request headers do not arrive in time, but only checks every
 * `connectionsCheckingInterval`, and never a connection that sent nothing at all: that one gets an
 * idle timeout of its own until its first request. Once a request came the timeout is lifted (a
 * long-poll waits quietly for up to half a minute; websockets ping on their own and `ws` lifts
 * the timeout at the upgrade), and Node's keep-alive timeout takes over between requests.
 */
export function guardConnections(server: http.Server, limits: ConnectionLimits, log: Logger): void {
  server.headersTimeout = limits.idleTimeoutMs;
  server.requestTimeout = Math.max(REQUEST_TIMEOUT_MS, limits.idleTimeoutMs);
  const open = new Map<string, number>();
  const capped = !limits.trustProxy && Number.isFinite(limits.perAddress);

  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    if (capped) {
      const n = open.get(address) ?? 0;
      if (n >= limits.perAddress) {
        log.debug('connection refused: too many open from one address', { open: n });
        socket.destroy();
        return;
      }
      open.set(address, n + 1);
      socket.once('close', () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left > 0) open.set(address, left);
        else open.delete(address);
      });
    }
    // Node's own timeout handler on the socket destroys it when nobody else claims the timeout.
    socket.setTimeout(limits.idleTimeoutMs);
  });
  const started = (socket: Socket) => socket.setTimeout(0);
  server.on('request', (req: http.IncomingMessage) => started(req.socket));
  server.on('upgrade', (req: http.IncomingMessage) => started(req.socket));
}
