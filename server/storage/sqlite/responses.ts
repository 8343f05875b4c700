import type { Database } from 'better-sqlite3';
import { REPLAYED } from '../applied';
import type { ResponseRecordRow, ResponseRepo } from '../store';
import { appliedOnce } from './applied';

export interface Row {
  activity_id: string;
  participant_id: string;
  command_id: string;
  value: string;
  note: string;
  created_at: number;
  updated_at: number;
}

export const toRecord = (r: Row): ResponseRecordRow => ({
  activityId: r.activity_id,
  participantId: r.participant_id,
  commandId: r.command_id,
  value: JSON.parse(r.value),
  note: r.note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function sqliteResponses(db: Database): ResponseRepo {
  const upsert = db.prepare(
    `INSERT INTO responses (activity_id, participant_id, command_id, value, note, created_at, updated_at)
     VALUES (@activityId, @participantId, @commandId, @value, @note, @createdAt, @updatedAt)
     ON CONFLICT (activity_id, participant_id) DO UPDATE SET
       command_id = excluded.command_id, value = excluded.value, note = excluded.note,
       updated_at = excluded.updated_at`,
  );
  const one = db.prepare('SELECT * FROM responses WHERE activity_id = ? AND participant_id = ?');
  const list = db.prepare('SELECT * FROM responses WHERE activity_id = ? ORDER BY updated_at');
  const byParticipant = db.prepare(
    `SELECT r.* FROM responses r JOIN activities a ON a.id = r.activity_id
     WHERE a.meeting_id = ? AND r.participant_id = ?`,
  );
  const count = db.prepare('SELECT count(*) AS n FROM responses WHERE activity_id = ?');
  const respondents = db.prepare('SELECT participant_id FROM responses WHERE activity_id = ?');
  const del = db.prepare('DELETE FROM responses WHERE activity_id = ? AND participant_id = ?');
  const once = appliedOnce(db);
  return {
    async upsert(r, key) {
      return once(key, () => upsert.run({ ...r, value: JSON.stringify(r.value) })) !== REPLAYED;
    },
    async get(activityId, participantId) {
      const r = one.get(activityId, participantId) as Row | undefined;
      return r && toRecord(r);
    },
    async list(activityId) {
      return (list.all(activityId) as Row[]).map(toRecord);
    },
    async listByParticipant(meetingId, participantId) {
      return (byParticipant.all(meetingId, participantId) as Row[]).map(toRecord);
    },
    async count(activityId) {
      return (count.get(activityId) as { n: number }).n;
    },
    async respondents(activityId) {
      return (respondents.all(activityId) as { participant_id: string }[]).map((r) => r.participant_id);
    },
    async delete(activityId, participantId, key) {
      return once(key, () => del.run(activityId, participantId).changes > 0);
    },
  };
}
