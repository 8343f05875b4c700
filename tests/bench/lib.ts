import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';

/** Percentile of a sorted copy (nearest rank). */
export function pct(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

/** Latencies by window: for each window, how many took each number of ms (`{ [ms]: count }`). */
export type WindowCounts = Record<number, number>[];

/** Counts `n` more latencies of `ms` in window `w`. */
export function countIn(windows: WindowCounts, w: number, ms: number, n = 1): void {
  const counts = windows[w] ?? {};
  windows[w] = counts;
  counts[ms] = (counts[ms] ?? 0) + n;
}

/** Adds `values` to the list under `key`. */
export function listIn(lists: Record<string, number[]>, key: string, ...values: number[]): void {
  const list = lists[key] ?? [];
  lists[key] = list;
  list.push(...values);
}

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
export function procStats(pid: number): { cpuSeconds: number; rssBytes: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  return { cpuSeconds: ticks / 100, rssBytes: rss };
}

export function machine(): string {
  const mem = Math.round(os.totalmem() / 2 ** 30);
  return `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${mem} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitUntil(check: () => boolean, timeoutMs: number, stepMs = 10): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return true;
    await sleep(stepMs);
  }
  return check();
}

/** A socket.io-client connection of its own, websocket only (as browsers end up). */
export function connect(
  url: string,
  auth: Record<string, string>,
  opts: { reconnection?: boolean } = {},
): Socket {
  return ioClient(url, {
    forceNew: true,
    transports: ['websocket'],
    auth,
    reconnection: opts.reconnection ?? false,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 15_000,
    randomizationFactor: 0.5,
    timeout: 30_000,
  });
}

export const connected = (s: Socket) =>
  new Promise<void>((resolve, reject) => {
    if (s.connected) return resolve();
    s.once('connect', () => resolve());
    s.once('connect_error', (e) => reject(e));
  });

/** Runs `fn` over `items` with at most `limit` at a time. */
export async function pool<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

export interface BenchRow {
  bench: string;
  metric: string;
  value: string;
  budget?: string;
  ok?: boolean;
}

/** Replaces the section between `<!-- bench:name -->` markers in docs/BENCHMARKS.md. */
export function writeSection(name: string, markdown: string): void {
  const file = path.resolve(import.meta.dirname, '../../docs/BENCHMARKS.md');
  let doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  doc = re.test(doc) ? doc.replace(re, block) : `${doc.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, doc);
  // The file is checked by `npm run lint` (part of `npm test`): leave it formatted as Biome wants it.
  execFileSync(
    path.resolve(import.meta.dirname, '../../node_modules/.bin/biome'),
    ['format', '--write', file],
    {
      stdio: 'ignore',
    },
  );
}

export function table(rows: BenchRow[]): string {
  const lines = ['| bench | metric | value | budget | |', '|---|---|---|---|---|'];
  for (const r of rows)
    lines.push(
      `| ${r.bench} | ${r.metric} | ${r.value} | ${r.budget ?? ''} | ${r.ok === undefined ? '' : r.ok ? 'ok' : '**missed**'} |`,
    );
  return lines.join('\n');
}

/** Resident memory of a server process after a full garbage collection (it runs with --expose-gc). */
export async function retainedRss(pid: number): Promise<number> {
  process.kill(pid, 'SIGUSR2');
  await sleep(1500);
  process.kill(pid, 'SIGUSR2');
  await sleep(1500);
  return procStats(pid).rssBytes;
}

/** The parts of a created meeting (POST /api/meetings) the benches use. */
export interface CreatedMeeting {
  code: string;
  facilitatorToken: string;
  secretaryToken: string;
}

/** Sends a command over a bench socket and returns its data; throws on a refusal. */
export async function ack<T = unknown>(s: Socket, event: string, payload?: unknown): Promise<T> {
  const r = await s.timeout(30_000).emitWithAck(event, ...(payload === undefined ? [] : [payload]));
  if (!r.ok) throw new Error(`${event}: ${JSON.stringify(r)}`);
  return r.data as T;
}

/** POSTs JSON and returns the JSON answer; throws on an error status. */
export async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * The `activity:create` payload of a break-out with one question: `rooms` rooms, random places,
 * no time box (the benches' boards). `overrides` changes any field of the spec.
 */
export function breakoutActivity(
  id: string,
  opts: { question?: string; rooms?: number; overrides?: Record<string, unknown> } = {},
) {
  return {
    id,
    agendaItemId: null,
    anonymous: false,
    spec: {
      kind: 'breakout',
      questions: [opts.question ?? 'Wat kunnen koplopers betekenen voor de aardgasvrije transitie?'],
      rooms: { by: 'count', count: opts.rooms ?? 1 },
      assignment: 'random',
      timeboxMinutes: null,
      seeOtherRooms: false,
      participantsCluster: false,
      colourBy: 'choice',
      ...opts.overrides,
    },
  };
}
