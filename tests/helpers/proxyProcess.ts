import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

/** A TCP proxy the test can cut (as proxy.ts), in a process of its own. */
export interface ProxyProcess {
  url: string;
  port: number;
  /** Closes every open connection and refuses new ones; resolves once that is done. */
  drop(): Promise<void>;
  /** Lets connections through again; resolves once that is done. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The proxy of proxy.ts in its own process (tests/helpers/proxyMain.ts): what passes through it
 * does not wait for the test's own event loop, busy with hundreds of clients (the cluster's
 * nodes reach PostgreSQL through it, one round trip after another).
 */
export async function startProxyProcess(targetPort: number): Promise<ProxyProcess> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'proxyMain.ts'), String(targetPort)],
    { cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['pipe', 'pipe', 'inherit'] },
  );
  process.once('exit', () => proc.kill('SIGKILL'));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const waiting: { line: string; done: () => void }[] = [];
  let started: (port: number) => void = () => {};
  const port = new Promise<number>((resolve, reject) => {
    started = resolve;
    void exited.then(() => reject(new Error('the proxy process ended before it listened')));
  });
  readline.createInterface({ input: proc.stdout! }).on('line', (line) => {
    const m = /^port (\d+)$/.exec(line);
    if (m) return started(Number(m[1]));
    const i = waiting.findIndex((w) => w.line === line);
    if (i >= 0) waiting.splice(i, 1)[0]!.done();
  });
  const ask = (line: 'drop' | 'restore') =>
    new Promise<void>((resolve) => {
      waiting.push({ line, done: resolve });
      proc.stdin!.write(`${line}\n`);
    });
  const p = await port;
  return {
    url: `http://127.0.0.1:${p}`,
    port: p,
    drop: () => ask('drop'),
    restore: () => ask('restore'),
    async close() {
      proc.stdin!.end();
      const timer = setTimeout(() => proc.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
