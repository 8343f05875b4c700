import { REPLAYED } from '../applied';
import { type Row, toRecord } from '../sqlite/activities';
import type { ActivityRecord, ActivityRepo } from '../store';
import { appliedOnce } from './applied';
import type { Db } from './db';

const params = (a: Omit<ActivityRecord, 'meetingId' | 'createdAt'>) => [
  a.id,
  a.agendaItemId,
  a.spec.kind,
  JSON.stringify(a.spec),
  a.anonymous ? 1 : 0,
  a.status,
  a.revealed ? 1 : 0,
  a.updatedAt,
];

export function pgActivities(db: Db): ActivityRepo {
  const once = appliedOnce(db);
  return {
    async insert(a, key) {
      const answer = await once(key, (t) =>
        t.query(
          `INSERT INTO activities (id, agenda_item_id, kind, spec, anonymous, status, revealed, updated_at,
             meeting_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [...params(a), a.meetingId, a.createdAt],
        ),
      );
      return answer !== REPLAYED;
    },
    async get(id) {
      const r = await db.one<Row>('SELECT * FROM activities WHERE id = $1', [id]);
      return r && toRecord(r);
    },
    async list(meetingId) {
      return (
        await db.rows<Row>('SELECT * FROM activities WHERE meeting_id = $1 ORDER BY created_at, id', [
          meetingId,
        ])
      ).map(toRecord);
    },
    async count(meetingId) {
      return (await db.one<{ n: number }>('SELECT count(*) AS n FROM activities WHERE meeting_id = $1', [
        meetingId,
      ]))!.n;
    },
    async update(id, patch, key) {
      const answer = await once(key, async (t) => {
        const r = await t.one<Row>('SELECT * FROM activities WHERE id = $1', [id]);
        if (!r) return;
        const next = { ...toRecord(r), ...patch, updatedAt: Date.now() };
        await t.query(
          `UPDATE activities SET agenda_item_id = $2, kind = $3, spec = $4, anonymous = $5, status = $6,
             revealed = $7, updated_at = $8 WHERE id = $1`,
          params(next),
        );
      });
      return answer !== REPLAYED;
    },
    async delete(id, key) {
      return (await once(key, (t) => t.query('DELETE FROM activities WHERE id = $1', [id]))) !== REPLAYED;
    },
  };
}
