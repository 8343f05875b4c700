import { type Row, toRecord } from '../sqlite/participants';
import type { ParticipantRepo } from '../store';
import { type Db, lockKey } from './db';

export function pgParticipants(db: Db): ParticipantRepo {
  return {
    async insert(p) {
      await db.query(
        `INSERT INTO participants (id, meeting_id, name, org_type, token_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [p.id, p.meetingId, p.name, p.orgType, p.tokenHash, p.createdAt],
      );
    },
    async insertIfRoom(p, limit) {
      const [r] = await db.atomic<{ ok: boolean }>(
        'SELECT oogst_insert_participant($1, $2, $3, $4, $5, $6, $7, $8) AS ok',
        [
          lockKey(`participants:${p.meetingId}`),
          p.id,
          p.meetingId,
          p.name,
          p.orgType,
          p.tokenHash,
          p.createdAt,
          limit,
        ],
      );
      return r!.ok;
    },
    async get(id) {
      const r = await db.one<Row>('SELECT * FROM participants WHERE id = $1', [id]);
      return r && toRecord(r);
    },
    async getByToken(meetingId, tokenHash) {
      const r = await db.one<Row>('SELECT * FROM participants WHERE meeting_id = $1 AND token_hash = $2', [
        meetingId,
        tokenHash,
      ]);
      return r && toRecord(r);
    },
    async list(meetingId) {
      return (
        await db.rows<Row>('SELECT * FROM participants WHERE meeting_id = $1 ORDER BY created_at, id', [
          meetingId,
        ])
      ).map(toRecord);
    },
    async count(meetingId) {
      return (await db.one<{ n: number }>('SELECT count(*) AS n FROM participants WHERE meeting_id = $1', [
        meetingId,
      ]))!.n;
    },
    async update(id, patch) {
      // One statement: an absent field keeps its value.
      await db.query(
        `UPDATE participants SET name = CASE WHEN $2 THEN $3 ELSE name END,
           org_type = CASE WHEN $4 THEN $5 ELSE org_type END WHERE id = $1`,
        [
          id,
          patch.name !== undefined,
          patch.name ?? null,
          patch.orgType !== undefined,
          patch.orgType ?? null,
        ],
      );
    },
  };
}
