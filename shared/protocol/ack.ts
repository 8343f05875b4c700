import type { z } from 'zod';
import { UNSTORABLE_ISSUE } from '../domain/chars';

/** Every error a command or HTTP route can answer with. Stable strings: clients switch on them. */
export const ERROR_CODES = [
  'invalid_payload',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'closed',
  'rate_limited',
  'too_large',
  'internal',
  'unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One detail of a refused payload, for developers: where (`levels.2`) and what was wrong. */
export interface AckIssue {
  path: string;
  message: string;
}

/**
 * The answer to every command: the stored result, or a refusal. [ERR1] A refusal's `message` is one
 * short sentence saying what to do (English; the app shows its own sentence for `error`, in the
 * reader's language); details for developers stay in `issues`, never in `message`.
 */
export type Ack<T> =
  | { ok: true; data: T }
  | { ok: false; error: ErrorCode; message: string; issues?: AckIssue[] };
export type AckFn<T> = (result: Ack<T>) => void;

/**
 * [ERR1] The sentence for a refusal that has nothing more precise to say (a malformed payload, a
 * role that may not do this, …): one line, no internal names, what to do.
 */
export const ERROR_SENTENCES: Record<ErrorCode, string> = {
  invalid_payload: 'Something is not filled in correctly. Check it and try again.',
  unauthorized: 'You have no access. Open the link you were given again.',
  forbidden: 'You cannot do this here.',
  not_found: 'This no longer exists. Reload the page.',
  conflict: 'This clashes with another change. Reload the page and try again.',
  closed: 'This is closed now.',
  rate_limited: 'Too much at once. Wait a moment and try again.',
  too_large: 'This is too much or too large. Make it smaller.',
  internal: 'Something went wrong on the server. Try again.',
  unavailable: 'The storage is briefly unreachable. Try again in a moment.',
};

/**
 * The sentence for a refused payload: the generic one, unless one of its issues is itself a sentence
 * a person can act on (a pasted character that cannot be stored).
 */
export function invalidSentence(issues: AckIssue[]): string {
  return issues.some((i) => i.message === UNSTORABLE_ISSUE)
    ? UNSTORABLE_ISSUE
    : ERROR_SENTENCES.invalid_payload;
}

/** The first few problems of a refused payload, for `issues` (developers; never shown to people). */
export function issuesOf(error: z.ZodError, max = 5): AckIssue[] {
  return error.issues.slice(0, max).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** A domain rule said no. Handlers turn it into `{ ok: false, error: code, message, issues? }`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: AckIssue[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
