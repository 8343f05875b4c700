import type { Response } from 'express';
import type { ErrorCode } from '../../shared/protocol/ack';

const STATUS: Record<ErrorCode, number> = {
  invalid_payload: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  closed: 409,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
};

/** Every HTTP error is JSON: `{ ok: false, error, message }`, the same shape as a command's ack. */
export function sendError(res: Response, error: ErrorCode, message: string): void {
  res.status(STATUS[error]).json({ ok: false, error, message });
}
