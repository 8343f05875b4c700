import { UNSTORABLE_ISSUE } from '../shared/domain/chars';
import type { Ack, AckIssue, ErrorCode } from '../shared/protocol/ack';
import { translate } from './i18n';

const KEYS = {
  invalid_payload: 'errors.invalid_payload',
  unauthorized: 'errors.unauthorized',
  forbidden: 'errors.forbidden',
  not_found: 'errors.not_found',
  conflict: 'errors.conflict',
  closed: 'errors.closed',
  rate_limited: 'errors.rate_limited',
  too_large: 'errors.too_large',
  internal: 'errors.internal',
  unavailable: 'errors.unavailable',
  network: 'errors.network',
} as const satisfies Record<ErrorCode | 'network', string>;

/**
 * [ERR1] The sentence a person reads for a refusal: the app's own, for its code, in the reader's
 * language. The server's `message` (English, one line) and `issues` are for developers.
 */
export function refusalText(error: ErrorCode | 'network', issues?: AckIssue[]): string {
  // A pasted character that cannot be stored: say so, the generic sentence would not help (XSS3).
  if (issues?.some((i) => i.message === UNSTORABLE_ISSUE)) return translate('errors.unstorable');
  return translate(KEYS[error] ?? KEYS.internal);
}

/** An ack as views show it: a refusal's `message` becomes the person's sentence (see `refusalText`). */
export function forPeople<T>(ack: Ack<T>): Ack<T> {
  return ack.ok ? ack : { ...ack, message: refusalText(ack.error, ack.issues) };
}
