import { type Row, toRecord } from '../sqlite/meetings';
import { CodeTakenError, type MeetingRepo } from '../store';
import { type Db, sqlState } from './db';

const COLUMNS = { title: 'title', date: 'date', currentItemId: 'current_item_id' } as const;

export function pgMeetings(db: Db): MeetingRepo {
  return {
    async insert(m) {
      try {
        // A savepoint inside a transaction: the caller may catch CodeTakenError and try another code.
        await db.tx((t) =>
          t.query(
            `INSERT INTO meetings (id, code, title, date, created_at, facilitator_hash, secretary_hash, current_item_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [
              m.id,
              m.code,
              m.title,
              m.date,
              m.createdAt,
              m.facilitatorTokenHash,
              m.secretaryTokenHash,
              m.currentItemId,
            ],
          ),
        );
      } catch (err) {
        const constraint = (err as { constraint?: string }).constraint;
        if (sqlState(err) === '23505' && constraint === 'meetings_code_key') throw new CodeTakenError(m.code);
        throw err;
      }
    },
    async get(id) {
      const r = await db.one<Row>('SELECT * FROM meetings WHERE id = $1', [id]);
      return r && toRecord(r);
    },
    async getByCode(code) {
      const r = await db.one<Row>('SELECT * FROM meetings WHERE code = $1', [code]);
      return r && toRecord(r);
    },
    async update(id, patch) {
      const keys = (Object.keys(patch) as (keyof typeof COLUMNS)[]).filter((k) => k in COLUMNS);
      if (keys.length === 0) return;
      const sets = keys.map((k, i) => `${COLUMNS[k]} = $${i + 2}`).join(', ');
      await db.query(`UPDATE meetings SET ${sets} WHERE id = $1`, [id, ...keys.map((k) => patch[k] ?? null)]);
    },
    async delete(id) {
      // Everything of the meeting goes with it (ON DELETE CASCADE). VACUUM reclaims the space.
      await db.query('DELETE FROM meetings WHERE id = $1', [id]);
    },
    async listCreatedBefore(time) {
      return (await db.rows<{ id: string }>('SELECT id FROM meetings WHERE created_at < $1', [time])).map(
        (r) => r.id,
      );
    },
  };
}
