import { bytes } from '../sqlite/reports';
import type { ReportRepo } from '../store';
import type { Db } from './db';

/** [REPORT9] The verslag's Yjs update log, byte for byte in BYTEA; rows go with their meeting. */
export function pgReports(db: Db): ReportRepo {
  const add = async (t: Db, meetingId: string, update: Uint8Array) =>
    (await t.one<{ id: number }>(
      'INSERT INTO report_updates (meeting_id, data, created_at) VALUES ($1, $2, $3) RETURNING id',
      [meetingId, Buffer.from(update.buffer, update.byteOffset, update.byteLength), Date.now()],
    ))!.id;
  /** Deletes exactly the rows merged into `update`: a row another node appended stays. */
  const compact = (meetingId: string, update: Uint8Array, ids: readonly number[]) =>
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
      return { updates: rows.map((r) => bytes(r.data)), ids: rows.map((r) => r.id) };
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
    compact,
    async count(meetingId) {
      return (await db.one<{ n: number }>('SELECT count(*) AS n FROM report_updates WHERE meeting_id = $1', [
        meetingId,
      ]))!.n;
    },
  };
}
