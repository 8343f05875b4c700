import { REPLAYED } from '../applied';
import { type Row, toRecord } from '../sqlite/responses';
import type { ResponseRepo } from '../store';
import { appliedOnce } from './applied';
import type { Db } from './db';

export function pgResponses(db: Db): ResponseRepo {
  const once = appliedOnce(db);
  return {
    async upsert(r, key) {
      const answer = await once(key, (t) =>
        t.query(
          `INSERT INTO responses (activity_id, participant_id, command_id, value, note, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (activity_id, participant_id) DO UPDATE SET
             command_id = excluded.command_id, value = excluded.value, note = excluded.note,
             updated_at = excluded.updated_at`,
          [
            r.activityId,
            r.participantId,
            r.commandId,
            JSON.stringify(r.value),
            r.note,
            r.createdAt,
            r.updatedAt,
          ],
        ),
      );
      return answer !== REPLAYED;
    },
    async get(activityId, participantId) {
      const r = await db.one<Row>('SELECT * FROM responses WHERE activity_id = $1 AND participant_id = $2', [
        activityId,
        participantId,
      ]);
      return r && toRecord(r);
    },
    async list(activityId) {
      return (
        await db.rows<Row>(
          'SELECT * FROM responses WHERE activity_id = $1 ORDER BY updated_at, participant_id',
          [activityId],
        )
      ).map(toRecord);
    },
    async listByParticipant(meetingId, participantId) {
      // SQLite answers these in the order they were first stored: their creation time here.
      return (
        await db.rows<Row>(
          `SELECT r.* FROM responses r JOIN activities a ON a.id = r.activity_id
           WHERE a.meeting_id = $1 AND r.participant_id = $2 ORDER BY r.created_at, r.activity_id`,
          [meetingId, participantId],
        )
      ).map(toRecord);
    },
    async count(activityId) {
      return (await db.one<{ n: number }>('SELECT count(*) AS n FROM responses WHERE activity_id = $1', [
        activityId,
      ]))!.n;
    },
    async respondents(activityId) {
      const rows = await db.rows<{ participant_id: string }>(
        'SELECT participant_id FROM responses WHERE activity_id = $1 ORDER BY participant_id',
        [activityId],
      );
      return rows.map((r) => r.participant_id);
    },
    async delete(activityId, participantId, key) {
      return once(key, async (t) => {
        const gone = await t.query('DELETE FROM responses WHERE activity_id = $1 AND participant_id = $2', [
          activityId,
          participantId,
        ]);
        return (gone.rowCount ?? 0) > 0;
      });
    },
  };
}
