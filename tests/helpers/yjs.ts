import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { TOKEN_PROTOCOL_PREFIX, YJS_PROTOCOL } from '../../server/collab/server';
import { reportFragment } from '../../shared/report/ydoc';
import { eventually } from './server';

// Many providers in one process each add listeners to `process` (y-websocket's unload hooks).
process.setMaxListeners(0);

export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the client has the server's document (after a (re)connect). */
  synced(): Promise<void>;
  /** Code and reason of a close the client will not retry (4400–4499), once it happened. */
  closed: { code: number; reason: string } | null;
  destroy(): void;
}

/**
 * A real y-websocket client (the browser's provider, on Node's `ws`) for the verslag of a meeting.
 * The token goes in the websocket subprotocol list, as the browser client does it. Read-only roles
 * publish no awareness (`presence: false`).
 */
export function yClient(
  url: string,
  code: string,
  token?: string,
  opts: { presence?: { name: string; color: string } | false; connect?: boolean } = {},
): YClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/yjs`, code, doc, {
    connect: false,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    protocols: token ? [YJS_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`] : [YJS_PROTOCOL],
    maxBackoffTime: 300,
  });
  if (opts.presence) provider.awareness.setLocalStateField('user', opts.presence);
  else provider.awareness.setLocalState(null);
  const client: YClient = {
    doc,
    provider,
    closed: null,
    synced: () => eventually(() => provider.synced && provider.wsconnected, 10_000),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.on('closed', (e) => {
    client.closed = e;
  });
  if (opts.connect !== false) provider.connect();
  return client;
}

/** The verslag of a doc as a string (XML), to compare replicas. */
export const xml = (doc: Y.Doc): string => reportFragment(doc).toString();

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
