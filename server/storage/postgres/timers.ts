import type { TimerView } from '../../../shared/domain/timer';
import { REPLAYED } from '../applied';
import { type Row, toView } from '../sqlite/timers';
import type { TimerRepo } from '../toolkit';
import { appliedOnce } from './applied';
import type { Db } from './db';

const PUT = `INSERT INTO timers (meeting_id, scope, status, duration_ms, ends_at, remaining_ms, label, updated_at,
    last_command_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (meeting_id, scope) DO UPDATE SET status = excluded.status, duration_ms = excluded.duration_ms,
    ends_at = excluded.ends_at, remaining_ms = excluded.remaining_ms, label = excluded.label,
    updated_at = excluded.updated_at, last_command_id = excluded.last_command_id`;

export function pgTimers(db: Db): TimerRepo {
  const put = (t: Db, meetingId: string, v: TimerView, commandId: string) =>
    t.query(PUT, [
      meetingId,
      v.scope,
      v.status,
      v.durationMs,
      v.endsAt,
      v.remainingMs,
      v.label,
      v.updatedAt,
      commandId,
    ]);
  const once = appliedOnce(db);
  return {
    async get(meetingId, scope) {
      const r = await db.one<Row>('SELECT * FROM timers WHERE meeting_id = $1 AND scope = $2', [
        meetingId,
        scope,
      ]);
      return r && { ...toView(r), lastCommandId: r.last_command_id };
    },
    async put(meetingId, v, key) {
      return (await once(key, (t) => put(t, meetingId, v, key.commandId))) !== REPLAYED;
    },
    async putMany(meetingId, timers, key) {
      const answer = await once(key, async (t) => {
        for (const v of timers) await put(t, meetingId, v, key.commandId);
      });
      return answer !== REPLAYED;
    },
    async list(meetingId) {
      return (
        await db.rows<Row>('SELECT * FROM timers WHERE meeting_id = $1 ORDER BY scope', [meetingId])
      ).map(toView);
    },
  };
}
