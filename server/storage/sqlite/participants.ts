import type { Database } from 'better-sqlite3';
import type { OrgType } from '../../../shared/domain/roles';
import type { ParticipantRecord, ParticipantRepo } from '../store';

export interface Row {
  id: string;
  meeting_id: string;
  name: string;
  org_type: string | null;
  token_hash: string;
  created_at: number;
}

export const toRecord = (r: Row): ParticipantRecord => ({
  id: r.id,
  meetingId: r.meeting_id,
  name: r.name,
  orgType: r.org_type as OrgType | null,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
});

export function sqliteParticipants(db: Database): ParticipantRepo {
  const insert = db.prepare(
    `INSERT INTO participants (id, meeting_id, name, org_type, token_hash, created_at)
     VALUES (@id, @meetingId, @name, @orgType, @tokenHash, @createdAt)`,
  );
  const insertIfRoom = db.prepare(
    `INSERT INTO participants (id, meeting_id, name, org_type, token_hash, created_at)
     SELECT @id, @meetingId, @name, @orgType, @tokenHash, @createdAt
     WHERE (SELECT count(*) FROM participants WHERE meeting_id = @meetingId) < @limit`,
  );
  const byId = db.prepare('SELECT * FROM participants WHERE id = ?');
  const byToken = db.prepare('SELECT * FROM participants WHERE meeting_id = ? AND token_hash = ?');
  const list = db.prepare('SELECT * FROM participants WHERE meeting_id = ? ORDER BY created_at, id');
  const count = db.prepare('SELECT count(*) AS n FROM participants WHERE meeting_id = ?');
  const setName = db.prepare('UPDATE participants SET name = ? WHERE id = ?');
  const setOrg = db.prepare('UPDATE participants SET org_type = ? WHERE id = ?');
  return {
    async insert(p) {
      insert.run(p);
    },
    async insertIfRoom(p, limit) {
      return insertIfRoom.run({ ...p, limit }).changes === 1;
    },
    async get(id) {
      const r = byId.get(id) as Row | undefined;
      return r && toRecord(r);
    },
    async getByToken(meetingId, tokenHash) {
      const r = byToken.get(meetingId, tokenHash) as Row | undefined;
      return r && toRecord(r);
    },
    async list(meetingId) {
      return (list.all(meetingId) as Row[]).map(toRecord);
    },
    async count(meetingId) {
      return (count.get(meetingId) as { n: number }).n;
    },
    async update(id, patch) {
      db.transaction(() => {
        if (patch.name !== undefined) setName.run(patch.name, id);
        if (patch.orgType !== undefined) setOrg.run(patch.orgType, id);
      })();
    },
  };
}
