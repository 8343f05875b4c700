import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { createApp } from '../../server/app';
import { readConfig } from '../../server/config';
import { seedDemoMeeting } from '../../server/demo/seed';
import { silentLogger } from '../../server/log';
import { openSqliteStore, SQLITE_FILE } from '../../server/storage/sqlite';
import { blocksToDoc } from '../../shared/report/document';
import { appendBlocks } from '../../shared/report/ydoc';

/** Bump when what a history holds changes: the cached data directory is made again. */
const HISTORY_VERSION = 1;
const DAY = 86_400_000;
/** A cache older than this is made again: its oldest meetings would come near RETENTION_DAYS (90). */
const CACHE_DAYS = 20;

const SEED = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/seed-000-verslag.txt'), 'utf8');

/** A verslag as one Yjs update: the seed verslag's text (about 20 KB). */
function verslagUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const paragraphs = SEED.split(/\n\s*\n/)
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  appendBlocks(
    doc,
    blocksToDoc(paragraphs.map((text) => ({ type: 'paragraph' as const, content: [{ text }] }))),
  );
  return Y.encodeStateAsUpdate(doc);
}

/**
 * Writes `count` finished demo meetings (server/demo/seed.ts: agenda, a revealed scale poll, chat
 * with tips and votes, ended break-outs with boards and a synthesis, a timer long run out) and a
 * verslag for each into a SQLite data directory, through the real store and services. Their
 * creation days are spread over the last 60 days. Written on /dev/shm when there is one (SQLite's
 * fsync per commit makes a disk ten times slower), then moved.
 */
async function generate(dir: string, count: number): Promise<void> {
  const scratch = fs.mkdtempSync(
    path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'oogst-hist-'),
  );
  let clock = Date.now();
  const config = { ...readConfig({}), dataDir: scratch, retentionDays: 0 };
  const store = openSqliteStore(scratch);
  const app = createApp({ config, store, log: silentLogger, now: () => clock });
  const update = verslagUpdate();
  const start = Date.now();
  for (let i = 0; i < count; i++) {
    clock = start - (i % 60) * DAY - (i % 7) * 3_600_000;
    const { meeting } = await seedDemoMeeting(app.ctx);
    await store.reports.append(meeting.id, update);
  }
  await app.close();
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(scratch, SQLITE_FILE), path.join(dir, SQLITE_FILE));
  fs.rmSync(scratch, { recursive: true, force: true });
}

/**
 * A fresh copy of a data directory holding `count` finished meetings. The history itself is made
 * once and kept under os.tmpdir() by version and size, so reruns take a file copy.
 */
export async function historyDir(count: number): Promise<string> {
  const cache = path.join(os.tmpdir(), `oogst-bench-history-v${HISTORY_VERSION}-${count}`);
  const file = path.join(cache, SQLITE_FILE);
  const fresh = fs.existsSync(file) && Date.now() - fs.statSync(file).mtimeMs < CACHE_DAYS * DAY;
  if (!fresh) {
    const t0 = performance.now();
    fs.rmSync(cache, { recursive: true, force: true });
    const building = `${cache}.building-${process.pid}`;
    await generate(building, count);
    fs.renameSync(building, cache);
    console.log(`  history of ${count} meetings made in ${Math.round(performance.now() - t0)} ms (${cache})`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-bench-restart-'));
  fs.copyFileSync(file, path.join(dir, SQLITE_FILE));
  return dir;
}
