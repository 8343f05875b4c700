import type { Database } from 'better-sqlite3';
import { REPLAYED } from '../applied';
import type { AgendaRepo } from '../store';
import { appliedOnce } from './applied';

export interface Row {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  body: string;
}

export const toItem = (r: Row) => ({ id: r.id, meetingId: r.meeting_id, title: r.title, body: r.body });

export function sqliteAgenda(db: Database): AgendaRepo {
  const list = db.prepare('SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position, id');
  const byId = db.prepare('SELECT * FROM agenda_items WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO agenda_items (id, meeting_id, position, title, body) VALUES (?, ?, ?, ?, ?)',
  );
  const setPos = db.prepare('UPDATE agenda_items SET position = ? WHERE id = ?');
  const setTitle = db.prepare('UPDATE agenda_items SET title = ? WHERE id = ?');
  const setBody = db.prepare('UPDATE agenda_items SET body = ? WHERE id = ?');
  const del = db.prepare('DELETE FROM agenda_items WHERE id = ? AND meeting_id = ?');
  const detach = db.prepare('UPDATE activities SET agenda_item_id = NULL WHERE agenda_item_id = ?');

  /** Positions are kept dense (0..n-1): an agenda has at most ~100 items, so renumbering is cheap. */
  const renumber = (ids: string[]) => {
    for (const [i, id] of ids.entries()) setPos.run(i, id);
  };
  const ids = (meetingId: string) => (list.all(meetingId) as Row[]).map((r) => r.id);
  const once = appliedOnce(db);

  return {
    async list(meetingId) {
      return (list.all(meetingId) as Row[]).map(toItem);
    },
    async get(id) {
      const r = byId.get(id) as Row | undefined;
      return r && toItem(r);
    },
    async insert(meetingId, item, index, key) {
      return (
        once(key, () => {
          const order = ids(meetingId);
          insert.run(item.id, meetingId, order.length, item.title, item.body);
          order.splice(Math.min(index ?? order.length, order.length), 0, item.id);
          renumber(order);
        }) !== REPLAYED
      );
    },
    async update(id, patch, key) {
      return (
        once(key, () => {
          if (patch.title !== undefined) setTitle.run(patch.title, id);
          if (patch.body !== undefined) setBody.run(patch.body, id);
        }) !== REPLAYED
      );
    },
    async move(meetingId, id, index, key) {
      return (
        once(key, () => {
          const order = ids(meetingId).filter((x) => x !== id);
          order.splice(Math.min(index, order.length), 0, id);
          renumber(order);
        }) !== REPLAYED
      );
    },
    async delete(meetingId, id, key) {
      return (
        once(key, () => {
          if (del.run(id, meetingId).changes === 0) return;
          detach.run(id);
          renumber(ids(meetingId));
        }) !== REPLAYED
      );
    },
  };
}
