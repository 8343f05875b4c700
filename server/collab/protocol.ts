import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * The y-websocket wire protocol (y-protocols' sync and awareness messages), decoded defensively:
 * a truncated or invented message throws `BadMessage`, it never reaches the document half-read.
 */
export const MSG_SYNC = 0;
export const MSG_AWARENESS = 1;
export const MSG_AUTH = 2;
export const MSG_QUERY_AWARENESS = 3;

export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export class BadMessage extends Error {}

export type Incoming =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2' | 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' }
  | { type: 'ignored' };

export function decodeMessage(data: Uint8Array): Incoming {
  try {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    if (type === MSG_SYNC) {
      const step = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (step === SYNC_STEP1) {
        // Decoding the state vector now means a broken one is refused here, not deep in Yjs.
        Y.decodeStateVector(payload);
        return { type: 'syncStep1', stateVector: payload };
      }
      if (step === SYNC_STEP2) return { type: 'syncStep2', update: payload };
      if (step === SYNC_UPDATE) return { type: 'update', update: payload };
      throw new BadMessage(`unknown sync step ${step}`);
    }
    if (type === MSG_AWARENESS) return { type: 'awareness', update: decoding.readVarUint8Array(d) };
    if (type === MSG_QUERY_AWARENESS) return { type: 'queryAwareness' };
    if (type === MSG_AUTH) return { type: 'ignored' };
    throw new BadMessage(`unknown message type ${type}`);
  } catch (err) {
    if (err instanceof BadMessage) throw err;
    throw new BadMessage(err instanceof Error ? err.message : 'unreadable message');
  }
}

const message = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

export const encodeSyncStep1 = (doc: Y.Doc) =>
  message((e) => {
    encoding.writeVarUint(e, MSG_SYNC);
    encoding.writeVarUint(e, SYNC_STEP1);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  });

export const encodeSyncStep2 = (doc: Y.Doc, stateVector: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MSG_SYNC);
    encoding.writeVarUint(e, SYNC_STEP2);
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, stateVector));
  });

export const encodeUpdate = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MSG_SYNC);
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeAwareness = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, MSG_AWARENESS);
    encoding.writeVarUint8Array(e, update);
  });

/**
 * An awareness update about nobody: clients apply it as a no-op. Sent now and then so that the
 * y-websocket client, which reconnects after 30 s without any message, keeps a quiet connection.
 */
export const KEEPALIVE = encodeAwareness(message((e) => encoding.writeVarUint(e, 0)));
