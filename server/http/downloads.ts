import type { RequestHandler } from 'express';
import { REFUSALS } from '../security/refusals';
import { sendError } from './errors';

/**
 * [ABUSE8] Large HTTP answers (all results, an export) one at a time per caller: a new one is
 * refused while the previous one has not left the server yet (a response is done once its last
 * byte is handed to the kernel). A client that asks again and again without reading its answers
 * makes the server hold one answer, not one per request; and their building (a PDF, every result)
 * runs one at a time too.
 */
export function oneAtATime(keyOf: (req: Parameters<RequestHandler>[0]) => string): RequestHandler {
  const sending = new Set<string>();
  return (req, res, next) => {
    const key = keyOf(req);
    if (sending.has(key)) {
      res.setHeader('Retry-After', '5');
      return sendError(res, 'rate_limited', REFUSALS.stillDownloading);
    }
    sending.add(key);
    res.once('close', () => sending.delete(key));
    next();
  };
}
