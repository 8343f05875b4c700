import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { collabGone, YJS_PATH, yjsProtocols } from '../../../shared/protocol/collab';

export type ReportStatus = 'connecting' | 'online' | 'merging' | 'offline' | 'refused' | 'gone';

export interface ReportConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  status: ReportStatus;
  /** The server's document has arrived at least once (safe to show or edit). */
  loaded: boolean;
  /** Local edits made while offline, not yet sent. */
  pending: boolean;
}

/**
 * [REPORT1][REPORT4] The verslag's live Y.Doc over y-websocket. The token travels as a websocket
 * subprotocol (never in the URL, so never in a log). Read-only viewers publish no presence.
 * The connection state is reported as it is: connecting, online, offline with edits waiting, or
 * refused for good (the server's 44xx close codes).
 */
export function useReportConnection(
  code: string,
  token: string | null,
  editable: boolean,
): ReportConnection | null {
  const [conn, setConn] = useState<ReportConnection | null>(null);
  useEffect(() => {
    const doc = new Y.Doc();
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${YJS_PATH}`;
    const provider = new WebsocketProvider(url, code, doc, {
      connect: false,
      disableBc: true,
      protocols: yjsProtocols(token),
      maxBackoffTime: 10_000,
    });
    if (!editable) provider.awareness.setLocalState(null);
    let state: ReportConnection = { doc, provider, status: 'connecting', loaded: false, pending: false };
    const update = (patch: Partial<ReportConnection>) => {
      state = { ...state, ...patch };
      setConn(state);
    };
    provider.on('status', ({ status }) => {
      if (state.status === 'refused' || state.status === 'gone') return;
      if (status === 'connected') update({ status: state.pending ? 'merging' : 'connecting' });
      else if (status === 'disconnected') update({ status: 'offline' });
    });
    provider.on('sync', (synced: boolean) => {
      if (synced) update({ status: 'online', loaded: true, pending: false });
    });
    provider.on('closed', ({ code: closeCode }) => {
      update({ status: collabGone(closeCode) ? 'gone' : 'refused' });
    });
    const onUpdate = (_u: Uint8Array, origin: unknown) => {
      if (origin !== provider && !provider.wsconnected && !state.pending) update({ pending: true });
    };
    doc.on('update', onUpdate);
    setConn(state);
    provider.connect();
    return () => {
      doc.off('update', onUpdate);
      provider.destroy();
      doc.destroy();
      setConn(null);
    };
  }, [code, token, editable]);
  return conn;
}
