/**
 * [DEPLOY3] The store cannot be reached (PostgreSQL restarting, the network to it cut). Commands
 * are then refused with `unavailable` ("De opslag is tijdelijk niet bereikbaar"): never an ack
 * for something that was not stored, and nothing logged as a server fault.
 */
export class StoreUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('store unavailable', { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** Network errors and PostgreSQL's "cannot connect now / shutting down / connection lost" classes. */
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000', // connection_exception
  '08001',
  '08003',
  '08004',
  '08006',
]);
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error|Client was closed|Cannot use a pool after calling end/i;

export function isStoreUnavailable(err: unknown): boolean {
  if (err instanceof StoreUnavailableError) return true;
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && CODES.has(code)) return true;
  if (MESSAGES.test(err.message)) return true;
  return err.cause !== undefined && err.cause !== err && isStoreUnavailable(err.cause);
}
