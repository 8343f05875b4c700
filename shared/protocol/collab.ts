/**
 * [REPORT1] The verslag's websocket (y-websocket on `/yjs/<join code>`) as both sides speak it: the
 * one home of its path, subprotocols and close codes (docs/PROTOCOL.md, "Verslag").
 */

/** The endpoint; the y-websocket client appends `/<join code>`. */
export const YJS_PATH = '/yjs';

/** The websocket subprotocol the server speaks. */
export const YJS_PROTOCOL = 'oogst-yjs';

/** The token travels as a second subprotocol, `oogst-token.<token>`: never in the URL, never in a log. */
export const TOKEN_PROTOCOL_PREFIX = 'oogst-token.';

/** The subprotocols a client offers: observers (no token) only the first. */
export const yjsProtocols = (token?: string | null): string[] =>
  token ? [YJS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`] : [YJS_PROTOCOL];

/**
 * Close codes of the verslag connection. 4400–4499 are final: the y-websocket client does not
 * retry them. The others are ordinary closes after which it reconnects and syncs again.
 */
export const COLLAB_CLOSE = {
  /** A malformed or text message. */
  badMessage: 4400,
  /** The token is not valid for this meeting. */
  unauthorized: 4401,
  /** No meeting has this join code. */
  notFound: 4404,
  /** The meeting was deleted. */
  deleted: 4410,
  /** The room was unloaded (nobody was left). */
  unloaded: 1001,
  /** Storing failed, or another error on the server. */
  serverError: 1011,
  /** The server restarts. */
  restart: 1012,
  /** [ABUSE8] The client did not read what was sent to it. */
  tooSlow: 1013,
} as const;

/** The verslag is gone for good (no meeting, or deleted), rather than refused to this person. */
export const collabGone = (code: number): boolean =>
  code === COLLAB_CLOSE.notFound || code === COLLAB_CLOSE.deleted;
