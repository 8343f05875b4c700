import { type AppliedRepo, type CommandKey, REPLAYED, type Replayed } from '../applied';
import type { Db } from './db';

export function pgApplied(db: Db): AppliedRepo {
  return {
    async has(key) {
      return (
        (await db.one(
          'SELECT 1 FROM applied_commands WHERE meeting_id = $1 AND actor = $2 AND command_id = $3',
          [key.meetingId, key.actor, key.commandId],
        )) !== undefined
      );
    },
    async prune(time) {
      return (await db.query('DELETE FROM applied_commands WHERE applied_at < $1', [time])).rowCount ?? 0;
    },
  };
}

/** Carries a refused write's answer out of the transaction it rolls back. */
class Refused<T> {
  constructor(readonly answer: T) {}
}

/**
 * [RECON6] As SQLite's `appliedOnce` (`../sqlite/applied.ts`): records `key` and runs `write` in one
 * transaction (`INSERT … ON CONFLICT DO NOTHING`, whose row count says whether the id is new), or
 * changes nothing and answers `REPLAYED`. A refused answer rolls everything back, the key included.
 */
export function appliedOnce(db: Db) {
  return async <T>(
    key: CommandKey | undefined,
    write: (t: Db) => Promise<T>,
    refused?: (answer: T) => boolean,
  ): Promise<T | Replayed> => {
    try {
      return await db.tx(async (t): Promise<T | Replayed> => {
        if (key) {
          const claim = await t.query(
            `INSERT INTO applied_commands (meeting_id, actor, command_id, applied_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT DO NOTHING`,
            [key.meetingId, key.actor, key.commandId, Date.now()],
          );
          if (claim.rowCount === 0) return REPLAYED;
        }
        const answer = await write(t);
        if (refused?.(answer)) throw new Refused(answer);
        return answer;
      });
    } catch (err) {
      if (err instanceof Refused) return err.answer as T;
      throw err;
    }
  };
}
