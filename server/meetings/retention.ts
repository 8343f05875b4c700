import type { Config } from '../config';
import type { Logger } from '../log';
import { APPLIED_KEEP_MS } from '../storage/applied';
import type { Store } from '../storage/store';
import type { MeetingService } from './meetings';

/** What retention needs of the app (its context has all of it). */
export interface RetentionDeps {
  config: Pick<Config, 'retentionDays'>;
  store: Store;
  meetings: MeetingService;
  log: Logger;
  now: () => number;
  /** With several nodes, one node runs each hourly pass (the others skip it); one node always runs. */
  claim?: (key: string, ttlMs: number) => Promise<boolean>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * [PRIV3] Deletes meetings older than RETENTION_DAYS with everything in them: at start-up and then
 * every hour. RETENTION_DAYS=0 keeps meetings until their facilitator deletes them.
 * Returns the number of meetings deleted.
 */
export async function purgeExpired(ctx: RetentionDeps): Promise<number> {
  if (ctx.config.retentionDays <= 0) return 0;
  const ids = await ctx.store.meetings.listCreatedBefore(ctx.now() - ctx.config.retentionDays * DAY);
  for (const id of ids) await ctx.meetings.delete(id);
  if (ids.length > 0) ctx.log.info('retention: deleted expired meetings', { count: ids.length });
  return ids.length;
}

/** [RECON6] Forgets applied command ids older than a week: no client resends that late. */
export async function pruneApplied(ctx: Pick<RetentionDeps, 'store' | 'now'>): Promise<number> {
  return ctx.store.applied.prune(ctx.now() - APPLIED_KEEP_MS);
}

export function startRetention(ctx: RetentionDeps): () => void {
  const run = async () => {
    // [DEPLOY1] One node at a time: the pass of this hour is claimed (deleting twice would be
    // harmless, but it is work done N times).
    if (ctx.claim && !(await ctx.claim(`retention:${Math.floor(ctx.now() / HOUR)}`, HOUR))) return;
    await Promise.all([purgeExpired(ctx), pruneApplied(ctx)]).catch((err: unknown) =>
      ctx.log.error('retention failed', { err: err instanceof Error ? err.message : String(err) }),
    );
  };
  void run();
  const timer = setInterval(run, HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
