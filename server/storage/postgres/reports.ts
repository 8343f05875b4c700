import { bytes } from '../sqlite/reports';
import type { ReportRepo } from '../store';
import type { Db } from './db';

/**
 * The verslag's compaction in both forms: `compact(…, uptoId)` as the `ReportRepo` contract has it
 * now, and `compactIds` (also `compact` given ids), which deletes exactly the rows it merged, so
 * that a row another node appended meanwhile is never lost.
 */
export interface PgReportRepo extends ReportRepo {
  load(meetingId: string): Promise<{ updates: Uint8Array[]; lastId: number; ids: number[] }>;
  compact(meetingId: string, update: Uint8Array, upto: number | readonly number[]): Promise<number>;
  compactIds(meetingId: string, update: Uint8Array, ids: readonly number[]): Promise<number>;
}

/** [REPORT9] The verslag's Yjs update log, byte for byte in BYTEA; rows go with their meeting. */
export function pgReports(db: Db): PgReportRepo {
  const add = async (t: Db, meetingId: string, update: Uint8Array) =>
    (await t.one<{ id: number }>(
      'INSERT INTO report_updates (meeting_id, data, created_at) VALUES ($1, $2, $3) RETURNING id',
      [meetingId, Buffer.from(update.buffer, update.byteOffset, update.byteLength), Date.now()],
    ))!.id;
  const compactIds = (meetingId: string, update: Uint8Array, ids: readonly number[]) =>
    db.tx(async (t) => {
      await t.query('DELETE FROM report_updates WHERE meeting_id = $1 AND id = ANY($2::bigint[])', [
        meetingId,
        ids,
      ]);
      return add(t, meetingId, update);
    });
  return {
    async load(meetingId) {
      const rows = await db.rows<{ id: number; data: Buffer }>(
        'SELECT id, data FROM report_updates WHERE meeting_id = $1 ORDER BY id',
        [meetingId],
      );
      const ids = rows.map((r) => r.id);
      return { updates: rows.map((r) => bytes(r.data)), lastId: ids[ids.length - 1] ?? 0, ids };
    },
    append(meetingId, update) {
      return add(db, meetingId, update);
    },
    initialise(meetingId, update) {
      return db.tx(async (t) => {
        // Serializable: two nodes initialising at once cannot both see an empty log (one is run
        // again and then sees the other's row).
        if (await t.one('SELECT 1 FROM report_updates WHERE meeting_id = $1 LIMIT 1', [meetingId]))
          return null;
        return add(t, meetingId, update);
      });
    },
    compact(meetingId, update, upto) {
      if (typeof upto !== 'number') return compactIds(meetingId, update, upto);
      return db.tx(async (t) => {
        await t.query('DELETE FROM report_updates WHERE meeting_id = $1 AND id <= $2', [meetingId, upto]);
        return add(t, meetingId, update);
      });
    },
    compactIds,
    async count(meetingId) {
      return (await db.one<{ n: number }>('SELECT count(*) AS n FROM report_updates WHERE meeting_id = $1', [
        meetingId,
      ]))!.n;
    },
  };
}
