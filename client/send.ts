import type { Ack } from '../shared/protocol/ack';
import type { AckData, CommandName, PayloadOf } from '../shared/protocol/commands';
import { withCommandId } from '../shared/protocol/replay';
import { forPeople } from './refusal';
import { useAppStore } from './store';

/**
 * Sends a command over the open meeting connection; queued while offline, resent on reconnect.
 * [RECON6] A command whose `id` names the thing it changes gets its own `cmd` here, once, so
 * every resend of it is known as the same command. [ERR1] A refusal's `message` is the app's own
 * sentence for people.
 */
export function send<E extends CommandName>(event: E, payload: PayloadOf<E>): Promise<Ack<AckData<E>>> {
  const conn = useAppStore.getState().connection;
  if (!conn) return Promise.resolve(forPeople({ ok: false, error: 'internal', message: 'not connected' }));
  return conn.send(event, withCommandId(event, payload)).then(forPeople);
}
