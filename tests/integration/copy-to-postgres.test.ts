import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createApp } from '../../server/app';
import { readConfig } from '../../server/config';
import { seedDemoMeeting } from '../../server/demo/seed';
import { createLogger } from '../../server/log';
import { copySqliteToPostgres } from '../../server/storage/copy';
import { openPgStore } from '../../server/storage/postgres';
import { openSqliteStore } from '../../server/storage/sqlite';
import { servicesFor } from '../helpers/services';
import { freshDatabase } from '../helpers/testStore';

const log = createLogger('error');
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f();
});

/** The results route's answer for a meeting, from a server on `store` (facilitator's token). */
async function resultsOn(
  store: Parameters<typeof createApp>[0]['store'],
  dataDir: string,
  id: string,
  token: string,
) {
  const app = createApp({
    config: { ...readConfig({}), dataDir, rateLimits: readConfig({ RATE_LIMITS: 'off' }).rateLimits },
    store,
    log,
  });
  await new Promise<void>((r) => app.httpServer.listen(0, '127.0.0.1', r));
  const port = (app.httpServer.address() as { port: number }).port;
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/meetings/${id}/results`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    return await res.json();
  } finally {
    await app.close();
  }
}

/**
 * [DEPLOY4] `npm run copy-to-postgres` moves a SQLite data directory into PostgreSQL: every row of
 * every table with the same ids, the verslag's updates byte for byte, and a node on the copy
 * answers exactly as the node on SQLite did.
 */
const ready = await servicesFor('copy-to-postgres.test.ts', 'postgres');

describe.runIf(ready)('copying a SQLite data directory into PostgreSQL', () => {
  it('[DEPLOY4] the demo meeting (seed 000) with a verslag: same rows, same answers, new ids go on after the copied ones', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-copy-'));
    cleanup.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    // A node on SQLite with the demo meeting and a verslag.
    const app = createApp({ config: { ...readConfig({}), dataDir }, store: openSqliteStore(dataDir), log });
    const seeded = await seedDemoMeeting(app.ctx);
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'Verslag van de begeleidingsgroep');
    const update = Y.encodeStateAsUpdate(doc);
    await app.ctx.store.reports.append(seeded.meeting.id, update);
    await app.close();
    const before = await resultsOn(
      openSqliteStore(dataDir),
      dataDir,
      seeded.meeting.id,
      seeded.facilitatorToken,
    );

    const db = await freshDatabase();
    cleanup.push(db.drop);
    const report = await copySqliteToPostgres(dataDir, db.url);
    for (const table of [
      'meetings',
      'participants',
      'activities',
      'responses',
      'chat_messages',
      'report_updates',
    ])
      expect(report[table], table).toBeGreaterThan(0);

    // Every row of every table, compared with SQLite's.
    const sqlite = openSqliteStore(dataDir);
    const rowsBefore = await sqlite.dump();
    await sqlite.close();
    const pgStore = await openPgStore(db.url);
    cleanup.push(() => pgStore.close());
    const dump = await pgStore.dump();
    for (const [table, n] of Object.entries(report)) {
      const rows = rowsBefore[table] ?? [];
      expect(rows.length, table).toBe(n);
      expect(dump[table]?.length, table).toBe(n);
      const key = (r: Record<string, unknown>) => JSON.stringify(normalise(r));
      expect(new Set(dump[table]!.map(key)), table).toEqual(new Set(rows.map(key)));
    }

    // The verslag, byte for byte; a node on PostgreSQL answers as the one on SQLite did.
    const loaded = await pgStore.reports.load(seeded.meeting.id);
    expect(Buffer.from(loaded.updates[0]!).equals(Buffer.from(update))).toBe(true);
    // New rows get ids after the copied ones.
    const next = await pgStore.reports.append(seeded.meeting.id, update);
    expect(next).toBeGreaterThan(Math.max(...loaded.ids));
    const after = await resultsOn(pgStore, dataDir, seeded.meeting.id, seeded.facilitatorToken);
    expect(after).toEqual(before);
  });

  it('[DEPLOY4] refuses to copy into a database that holds meetings already, and changes nothing', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oogst-copy-'));
    cleanup.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const app = createApp({ config: { ...readConfig({}), dataDir }, store: openSqliteStore(dataDir), log });
    await seedDemoMeeting(app.ctx);
    await app.close();
    const db = await freshDatabase();
    cleanup.push(db.drop);
    await copySqliteToPostgres(dataDir, db.url);
    await expect(copySqliteToPostgres(dataDir, db.url)).rejects.toThrow(/holds meetings already/);
    const pgStore = await openPgStore(db.url);
    expect((await pgStore.dump()).meetings).toHaveLength(1);
    await pgStore.close();
  });
});

/** A row as plain JSON: SQLite's 0/1 and PostgreSQL's booleans alike, blobs as hex. */
function normalise(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (typeof v === 'boolean') out[k] = v ? 1 : 0;
    else if (v instanceof Uint8Array) out[k] = Buffer.from(v).toString('hex');
    else if (typeof v === 'bigint') out[k] = Number(v);
    else if (typeof v === 'string' && /^-?\d+$/.test(v) && v.length < 16) out[k] = Number(v);
    else out[k] = v;
  }
  return out;
}
