import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

/** A free TCP port on 127.0.0.1 (the OS picks it; released before it is used). */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

export interface PrivateRedis {
  url: string;
  port: number;
  /** Stops Redis (what it held is gone: it keeps nothing on disk). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

/**
 * A Redis server of this test's own on an ephemeral port, keeping nothing on disk, so a test may
 * stop and restart it without touching the machine's shared Redis (127.0.0.1:6379).
 */
export async function privateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let proc: ChildProcess | null = null;
  const start = async () => {
    const p = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    proc = p;
    // Never left running when the test process ends early (a crash, a timeout).
    process.once('exit', () => p.kill('SIGKILL'));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 10_000);
      p.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      p.once('exit', () => reject(new Error(`redis-server exited:\n${out}`)));
    });
  };
  const stop = async () => {
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null) return;
    const gone = new Promise((resolve) => p.once('exit', resolve));
    p.kill('SIGKILL');
    await gone;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop, start };
}

/** A key prefix no other test uses, for tests on the shared Redis. */
export const testPrefix = (name: string) =>
  `oogst-test:${name}:${process.pid}:${Math.random().toString(36).slice(2, 8)}:`;
