import { newId } from '../domain/ids';
import type { CommandName } from './commands';

/**
 * [RECON6] Commands whose `id` names the thing they change, so a replay cannot be told from a new
 * command by it: they take a `cmd`, the client-made id of that one command. The client's `send`
 * adds it, once per command, so every resend of it (outbox, lost ack) carries the same `cmd`.
 * Commands whose `id` is the command's own (answers, timers, votes, messages) need none. Both are
 * named in the command table (`replay`); this list is the table's `replay: 'cmd'` column written out,
 * so that the browser does not load the table's schemas (zod) to know it — a unit test keeps the
 * two equal.
 */
export const CMD_EVENTS: readonly CommandName[] = [
  'agenda:update',
  'agenda:move',
  'agenda:remove',
  'activity:update',
  'activity:remove',
  'activity:open',
  'activity:close',
  'activity:reveal',
  'activity:hide',
  'response:retract',
  'note:edit',
  'note:move',
  'theme:update',
  'theme:merge',
  'theme:dissolve',
];

const CMD_SET: ReadonlySet<string> = new Set(CMD_EVENTS);

/** Whether `event` takes a `cmd`. */
export const takesCmd = (event: string): boolean => CMD_SET.has(event);

/**
 * The payload as the client queues it: with a fresh `cmd` when the command takes one and has none
 * yet. Called once per command, so its resends carry the same `cmd`.
 */
export function withCommandId<P>(event: string, payload: P): P {
  if (!takesCmd(event) || payload === null || typeof payload !== 'object' || 'cmd' in payload) return payload;
  return { ...payload, cmd: newId() };
}
