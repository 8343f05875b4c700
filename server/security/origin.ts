import type http from 'node:http';

/**
 * Cross-site WebSocket hijacking guard: a browser always sends `Origin` on a WebSocket or polling
 * request; it must be this server's own origin (or PUBLIC_URL's, or one listed in ALLOWED_ORIGINS).
 * Requests without Origin come from non-browser clients, which hold their own tokens anyway.
 */
export function originAllowed(
  req: http.IncomingMessage,
  allowed: readonly string[],
  trustProxy: boolean,
): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  const host = (trustProxy ? req.headers['x-forwarded-host'] : undefined) ?? req.headers.host;
  if (!host) return false;
  try {
    return new URL(origin).host === String(host).split(',')[0]!.trim();
  } catch {
    return false;
  }
}

/** The caller's address: the socket's, or the first X-Forwarded-For entry behind a trusted proxy. */
export function clientIp(req: http.IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = req.headers['x-forwarded-for'];
    const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
