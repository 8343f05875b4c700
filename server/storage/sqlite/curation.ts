import type { Database } from 'better-sqlite3';
import type { CurationRepo } from '../toolkit';

export function sqliteCuration(db: Database): CurationRepo {
  const one = db.prepare('SELECT data FROM activity_curation WHERE activity_id = ?');
  const put = db.prepare(
    `INSERT INTO activity_curation (activity_id, data) VALUES (?, ?)
     ON CONFLICT (activity_id) DO UPDATE SET data = excluded.data`,
  );
  return {
    async get(activityId) {
      const r = one.get(activityId) as { data: string } | undefined;
      return r ? JSON.parse(r.data) : undefined;
    },
    async set(activityId, data) {
      put.run(activityId, JSON.stringify(data));
    },
  };
}
