import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { databaseFor, onPostgres } from './testStore';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  url: string;
  port: number;
  proc: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The real server as its own process (`server/index.ts` through tsx), so a test can SIGKILL it the
 * way a crash or power cut would, and start it again on the same data directory (on PostgreSQL:
 * the database that stands for it, `databaseFor`).
 */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const store: Record<string, string> = onPostgres ? { DATABASE_URL: await databaseFor(dataDir) } : {};
  return spawnScript(path.join(ROOT, 'server/index.ts'), { DATA_DIR: dataDir, ...store, ...env });
}

/**
 * The built server (`npm run build:server`, then `node dist/server/index.js`: what `npm start`
 * runs), on SQLite in `dataDir`. The caller builds it first.
 */
export async function spawnBuiltServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  return spawnNode([path.join(ROOT, 'dist/server/index.js')], { DATA_DIR: dataDir, ...env });
}

/**
 * Any TypeScript server script as its own process; it must print `running at http://localhost:<port>`
 * once it listens (benchmarks start their bare baselines this way).
 */
export async function spawnScript(script: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return spawnNode(['--import', 'tsx', script], env);
}

async function spawnNode(args: string[], env: Record<string, string>): Promise<ServerProcess> {
  // OOGST_NODE_FLAGS: more flags for Node in every server process (`--cpu-prof` to profile a bench).
  const flags = (process.env.OOGST_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, ['--expose-gc', ...flags, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      RATE_LIMITS: 'off',
      BROADCAST_DELAY_MS: '10',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  // OOGST_SERVER_LOG=<file>: everything the server writes goes there too (to read after a bench).
  const logFile = process.env.OOGST_SERVER_LOG;
  if (logFile) {
    const out = fs.createWriteStream(logFile, { flags: 'a' });
    proc.stdout!.pipe(out);
    proc.stderr!.pipe(out);
  }
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running when it never said it listens.
      proc.kill('SIGKILL');
      reject(new Error(`server did not start:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at http:\/\/localhost:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`server exited early:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    proc,
    exited,
    async kill(signal = 'SIGKILL') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
    },
  };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same trial. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
