import type { Ack } from '../shared/protocol/ack';
import type { ClientEventName, ClientToServerEvents } from '../shared/protocol/events';
import { withCommandId } from '../shared/protocol/replay';
import { forPeople } from './refusal';
import { useAppStore } from './store';

type Payload<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[0];
type Data<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[1] extends (
  r: Ack<infer R>,
) => void
  ? R
  : never;

/**
 * Sends a command over the open meeting connection; queued while offline, resent on reconnect.
 * [RECON6] A command whose `id` names the thing it changes gets its own `cmd` here, once, so
 * every resend of it is known as the same command. [ERR1] A refusal's `message` is the app's own
 * sentence for people.
 */
export function send<E extends ClientEventName>(event: E, payload: Payload<E>): Promise<Ack<Data<E>>> {
  const conn = useAppStore.getState().connection;
  if (!conn) return Promise.resolve(forPeople({ ok: false, error: 'internal', message: 'not connected' }));
  return conn.send(event, withCommandId(event, payload)).then(forPeople);
}
