import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ServerProcess, spawnServer } from './process';
import { type ProxyProcess, startProxyProcess } from './proxyProcess';
import { freePort, type PrivateRedis, privateRedis } from './redis';
import { freshDatabase } from './testStore';

const ROOT = path.resolve(import.meta.dirname, '../..');
export interface ClusterNode {
  name: string;
  port: number;
  proc: ServerProcess | null;
}

export interface TestCluster {
  /** The balancer's address: what browsers and clients use. */
  url: string;
  nodes: ClusterNode[];
  redis: PrivateRedis;
  databaseUrl: string;
  /**
   * With `pgProxy`: the TCP proxy (a process of its own) every node reaches PostgreSQL through.
   * `drop()` cuts every connection and refuses new ones until `restore()`: PostgreSQL "stopped"
   * for the nodes only, while the machine's PostgreSQL goes on serving other tests.
   */
  pg: ProxyProcess | null;
  /** SIGKILL one node (a crash). */
  kill(i: number): Promise<void>;
  /** SIGTERM one node and wait for it to finish (a deploy). */
  stopNode(i: number): Promise<void>;
  /** Starts a node again on its port. */
  startNode(i: number): Promise<void>;
  /** Waits until the balancer sends traffic to exactly the nodes that run. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * [DEPLOY1] Real nodes (the server as its own process each) on one PostgreSQL database and a Redis
 * of the test's own, behind HAProxy started with deploy/haproxy.cfg (only its ports filled in).
 */
export async function startCluster(
  opts: { nodes?: number; env?: Record<string, string>; pgProxy?: boolean } = {},
): Promise<TestCluster> {
  const count = opts.nodes ?? 3;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-cluster-'));
  const [db, redis] = await Promise.all([freshDatabase(), privateRedis()]);
  const dbUrl = new URL(db.url);
  const pg = opts.pgProxy ? await startProxyProcess(Number(dbUrl.port || 5432)) : null;
  if (pg) {
    dbUrl.hostname = '127.0.0.1';
    dbUrl.port = String(pg.port);
  }
  const nodes: ClusterNode[] = [];
  for (let i = 0; i < count; i++) nodes.push({ name: `node${i + 1}`, port: await freePort(), proc: null });
  const prefix = `oogst-cluster-${process.pid}:`;
  const startNode = async (i: number) => {
    const n = nodes[i]!;
    n.proc = await spawnServer(path.join(tmp, n.name), {
      PORT: String(n.port),
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      TRUST_PROXY: '1',
      LOG_LEVEL: process.env.OOGST_CLUSTER_LOG ?? 'info',
      CLIENT_DIR: path.join(ROOT, 'dist/client'),
      ...opts.env,
    });
  };
  let haproxy: ChildProcess | null = null;
  const close = async () => {
    haproxy?.kill('SIGKILL');
    await Promise.allSettled(nodes.map((n) => n.proc?.kill('SIGKILL')));
    await redis.stop();
    await pg?.close();
    await db.drop().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    // One node first: it creates the schema; the others find it made.
    await startNode(0);
    await Promise.all(nodes.slice(1).map((_, j) => startNode(j + 1)));
  } catch (err) {
    // Nothing started is left behind when the cluster does not come up.
    await close();
    throw err;
  }

  const port = await freePort();
  const admin = path.join(tmp, 'haproxy.sock');
  let cfg = fs
    .readFileSync(path.join(ROOT, 'deploy/haproxy.cfg'), 'utf8')
    .replaceAll('__ADMIN_SOCKET__', admin)
    .replaceAll('__BIND__', '127.0.0.1')
    .replaceAll('__PORT__', String(port));
  for (let i = 0; i < 3; i++) {
    const n = nodes[i];
    cfg = n
      ? cfg.replaceAll(`__NODE${i + 1}_PORT__`, String(n.port))
      : cfg.replace(new RegExp(`^.*__NODE${i + 1}_PORT__.*$`, 'm'), '');
  }
  const cfgPath = path.join(tmp, 'haproxy.cfg');
  fs.writeFileSync(cfgPath, cfg);
  const balancer = spawn('haproxy', ['-f', cfgPath, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
  haproxy = balancer;
  process.once('exit', () => balancer.kill('SIGKILL'));
  let hlog = '';
  // OOGST_SERVER_LOG=<file>: the balancer's warnings (a node marked down) go there too.
  const logFile = process.env.OOGST_SERVER_LOG;
  const keep = (c: Buffer) => {
    hlog += c.toString();
    if (logFile) fs.appendFileSync(logFile, `haproxy: ${c.toString()}`);
  };
  balancer.stdout!.on('data', keep);
  balancer.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;

  const serverState = async (): Promise<string> => {
    // The admin socket: which servers HAProxy counts as up.
    const net = await import('node:net');
    return new Promise((resolve, reject) => {
      const s = net.createConnection(admin);
      let out = '';
      s.on('data', (c) => (out += c.toString()));
      s.on('end', () => resolve(out));
      s.on('error', reject);
      s.write('show servers state oogst\n');
    });
  };
  const settled = async () => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const want = nodes.map((n) => (n.proc ? 'up' : 'down'));
      try {
        const rows = (await serverState())
          .split('\n')
          .filter((l) => /^\d+ oogst /.test(l))
          .map((l) => l.split(' '));
        // Column 6 is srv_op_state: 0 stopped, 1 starting (in service, its weight still ramping up
        // during `slowstart`), 2 running, 3 stopping.
        const got = nodes.map((n) => {
          const state = rows.find((r) => r[3] === n.name)?.[5];
          return state === '1' || state === '2' ? 'up' : state === '0' ? 'down' : '?';
        });
        if (got.join() === want.join()) return;
      } catch {
        // HAProxy not listening yet.
      }
      if (Date.now() > deadline || balancer.exitCode !== null)
        throw new Error(`the balancer did not settle:\n${hlog}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  await settled().catch(async (err: unknown) => {
    await close();
    throw err;
  });

  return {
    url,
    nodes,
    redis,
    databaseUrl: db.url,
    pg,
    async kill(i) {
      await nodes[i]!.proc?.kill('SIGKILL');
      nodes[i]!.proc = null;
    },
    async stopNode(i) {
      await nodes[i]!.proc?.kill('SIGTERM');
      nodes[i]!.proc = null;
    },
    startNode,
    settled,
    close,
  };
}
