/**
 * Chromium's network emulation (Network.emulateNetworkConditions) delays and shapes HTTP, but not
 * the frames of an open WebSocket: measured here, a Socket.IO round trip in a page emulating
 * 150 ms RTT took 23 ms. So the throttled bench puts this TCP proxy between the browser and the
 * server: a connection whose first bytes ask for a WebSocket upgrade gets the same network in both
 * directions (half the RTT each way, the emulated bandwidth as a queue, order kept); any other
 * connection (plain HTTP, already emulated by Chromium) is passed through untouched.
 */
import net from 'node:net';
import { NETWORK } from './throttle';

interface Shaper {
  push(chunk: Buffer): void;
}

/** Writes chunks to `out` after the link's queueing (bytes / rate) and half the RTT. */
function shaper(out: net.Socket, bytesPerSecond: number, delayMs: number): Shaper {
  let free = 0;
  return {
    push(chunk) {
      const now = performance.now();
      free = Math.max(free, now) + (chunk.length / bytesPerSecond) * 1000;
      const at = free + delayMs;
      // Timers of equal or increasing delay fire in order, and `at` never decreases.
      setTimeout(() => out.writable && out.write(chunk), Math.max(0, at - now));
    },
  };
}

export interface WsDelayProxy {
  url: string;
  close(): Promise<void>;
}

export async function wsDelayProxy(target: { host: string; port: number }): Promise<WsDelayProxy> {
  const sockets = new Set<net.Socket>();
  const half = NETWORK.latency / 2;
  const server = net.createServer((client) => {
    sockets.add(client);
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    let mode: 'unknown' | 'ws' | 'http' = 'unknown';
    let up: Shaper | null = null;
    let down: Shaper | null = null;
    client.on('data', (chunk) => {
      if (mode === 'unknown') {
        const head = chunk.subarray(0, 2048).toString('latin1').toLowerCase();
        mode = /\r\nupgrade:\s*websocket/.test(head) ? 'ws' : 'http';
        if (mode === 'ws') {
          up = shaper(upstream, NETWORK.uploadThroughput, half);
          down = shaper(client, NETWORK.downloadThroughput, half);
        }
      }
      if (up) up.push(chunk);
      else upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (down) down.push(chunk);
      else client.write(chunk);
    });
    const end = () => {
      // Let chunks still in the queue go out first.
      setTimeout(
        () => {
          client.destroy();
          upstream.destroy();
        },
        mode === 'ws' ? NETWORK.latency * 2 : 0,
      );
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', () => {});
    upstream.on('error', () => {});
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => sockets.delete(upstream));
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
