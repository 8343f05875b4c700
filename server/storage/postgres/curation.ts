import type { CurationRepo } from '../toolkit';
import type { Db } from './db';

export function pgCuration(db: Db): CurationRepo {
  return {
    async get(activityId) {
      const r = await db.one<{ data: string }>('SELECT data FROM activity_curation WHERE activity_id = $1', [
        activityId,
      ]);
      return r ? JSON.parse(r.data) : undefined;
    },
    async set(activityId, data) {
      await db.query(
        `INSERT INTO activity_curation (activity_id, data) VALUES ($1, $2)
         ON CONFLICT (activity_id) DO UPDATE SET data = excluded.data`,
        [activityId, JSON.stringify(data)],
      );
    },
  };
}
