import { extractLinks } from '../../../shared/domain/chat';
import { type Row, toRecord } from '../sqlite/chat';
import type { ChatRepo } from '../toolkit';
import type { Db } from './db';

const FLAGS = {
  tip: 'tip = $2, tip_by = $3',
  pinned: 'pinned = $2',
  hidden: 'hidden = $2',
} as const;

export function pgChat(db: Db): ChatRepo {
  return {
    async insert(m) {
      const r = await db.one<{ seq: number }>(
        `INSERT INTO chat_messages (id, meeting_id, channel, author_key, author_role, author_name, text, created_at,
           votes, tip, tip_by, pinned, hidden, has_link)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING seq`,
        [
          m.id,
          m.meetingId,
          m.channel,
          m.authorKey,
          m.authorRole,
          m.authorName,
          m.text,
          m.createdAt,
          m.votes,
          m.tip ? 1 : 0,
          m.tipBy,
          m.pinned ? 1 : 0,
          m.hidden ? 1 : 0,
          // Marked once at insert, so link lists read an index instead of every message.
          extractLinks(m.text, 1).length > 0 ? 1 : 0,
        ],
      );
      return { ...m, seq: r!.seq };
    },
    async get(id) {
      const r = await db.one<Row>('SELECT * FROM chat_messages WHERE id = $1', [id]);
      return r && toRecord(r);
    },
    async page(meetingId, channel, beforeSeq, limit, includeHidden) {
      const rows = await db.rows<Row>(
        `SELECT * FROM chat_messages WHERE meeting_id = $1 AND channel = $2 AND seq < $3
         ${includeHidden ? '' : 'AND hidden = 0'} ORDER BY seq DESC LIMIT $4`,
        [meetingId, channel, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit + 1],
      );
      const hasMore = rows.length > limit;
      return { messages: rows.slice(0, limit).reverse().map(toRecord), hasMore };
    },
    async highlights(meetingId, channels, includeHidden, limit) {
      if (channels.length === 0) return [];
      const rows = await db.rows<Row>(
        `SELECT * FROM chat_messages WHERE meeting_id = $1 AND (tip = 1 OR pinned = 1)
         AND channel = ANY($2::text[]) ${includeHidden ? '' : 'AND hidden = 0'} ORDER BY seq DESC LIMIT $3`,
        [meetingId, channels, limit],
      );
      return rows.reverse().map(toRecord);
    },
    async withLinks(meetingId, channels, limit) {
      if (channels.length === 0) return [];
      const rows = await db.rows<Row>(
        `SELECT * FROM chat_messages WHERE meeting_id = $1 AND has_link = 1 AND hidden = 0
         AND channel = ANY($2::text[]) ORDER BY seq DESC LIMIT $3`,
        [meetingId, channels, limit],
      );
      return rows.reverse().map(toRecord);
    },
    async all(meetingId) {
      return (
        await db.rows<Row>('SELECT * FROM chat_messages WHERE meeting_id = $1 ORDER BY seq', [meetingId])
      ).map(toRecord);
    },
    async count(meetingId) {
      return (await db.one<{ n: number }>('SELECT count(*) AS n FROM chat_messages WHERE meeting_id = $1', [
        meetingId,
      ]))!.n;
    },
    async countSince(meetingId, authorKey, since) {
      const r = await db.one<{ n: number }>(
        'SELECT count(*) AS n FROM chat_messages WHERE meeting_id = $1 AND author_key = $2 AND created_at > $3',
        [meetingId, authorKey, since],
      );
      return r!.n;
    },
    async setFlag(id, flag, on, by = null) {
      const params = flag === 'tip' ? [id, on ? 1 : 0, on ? by : null] : [id, on ? 1 : 0];
      await db.query(`UPDATE chat_messages SET ${FLAGS[flag]} WHERE id = $1`, params);
    },
    vote(messageId, voter, up) {
      return db.tx(async (t) => {
        if (up) {
          // No row for a message that does not exist (SQLite's INSERT OR IGNORE skips it too).
          await t.query(
            `INSERT INTO chat_votes (message_id, meeting_id, voter)
             SELECT id, meeting_id, $2 FROM chat_messages WHERE id = $1 ON CONFLICT DO NOTHING`,
            [messageId, voter],
          );
        } else {
          await t.query('DELETE FROM chat_votes WHERE message_id = $1 AND voter = $2', [messageId, voter]);
        }
        const r = await t.one<{ votes: number }>(
          `UPDATE chat_messages SET votes = (SELECT count(*) FROM chat_votes WHERE message_id = $1)
           WHERE id = $1 RETURNING votes`,
          [messageId],
        );
        return r?.votes ?? 0;
      });
    },
    async votesBy(meetingId, voter) {
      const rows = await db.rows<{ message_id: string }>(
        'SELECT message_id FROM chat_votes WHERE meeting_id = $1 AND voter = $2 ORDER BY message_id',
        [meetingId, voter],
      );
      return rows.map((r) => r.message_id);
    },
  };
}
