import type { Response } from 'express';
import type { z } from 'zod';
import {
  type AckIssue,
  ERROR_SENTENCES,
  type ErrorCode,
  invalidSentence,
  issuesOf,
} from '../../shared/protocol/ack';
import type { Logger } from '../log';
import { REFUSALS } from '../security/refusals';

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
  unavailable: 503,
};

/**
 * Every HTTP error is JSON: `{ ok: false, error, message, issues? }`, the same shape as a command's
 * ack ([ERR1]: `message` one sentence for people, details for developers in `issues`). `status` only
 * where HTTP has a more precise one than the code's (415 for an unknown encoding).
 */
export function sendError(
  res: Response,
  error: ErrorCode,
  message: string,
  opts: { issues?: AckIssue[]; status?: number } = {},
): void {
  res
    .status(opts.status ?? STATUS[error])
    .json({ ok: false, error, message, ...(opts.issues ? { issues: opts.issues } : {}) });
}

/** A body or query that does not fit its schema. */
export function sendInvalid(res: Response, error: z.ZodError): void {
  const issues = issuesOf(error);
  sendError(res, 'invalid_payload', invalidSentence(issues), { issues });
}

/**
 * [ABUSE10] An error a request brought on itself (Express, body-parser, serve-static set `status`):
 * answered with that status and one sentence of ours, logged at debug without the error's text.
 */
export function clientError(
  res: Response,
  e: { status?: number; type?: string; code?: unknown },
  log: Logger,
): void {
  const status = e.status ?? 400;
  log.debug('request refused', { status, type: e.type });
  // zlib's codes (a broken gzip or deflate body) and body-parser's own for a body cut off.
  const unreadable =
    (typeof e.code === 'string' && e.code.startsWith('Z_')) ||
    e.type === 'request.aborted' ||
    e.type === 'request.size.invalid';
  const [code, message]: [ErrorCode, string] =
    status === 404
      ? ['not_found', REFUSALS.noSuchFile]
      : status === 403
        ? ['forbidden', REFUSALS.badPath]
        : status === 413
          ? ['too_large', ERROR_SENTENCES.too_large]
          : status === 415
            ? ['invalid_payload', REFUSALS.unsupportedEncoding]
            : ['invalid_payload', unreadable ? REFUSALS.unreadableBody : REFUSALS.badRequest];
  sendError(res, code, message, { status });
}
