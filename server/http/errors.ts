import type { Response } from 'express';
import type { z } from 'zod';
import { type AckIssue, type ErrorCode, invalidSentence, issuesOf } from '../../shared/protocol/ack';

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

/**
 * Every HTTP error is JSON: `{ ok: false, error, message, issues? }`, the same shape as a command's
 * ack ([ERR1]: `message` one sentence for people, details for developers in `issues`).
 */
export function sendError(res: Response, error: ErrorCode, message: string, issues?: AckIssue[]): void {
  res.status(STATUS[error]).json({ ok: false, error, message, ...(issues ? { issues } : {}) });
}

/** A body or query that does not fit its schema. */
export function sendInvalid(res: Response, error: z.ZodError): void {
  const issues = issuesOf(error);
  sendError(res, 'invalid_payload', invalidSentence(issues), issues);
}
