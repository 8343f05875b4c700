import { REPLAYED } from '../applied';
import { type Row, toItem } from '../sqlite/agenda';
import type { AgendaRepo } from '../store';
import { appliedOnce } from './applied';
import type { Db } from './db';

const LIST = 'SELECT * FROM agenda_items WHERE meeting_id = $1 ORDER BY position, id';

export function pgAgenda(db: Db): AgendaRepo {
  const ids = async (t: Db, meetingId: string) => (await t.rows<Row>(LIST, [meetingId])).map((r) => r.id);
  /** Positions are kept dense (0..n-1), as in SQLite; one statement renumbers them all. */
  const renumber = (t: Db, order: string[]) =>
    t.query(
      `UPDATE agenda_items a SET position = o.i - 1
       FROM unnest($1::text[]) WITH ORDINALITY AS o(id, i) WHERE a.id = o.id`,
      [order],
    );
  const once = appliedOnce(db);

  return {
    async list(meetingId) {
      return (await db.rows<Row>(LIST, [meetingId])).map(toItem);
    },
    async get(id) {
      const r = await db.one<Row>('SELECT * FROM agenda_items WHERE id = $1', [id]);
      return r && toItem(r);
    },
    async insert(meetingId, item, index, key) {
      const answer = await once(key, async (t) => {
        const order = await ids(t, meetingId);
        await t.query(
          'INSERT INTO agenda_items (id, meeting_id, position, title, body) VALUES ($1, $2, $3, $4, $5)',
          [item.id, meetingId, order.length, item.title, item.body],
        );
        order.splice(Math.min(index ?? order.length, order.length), 0, item.id);
        await renumber(t, order);
      });
      return answer !== REPLAYED;
    },
    async update(id, patch, key) {
      const answer = await once(key, (t) =>
        t.query(
          `UPDATE agenda_items SET title = CASE WHEN $2 THEN $3 ELSE title END,
             body = CASE WHEN $4 THEN $5 ELSE body END WHERE id = $1`,
          [id, patch.title !== undefined, patch.title ?? null, patch.body !== undefined, patch.body ?? null],
        ),
      );
      return answer !== REPLAYED;
    },
    async move(meetingId, id, index, key) {
      const answer = await once(key, async (t) => {
        const order = (await ids(t, meetingId)).filter((x) => x !== id);
        order.splice(Math.min(index, order.length), 0, id);
        await renumber(t, order);
      });
      return answer !== REPLAYED;
    },
    async delete(meetingId, id, key) {
      const answer = await once(key, async (t) => {
        const gone = await t.query('DELETE FROM agenda_items WHERE id = $1 AND meeting_id = $2', [
          id,
          meetingId,
        ]);
        if (gone.rowCount === 0) return;
        await t.query('UPDATE activities SET agenda_item_id = NULL WHERE agenda_item_id = $1', [id]);
        await renumber(t, await ids(t, meetingId));
      });
      return answer !== REPLAYED;
    },
  };
}
