import type { Database } from 'better-sqlite3';
import type { Scope } from '../../../shared/domain/scopes';
import type { TimerView } from '../../../shared/domain/timer';
import { REPLAYED } from '../applied';
import type { TimerRepo } from '../toolkit';
import { appliedOnce } from './applied';

export interface Row {
  meeting_id: string;
  scope: string;
  status: string;
  duration_ms: number;
  ends_at: number | null;
  remaining_ms: number | null;
  label: string;
  updated_at: number;
  last_command_id: string | null;
}

export const toView = (r: Row): TimerView => ({
  scope: r.scope as Scope,
  status: r.status as TimerView['status'],
  durationMs: r.duration_ms,
  endsAt: r.ends_at,
  remainingMs: r.remaining_ms,
  label: r.label,
  updatedAt: r.updated_at,
});

export function sqliteTimers(db: Database): TimerRepo {
  const one = db.prepare('SELECT * FROM timers WHERE meeting_id = ? AND scope = ?');
  const list = db.prepare('SELECT * FROM timers WHERE meeting_id = ? ORDER BY scope');
  const put = db.prepare(
    `INSERT INTO timers (meeting_id, scope, status, duration_ms, ends_at, remaining_ms, label, updated_at, last_command_id)
     VALUES (@meetingId, @scope, @status, @durationMs, @endsAt, @remainingMs, @label, @updatedAt, @commandId)
     ON CONFLICT (meeting_id, scope) DO UPDATE SET status = excluded.status, duration_ms = excluded.duration_ms,
       ends_at = excluded.ends_at, remaining_ms = excluded.remaining_ms, label = excluded.label,
       updated_at = excluded.updated_at, last_command_id = excluded.last_command_id`,
  );
  const once = appliedOnce(db);
  return {
    async get(meetingId, scope) {
      const r = one.get(meetingId, scope) as Row | undefined;
      return r && { ...toView(r), lastCommandId: r.last_command_id };
    },
    async put(meetingId, t, key) {
      return once(key, () => put.run({ meetingId, ...t, commandId: key.commandId })) !== REPLAYED;
    },
    async putMany(meetingId, timers, key) {
      return (
        once(key, () => {
          for (const t of timers) put.run({ meetingId, ...t, commandId: key.commandId });
        }) !== REPLAYED
      );
    },
    async list(meetingId) {
      return (list.all(meetingId) as Row[]).map(toView);
    },
  };
}
