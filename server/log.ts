/**
 * A small structured logger. By design it is given ids and error codes, never names, texts or IP
 * addresses of the people in a meeting.
 */
export interface Logger {
  error(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
}

const LEVELS = { error: 0, warn: 1, info: 2, debug: 3 } as const;

export function createLogger(level: keyof typeof LEVELS = 'info', sink = console): Logger {
  const max = LEVELS[level];
  const write = (l: keyof typeof LEVELS) => (msg: string, fields?: Record<string, unknown>) => {
    if (LEVELS[l] > max) return;
    const line = `${new Date().toISOString()} ${l.toUpperCase()} ${msg}${fields ? ` ${JSON.stringify(fields)}` : ''}`;
    (l === 'error' || l === 'warn' ? sink.error : sink.log)(line);
  };
  return { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug') };
}

export const silentLogger: Logger = { error() {}, warn() {}, info() {}, debug() {} };
