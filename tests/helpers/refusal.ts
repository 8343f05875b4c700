import { ERROR_CODES } from '../../shared/protocol/ack';

/** Internal permission names (`activity:manage`) and event names never reach a person. */
const INTERNAL = /\b[a-z]+:[a-z][A-Za-z]*\b/;

/**
 * [ERR1] Why a refusal is not readable by a person, or null when it is: a known code, a `message`
 * of one line, at most 200 characters, without JSON, internal names or "may not", and details (if
 * any) only in `issues`.
 */
export function unreadable(r: unknown): string | null {
  const a = r as { ok?: unknown; error?: unknown; message?: unknown; issues?: unknown };
  if (a.ok !== false) return null;
  if (!ERROR_CODES.includes(a.error as never)) return `unknown code ${String(a.error)}`;
  const m = a.message;
  if (typeof m !== 'string' || m.trim() === '') return 'no message';
  if (/[\r\n]/.test(m)) return `more than one line: ${m}`;
  if (m.length > 200) return `too long (${m.length})`;
  if (/[{}[\]]/.test(m)) return `JSON in the message: ${m}`;
  if (INTERNAL.test(m) || /may not/.test(m)) return `internal names: ${m}`;
  if (a.issues !== undefined && !Array.isArray(a.issues)) return 'issues is not a list';
  return null;
}
