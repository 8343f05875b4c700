import type { Database } from 'better-sqlite3';
import { type ChatAuthorRole, extractLinks } from '../../../shared/domain/chat';
import type { Scope } from '../../../shared/domain/scopes';
import type { ChatFlagName, ChatRecord, ChatRepo } from '../toolkit';

export interface Row {
  seq: number;
  id: string;
  meeting_id: string;
  channel: string;
  author_key: string;
  author_role: string;
  author_name: string;
  text: string;
  created_at: number;
  votes: number;
  tip: number;
  tip_by: string | null;
  pinned: number;
  hidden: number;
}

export const toRecord = (r: Row): ChatRecord => ({
  id: r.id,
  meetingId: r.meeting_id,
  channel: r.channel as Scope,
  seq: r.seq,
  authorKey: r.author_key,
  authorRole: r.author_role as ChatAuthorRole,
  authorName: r.author_name,
  text: r.text,
  createdAt: r.created_at,
  votes: r.votes,
  tip: r.tip === 1,
  tipBy: r.tip_by,
  pinned: r.pinned === 1,
  hidden: r.hidden === 1,
});

/** `(?, ?, …)` for an IN list; channels per meeting are few (the meeting and some rooms). */
const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export function sqliteChat(db: Database): ChatRepo {
  const insert = db.prepare(
    `INSERT INTO chat_messages (id, meeting_id, channel, author_key, author_role, author_name, text, created_at,
       votes, tip, tip_by, pinned, hidden, has_link)
     VALUES (@id, @meetingId, @channel, @authorKey, @authorRole, @authorName, @text, @createdAt,
       @votes, @tip, @tipBy, @pinned, @hidden, @hasLink)`,
  );
  const one = db.prepare('SELECT * FROM chat_messages WHERE id = ?');
  const pageAll = db.prepare(
    `SELECT * FROM chat_messages WHERE meeting_id = ? AND channel = ? AND seq < ?
     ORDER BY seq DESC LIMIT ?`,
  );
  const pageVisible = db.prepare(
    `SELECT * FROM chat_messages WHERE meeting_id = ? AND channel = ? AND seq < ? AND hidden = 0
     ORDER BY seq DESC LIMIT ?`,
  );
  const all = db.prepare('SELECT * FROM chat_messages WHERE meeting_id = ? ORDER BY seq');
  const count = db.prepare('SELECT count(*) AS n FROM chat_messages WHERE meeting_id = ?');
  const since = db.prepare(
    'SELECT count(*) AS n FROM chat_messages WHERE meeting_id = ? AND author_key = ? AND created_at > ?',
  );
  const setTip = db.prepare('UPDATE chat_messages SET tip = ?, tip_by = ? WHERE id = ?');
  const setPinned = db.prepare('UPDATE chat_messages SET pinned = ? WHERE id = ?');
  const setHidden = db.prepare('UPDATE chat_messages SET hidden = ? WHERE id = ?');
  const addVote = db.prepare(
    'INSERT OR IGNORE INTO chat_votes (message_id, meeting_id, voter) VALUES (?, (SELECT meeting_id FROM chat_messages WHERE id = ?), ?)',
  );
  const delVote = db.prepare('DELETE FROM chat_votes WHERE message_id = ? AND voter = ?');
  const recount = db.prepare(
    'UPDATE chat_messages SET votes = (SELECT count(*) FROM chat_votes WHERE message_id = ?) WHERE id = ? RETURNING votes',
  );
  const votesBy = db.prepare('SELECT message_id FROM chat_votes WHERE meeting_id = ? AND voter = ?');

  const vote = db.transaction((messageId: string, voter: string, up: boolean) => {
    if (up) addVote.run(messageId, messageId, voter);
    else delVote.run(messageId, voter);
    return (recount.get(messageId, messageId) as { votes: number } | undefined)?.votes ?? 0;
  });

  return {
    async insert(m) {
      const row = {
        ...m,
        tip: m.tip ? 1 : 0,
        pinned: m.pinned ? 1 : 0,
        hidden: m.hidden ? 1 : 0,
        // Marked once at insert, so link lists read an index instead of every message.
        hasLink: extractLinks(m.text, 1).length > 0 ? 1 : 0,
      };
      const seq = Number(insert.run(row).lastInsertRowid);
      return { ...m, seq };
    },
    async get(id) {
      const r = one.get(id) as Row | undefined;
      return r && toRecord(r);
    },
    async page(meetingId, channel, beforeSeq, limit, includeHidden) {
      const stmt = includeHidden ? pageAll : pageVisible;
      const rows = stmt.all(meetingId, channel, beforeSeq ?? Number.MAX_SAFE_INTEGER, limit + 1) as Row[];
      const hasMore = rows.length > limit;
      return { messages: rows.slice(0, limit).reverse().map(toRecord), hasMore };
    },
    async highlights(meetingId, channels, includeHidden, limit) {
      if (channels.length === 0) return [];
      const rows = db
        .prepare(
          `SELECT * FROM chat_messages WHERE meeting_id = ? AND (tip = 1 OR pinned = 1)
           AND channel IN (${placeholders(channels.length)}) ${includeHidden ? '' : 'AND hidden = 0'}
           ORDER BY seq DESC LIMIT ?`,
        )
        .all(meetingId, ...channels, limit) as Row[];
      return rows.reverse().map(toRecord);
    },
    async withLinks(meetingId, channels, limit) {
      if (channels.length === 0) return [];
      const rows = db
        .prepare(
          `SELECT * FROM chat_messages WHERE meeting_id = ? AND has_link = 1 AND hidden = 0
           AND channel IN (${placeholders(channels.length)}) ORDER BY seq DESC LIMIT ?`,
        )
        .all(meetingId, ...channels, limit) as Row[];
      return rows.reverse().map(toRecord);
    },
    async all(meetingId) {
      return (all.all(meetingId) as Row[]).map(toRecord);
    },
    async count(meetingId) {
      return (count.get(meetingId) as { n: number }).n;
    },
    async countSince(meetingId, authorKey, t) {
      return (since.get(meetingId, authorKey, t) as { n: number }).n;
    },
    async setFlag(id, flag: ChatFlagName, on, by = null) {
      if (flag === 'tip') setTip.run(on ? 1 : 0, on ? by : null, id);
      else if (flag === 'pinned') setPinned.run(on ? 1 : 0, id);
      else setHidden.run(on ? 1 : 0, id);
    },
    async vote(messageId, voter, up) {
      return vote(messageId, voter, up);
    },
    async votesBy(meetingId, voter) {
      return (votesBy.all(meetingId, voter) as { message_id: string }[]).map((r) => r.message_id);
    },
  };
}
