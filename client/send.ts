import type { Ack } from '../shared/protocol/ack';
import type { ClientEventName, ClientToServerEvents } from '../shared/protocol/events';
import { useAppStore } from './store';

type Payload<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[0];
type Data<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[1] extends (
  r: Ack<infer R>,
) => void
  ? R
  : never;

/** Sends a command over the open meeting connection; queued while offline, resent on reconnect. */
export function send<E extends ClientEventName>(event: E, payload: Payload<E>): Promise<Ack<Data<E>>> {
  const conn = useAppStore.getState().connection;
  if (!conn) return Promise.resolve({ ok: false, error: 'internal', message: 'not connected' });
  return conn.send(event, payload);
}
