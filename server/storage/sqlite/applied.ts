import type { Database } from 'better-sqlite3';
import { type AppliedRepo, type CommandKey, REPLAYED, type Replayed } from '../applied';

export function sqliteApplied(db: Database): AppliedRepo {
  const has = db.prepare(
    'SELECT 1 FROM applied_commands WHERE meeting_id = ? AND actor = ? AND command_id = ?',
  );
  const prune = db.prepare('DELETE FROM applied_commands WHERE applied_at < ?');
  return {
    async has(key) {
      return has.get(key.meetingId, key.actor, key.commandId) !== undefined;
    },
    async prune(time) {
      return prune.run(time).changes;
    },
  };
}

const ROLLBACK = Symbol('rollback');

/**
 * [RECON6] `once(key, write, refused?)`: records `key` and runs `write` in one transaction, or
 * changes nothing and answers `REPLAYED` when the key was recorded before. When `refused` says the
 * write's answer is a refusal (no such post-it …), everything is rolled back, the key included: a
 * refused command was not applied. Without a key it just runs `write` in a transaction.
 * A PostgreSQL store does the same in one explicit transaction: `INSERT … ON CONFLICT DO NOTHING`
 * (its row count says whether the id is new), then the write.
 */
export function appliedOnce(db: Database) {
  const claim = db.prepare(
    `INSERT INTO applied_commands (meeting_id, actor, command_id, applied_at) VALUES (?, ?, ?, ?)
     ON CONFLICT DO NOTHING`,
  );
  return <T>(key: CommandKey | undefined, write: () => T, refused?: (answer: T) => boolean): T | Replayed => {
    let answer: T | Replayed = REPLAYED;
    try {
      db.transaction(() => {
        if (key && claim.run(key.meetingId, key.actor, key.commandId, Date.now()).changes === 0) return;
        const a = write();
        answer = a;
        if (refused?.(a)) throw ROLLBACK;
      })();
    } catch (err) {
      if (err !== ROLLBACK) throw err;
    }
    return answer;
  };
}
