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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The answer to every command: the stored result, or a clear error. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorCode; message: string };
export type AckFn<T> = (result: Ack<T>) => void;

/** A domain rule said no. Handlers turn it into `{ ok: false, error: code }`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
