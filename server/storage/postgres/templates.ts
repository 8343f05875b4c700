import { type Row, toRecord } from '../sqlite/templates';
import type { TemplateRepo } from '../toolkit';
import type { Db } from './db';

export function pgTemplates(db: Db): TemplateRepo {
  return {
    async insert(t) {
      await db.query(
        'INSERT INTO templates (id, title, content, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
        [t.id, t.title, JSON.stringify(t.content), t.tokenHash, t.createdAt],
      );
    },
    async get(id) {
      const r = await db.one<Row>('SELECT * FROM templates WHERE id = $1', [id]);
      return r && toRecord(r);
    },
    async list() {
      return (await db.rows<Row>('SELECT * FROM templates ORDER BY created_at DESC, id')).map(toRecord);
    },
    async delete(id) {
      return ((await db.query('DELETE FROM templates WHERE id = $1', [id])).rowCount ?? 0) > 0;
    },
  };
}
