import type { Database } from 'better-sqlite3';
import { CodeTakenError, type MeetingRecord, type MeetingRepo } from '../store';

export interface Row {
  id: string;
  code: string;
  title: string;
  date: string | null;
  created_at: number;
  facilitator_hash: string;
  secretary_hash: string;
  current_item_id: string | null;
}

export const toRecord = (r: Row): MeetingRecord => ({
  id: r.id,
  code: r.code,
  title: r.title,
  date: r.date,
  createdAt: r.created_at,
  facilitatorTokenHash: r.facilitator_hash,
  secretaryTokenHash: r.secretary_hash,
  currentItemId: r.current_item_id,
});

export function sqliteMeetings(db: Database): MeetingRepo {
  const insert = db.prepare(
    `INSERT INTO meetings (id, code, title, date, created_at, facilitator_hash, secretary_hash, current_item_id)
     VALUES (@id, @code, @title, @date, @createdAt, @facilitatorTokenHash, @secretaryTokenHash, @currentItemId)`,
  );
  const byId = db.prepare('SELECT * FROM meetings WHERE id = ?');
  const byCode = db.prepare('SELECT * FROM meetings WHERE code = ?');
  const del = db.prepare('DELETE FROM meetings WHERE id = ?');
  const before = db.prepare('SELECT id FROM meetings WHERE created_at < ?');
  const updaters = {
    title: db.prepare('UPDATE meetings SET title = ? WHERE id = ?'),
    date: db.prepare('UPDATE meetings SET date = ? WHERE id = ?'),
    currentItemId: db.prepare('UPDATE meetings SET current_item_id = ? WHERE id = ?'),
  };
  return {
    async insert(m) {
      try {
        insert.run(m);
      } catch (err) {
        if (err instanceof Error && /UNIQUE constraint failed: meetings\.code/.test(err.message)) {
          throw new CodeTakenError(m.code);
        }
        throw err;
      }
    },
    async get(id) {
      const r = byId.get(id) as Row | undefined;
      return r && toRecord(r);
    },
    async getByCode(code) {
      const r = byCode.get(code) as Row | undefined;
      return r && toRecord(r);
    },
    async update(id, patch) {
      db.transaction(() => {
        for (const key of Object.keys(patch) as (keyof typeof updaters)[]) {
          updaters[key].run(patch[key] ?? null, id);
        }
      })();
    },
    async delete(id) {
      del.run(id);
      // Fold the WAL back into the (securely overwritten) main file so no old copy lingers there.
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    async listCreatedBefore(time) {
      return (before.all(time) as { id: string }[]).map((r) => r.id);
    },
  };
}
