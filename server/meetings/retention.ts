import type { AppContext } from '../context';
import { closeMeetingSockets } from '../realtime/io';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * [PRIV3] Deletes meetings older than RETENTION_DAYS with everything in them: at start-up and then
 * every hour. RETENTION_DAYS=0 keeps meetings until their facilitator deletes them.
 * Returns the number of meetings deleted.
 */
export async function purgeExpired(ctx: AppContext): Promise<number> {
  if (ctx.config.retentionDays <= 0) return 0;
  const ids = await ctx.store.meetings.listCreatedBefore(ctx.now() - ctx.config.retentionDays * DAY);
  for (const id of ids) {
    await ctx.store.meetings.delete(id);
    closeMeetingSockets(ctx, id);
  }
  if (ids.length > 0) ctx.log.info('retention: deleted expired meetings', { count: ids.length });
  return ids.length;
}

export function startRetention(ctx: AppContext): () => void {
  const run = () =>
    purgeExpired(ctx).catch((err: unknown) =>
      ctx.log.error('retention failed', { err: err instanceof Error ? err.message : String(err) }),
    );
  void run();
  const timer = setInterval(run, HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
