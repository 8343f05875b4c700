import { execFileSync } from 'node:child_process';
import net from 'node:net';
import { postgresReachable } from './testStore';

type Service = 'postgres' | 'redis' | 'redis-server' | 'haproxy';

const REDIS_URL = new URL(process.env.OOGST_TEST_REDIS ?? 'redis://127.0.0.1:6379');

const reachable = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.createConnection({ host, port });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(1000, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });

const onPath = (cmd: string) => {
  for (const c of [cmd, `/usr/sbin/${cmd}`, `/usr/bin/${cmd}`]) {
    try {
      execFileSync(c, ['-v'], { stdio: 'ignore' });
      return true;
    } catch {}
  }
  return false;
};

const probes: Record<Service, () => Promise<boolean>> = {
  postgres: () => postgresReachable(),
  redis: () => reachable(REDIS_URL.hostname, Number(REDIS_URL.port || 6379)),
  'redis-server': async () => onPath('redis-server'),
  haproxy: async () => onPath('haproxy'),
};

/**
 * Whether the services a test file needs are here (PostgreSQL, Redis, the redis-server and
 * haproxy programs). Without them `npm test` still runs: the file is skipped with a warning. Under
 * CI=true a missing service fails the run (`.ci/run` installs and starts them).
 */
export async function servicesFor(file: string, ...needed: Service[]): Promise<boolean> {
  const missing: Service[] = [];
  for (const s of needed) if (!(await probes[s]())) missing.push(s);
  if (missing.length === 0) return true;
  const msg = `${file}: ${missing.join(', ')} not available`;
  if (process.env.CI === 'true') throw new Error(`${msg} (CI=true needs them; .ci/run starts them)`);
  console.warn(`${msg}: skipped`);
  return false;
}
