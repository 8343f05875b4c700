import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RATE_LIMITS, NO_RATE_LIMITS, type RateLimitConfig } from './security/rateLimit';

/** Everything the server reads from the environment. Documented in README.md ("Configuration"). */
export interface Config {
  /** TCP port (PORT, default 3000; 0 picks a free one). */
  port: number;
  /** Interface to listen on (HOST, default 0.0.0.0 so others on the network can join). */
  host: string;
  /** Where the SQLite database lives (DATA_DIR, default ./data). */
  dataDir: string;
  /** PostgreSQL instead of SQLite (DATABASE_URL, `postgres://…`; unset: SQLite in `dataDir`). */
  databaseUrl: string | null;
  /** When set, creating a meeting requires `Authorization: Bearer <ADMIN_TOKEN>` (ADMIN_TOKEN). */
  adminToken: string | null;
  /** The address people reach Oogst at, for the links it hands out (PUBLIC_URL; else from the request). */
  publicUrl: string | null;
  /** Trust X-Forwarded-* headers from a reverse proxy (TRUST_PROXY=1). */
  trustProxy: boolean;
  /** Meetings older than this many days are deleted with all their data (RETENTION_DAYS, default 90). */
  retentionDays: number;
  /** The built client (CLIENT_DIR, default dist/client). */
  clientDir: string;
  /** How long broadcasts of results and presence are gathered before one goes out (ms). */
  broadcastDelayMs: number;
  /** How long verslag edits are gathered before one write and one broadcast (REPORT_BATCH_MS, ms). */
  reportBatchMs: number;
  /** Stored verslag updates after which they are compacted into one row (REPORT_COMPACT_EVERY). */
  reportCompactEvery: number;
  /** How long a verslag nobody has open stays in memory (REPORT_UNLOAD_MS, ms). */
  reportUnloadMs: number;
  /** Log verbosity: error, warn, info, debug (LOG_LEVEL, default info). */
  logLevel: 'error' | 'warn' | 'info' | 'debug';
  /** Rate limits (RATE_LIMIT_* variables; RATE_LIMITS=off turns all off, e.g. for benchmarks). */
  rateLimits: RateLimitConfig;
  /** Extra origins allowed to open live connections (ALLOWED_ORIGINS, comma-separated). */
  allowedOrigins: string[];
  /**
   * [ABUSE8] Bytes waiting to be sent to one live connection, besides one large answer, before it is
   * closed (SEND_BUFFER_MAX_KB, default 4096): a client that does not read is dropped, not buffered.
   */
  sendBufferMaxBytes: number;
  /** [ABUSE9] A connection that has not sent a whole request after this long is closed (IDLE_TIMEOUT_MS). */
  idleTimeoutMs: number;
  /**
   * Several nodes: Redis carries broadcasts, presence and the verslag between them (REDIS_URL,
   * e.g. redis://127.0.0.1:6379). Unset: one node, nothing shared.
   */
  redisUrl: string | null;
  /** [REPORT10] Worker threads that render DOCX and PDF (EXPORT_WORKERS; default: cores − 1, 1 to 2). */
  exportWorkers: number;
  /** DOCX and PDF exports that may wait for a render worker; more are refused with 503 (EXPORT_QUEUE, 8). */
  exportQueue: number;
  /** Prefix of every Redis key and stream (REDIS_PREFIX, default `oogst:`): deployments sharing one Redis stay apart. */
  redisPrefix: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root, whether running from `server/` (tsx) or `dist/server/` (built). */
export const projectRoot = path.basename(root) === 'dist' ? path.dirname(root) : root;

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const level = env.LOG_LEVEL ?? 'info';
  if (!['error', 'warn', 'info', 'debug'].includes(level)) throw new Error(`LOG_LEVEL "${level}" is unknown`);
  return {
    port: int(env.PORT, 3000, 'PORT'),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || path.join(projectRoot, 'data')),
    databaseUrl: env.DATABASE_URL || null,
    adminToken: env.ADMIN_TOKEN || null,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    retentionDays: int(env.RETENTION_DAYS, 90, 'RETENTION_DAYS'),
    clientDir: path.resolve(env.CLIENT_DIR || path.join(projectRoot, 'dist', 'client')),
    broadcastDelayMs: int(env.BROADCAST_DELAY_MS, 50, 'BROADCAST_DELAY_MS'),
    reportBatchMs: int(env.REPORT_BATCH_MS, 30, 'REPORT_BATCH_MS'),
    reportCompactEvery: Math.max(2, int(env.REPORT_COMPACT_EVERY, 500, 'REPORT_COMPACT_EVERY')),
    reportUnloadMs: int(env.REPORT_UNLOAD_MS, 10_000, 'REPORT_UNLOAD_MS'),
    logLevel: level as Config['logLevel'],
    rateLimits: readRateLimits(env),
    sendBufferMaxBytes: Math.max(64, int(env.SEND_BUFFER_MAX_KB, 4096, 'SEND_BUFFER_MAX_KB')) * 1024,
    idleTimeoutMs: Math.max(100, int(env.IDLE_TIMEOUT_MS, 20_000, 'IDLE_TIMEOUT_MS')),
    redisUrl: env.REDIS_URL || null,
    redisPrefix: env.REDIS_PREFIX || 'oogst:',
    exportWorkers: Math.max(
      1,
      int(env.EXPORT_WORKERS, Math.min(2, os.availableParallelism() - 1), 'EXPORT_WORKERS'),
    ),
    exportQueue: int(env.EXPORT_QUEUE, 8, 'EXPORT_QUEUE'),
    allowedOrigins: [
      ...(env.PUBLIC_URL ? [new URL(env.PUBLIC_URL).origin] : []),
      ...(env.ALLOWED_ORIGINS ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ],
  };
}

function readRateLimits(env: NodeJS.ProcessEnv): RateLimitConfig {
  if (env.RATE_LIMITS === 'off') return { ...NO_RATE_LIMITS };
  const d = DEFAULT_RATE_LIMITS;
  return {
    createPerHour: int(env.RATE_LIMIT_CREATE_PER_HOUR, d.createPerHour, 'RATE_LIMIT_CREATE_PER_HOUR'),
    joinPerMinute: int(env.RATE_LIMIT_JOIN_PER_MINUTE, d.joinPerMinute, 'RATE_LIMIT_JOIN_PER_MINUTE'),
    codeMissPerMinute: int(
      env.RATE_LIMIT_CODE_MISS_PER_MINUTE,
      d.codeMissPerMinute,
      'RATE_LIMIT_CODE_MISS_PER_MINUTE',
    ),
    connectPerMinute: int(
      env.RATE_LIMIT_CONNECT_PER_MINUTE,
      d.connectPerMinute,
      'RATE_LIMIT_CONNECT_PER_MINUTE',
    ),
    commandsPerSecond: int(
      env.RATE_LIMIT_COMMANDS_PER_SECOND,
      d.commandsPerSecond,
      'RATE_LIMIT_COMMANDS_PER_SECOND',
    ),
    // At least 1: a budget of 0 would mean none at all, a cap of 0 would shut everyone out.
    answerKbPerSecond: Math.max(
      1,
      int(env.RATE_LIMIT_ANSWER_KB_PER_SECOND, d.answerKbPerSecond, 'RATE_LIMIT_ANSWER_KB_PER_SECOND'),
    ),
    reportKbPerSecond: Math.max(
      1,
      int(env.RATE_LIMIT_REPORT_KB_PER_SECOND, d.reportKbPerSecond, 'RATE_LIMIT_REPORT_KB_PER_SECOND'),
    ),
    reportAddressKbPerSecond: Math.max(
      1,
      int(
        env.RATE_LIMIT_REPORT_ADDRESS_KB_PER_SECOND,
        d.reportAddressKbPerSecond,
        'RATE_LIMIT_REPORT_ADDRESS_KB_PER_SECOND',
      ),
    ),
    connectionsPerAddress: Math.max(
      1,
      int(
        env.RATE_LIMIT_CONNECTIONS_PER_ADDRESS,
        d.connectionsPerAddress,
        'RATE_LIMIT_CONNECTIONS_PER_ADDRESS',
      ),
    ),
  };
}
