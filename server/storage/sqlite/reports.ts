import type { Database } from 'better-sqlite3';
import type { ReportRepo } from '../store';

export const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** [REPORT9] The verslag's Yjs update log in SQLite; rows go with their meeting (FK cascade). */
export function sqliteReports(db: Database): ReportRepo {
  const all = db.prepare('SELECT id, data FROM report_updates WHERE meeting_id = ? ORDER BY id');
  const insert = db.prepare('INSERT INTO report_updates (meeting_id, data, created_at) VALUES (?, ?, ?)');
  const any = db.prepare('SELECT 1 FROM report_updates WHERE meeting_id = ? LIMIT 1');
  const delIds = db.prepare(
    'DELETE FROM report_updates WHERE meeting_id = ? AND id IN (SELECT value FROM json_each(?))',
  );
  const count = db.prepare('SELECT count(*) AS n FROM report_updates WHERE meeting_id = ?');
  const add = (meetingId: string, update: Uint8Array) =>
    Number(insert.run(meetingId, Buffer.from(update), Date.now()).lastInsertRowid);
  const initialise = db.transaction((meetingId: string, update: Uint8Array) =>
    any.get(meetingId) ? null : add(meetingId, update),
  );
  const compact = db.transaction((meetingId: string, update: Uint8Array, ids: readonly number[]) => {
    delIds.run(meetingId, JSON.stringify(ids));
    return add(meetingId, update);
  });
  return {
    async load(meetingId) {
      const rows = all.all(meetingId) as { id: number; data: Buffer }[];
      return { updates: rows.map((r) => bytes(r.data)), ids: rows.map((r) => r.id) };
    },
    async append(meetingId, update) {
      return add(meetingId, update);
    },
    async initialise(meetingId, update) {
      return initialise.immediate(meetingId, update);
    },
    async compact(meetingId, update, ids) {
      return compact.immediate(meetingId, update, ids);
    },
    async count(meetingId) {
      return (count.get(meetingId) as { n: number }).n;
    },
  };
}
