import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { yjsProtocols } from '../../shared/protocol/collab';
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
    protocols: yjsProtocols(token),
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

export { seeded } from './process';

/** All texts of the verslag, in document order. */
export const texts = (doc: Y.Doc): string[] =>
  (reportFragment(doc).toArray() as Y.XmlElement[]).map((el) =>
    el
      .toArray()
      .map((c) => (c instanceof Y.XmlText ? c.toString() : ''))
      .join(''),
  );

/** Appends a paragraph with `text` to a client's verslag. */
export function addParagraph(doc: Y.Doc, text: string, index?: number) {
  const frag = reportFragment(doc);
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  frag.insert(index ?? frag.length, [p]);
}
