import type { Database } from 'better-sqlite3';
import type { ActivityStatus } from '../../../shared/domain/types';
import { REPLAYED } from '../applied';
import type { ActivityRecord, ActivityRepo } from '../store';
import { appliedOnce } from './applied';

export interface Row {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  kind: string;
  spec: string;
  anonymous: number;
  status: string;
  revealed: number;
  created_at: number;
  updated_at: number;
}

export const toRecord = (r: Row): ActivityRecord => ({
  id: r.id,
  meetingId: r.meeting_id,
  agendaItemId: r.agenda_item_id,
  anonymous: r.anonymous === 1,
  status: r.status as ActivityStatus,
  revealed: r.revealed === 1,
  spec: JSON.parse(r.spec),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function sqliteActivities(db: Database): ActivityRepo {
  const insert = db.prepare(
    `INSERT INTO activities (id, meeting_id, agenda_item_id, kind, spec, anonymous, status, revealed, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare('SELECT * FROM activities WHERE id = ?');
  const list = db.prepare('SELECT * FROM activities WHERE meeting_id = ? ORDER BY created_at, id');
  const count = db.prepare('SELECT count(*) AS n FROM activities WHERE meeting_id = ?');
  const del = db.prepare('DELETE FROM activities WHERE id = ?');
  const update = db.prepare(
    `UPDATE activities SET agenda_item_id = @agendaItemId, anonymous = @anonymous, status = @status,
       revealed = @revealed, kind = @kind, spec = @spec, updated_at = @updatedAt WHERE id = @id`,
  );
  const once = appliedOnce(db);
  return {
    async insert(a, key) {
      return (
        once(key, () =>
          insert.run(
            a.id,
            a.meetingId,
            a.agendaItemId,
            a.spec.kind,
            JSON.stringify(a.spec),
            a.anonymous ? 1 : 0,
            a.status,
            a.revealed ? 1 : 0,
            a.createdAt,
            a.updatedAt,
          ),
        ) !== REPLAYED
      );
    },
    async get(id) {
      const r = byId.get(id) as Row | undefined;
      return r && toRecord(r);
    },
    async list(meetingId) {
      return (list.all(meetingId) as Row[]).map(toRecord);
    },
    async count(meetingId) {
      return (count.get(meetingId) as { n: number }).n;
    },
    async update(id, patch, key) {
      return (
        once(key, () => {
          const r = byId.get(id) as Row | undefined;
          if (!r) return;
          const next = { ...toRecord(r), ...patch };
          update.run({
            id,
            agendaItemId: next.agendaItemId,
            anonymous: next.anonymous ? 1 : 0,
            status: next.status,
            revealed: next.revealed ? 1 : 0,
            kind: next.spec.kind,
            spec: JSON.stringify(next.spec),
            updatedAt: Date.now(),
          });
        }) !== REPLAYED
      );
    },
    async delete(id, key) {
      return once(key, () => del.run(id)) !== REPLAYED;
    },
  };
}
