import type { Database } from 'better-sqlite3';
import type { TemplateRecord, TemplateRepo } from '../toolkit';

export interface Row {
  id: string;
  title: string;
  content: string;
  token_hash: string;
  created_at: number;
}

export const toRecord = (r: Row): TemplateRecord => ({
  id: r.id,
  title: r.title,
  content: JSON.parse(r.content),
  tokenHash: r.token_hash,
  createdAt: r.created_at,
});

export function sqliteTemplates(db: Database): TemplateRepo {
  const insert = db.prepare(
    'INSERT INTO templates (id, title, content, token_hash, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const one = db.prepare('SELECT * FROM templates WHERE id = ?');
  const list = db.prepare('SELECT * FROM templates ORDER BY created_at DESC, id');
  const del = db.prepare('DELETE FROM templates WHERE id = ?');
  return {
    async insert(t) {
      insert.run(t.id, t.title, JSON.stringify(t.content), t.tokenHash, t.createdAt);
    },
    async get(id) {
      const r = one.get(id) as Row | undefined;
      return r && toRecord(r);
    },
    async list() {
      return (list.all() as Row[]).map(toRecord);
    },
    async delete(id) {
      return del.run(id).changes > 0;
    },
  };
}
