import type { z } from 'zod';
import { type Action, can } from '../../shared/domain/roles';
import { type Ack, DomainError } from '../../shared/protocol/ack';
import type { ClientEventName, ClientToServerEvents } from '../../shared/protocol/events';
import type { AppContext } from '../context';
import type { Session } from '../meetings/meetings';
import { REFUSALS } from '../security/refusals';
import { HEAVY_COMMANDS, outflowOf } from './backpressure';
import type { AppSocket } from './types';

/** The data type a command's ack carries. */
export type AckData<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[1] extends (
  r: Ack<infer R>,
) => void
  ? R
  : never;

/** What a handler returns: the stored result for the ack, and the broadcasts to make after it. */
export interface Done<R> {
  data: R;
  after?: () => void | Promise<void>;
}
export const done = <R>(data: R, after?: () => void | Promise<void>): Done<R> => ({ data, after });

/**
 * Registers a command: parse with its schema, authorise by the role in the server's session,
 * run (which stores), ack, then broadcast. Handlers never see unparsed input; errors are acks.
 */
export function command<E extends ClientEventName, S extends z.ZodType>(
  ctx: AppContext,
  socket: AppSocket,
  event: E,
  schema: S,
  action: Action | null,
  run: (input: z.output<S>, session: Session) => Promise<Done<AckData<E>>>,
): void {
  const listener = async (raw: unknown, maybeAck?: unknown) => {
    // A command sent without payload but with an ack arrives with the ack first.
    const ackFn = typeof maybeAck === 'function' ? maybeAck : typeof raw === 'function' ? raw : undefined;
    const input = typeof raw === 'function' ? undefined : raw;
    const reply = (r: Ack<AckData<E>>) => {
      if (ackFn) (ackFn as (r: Ack<AckData<E>>) => void)(r);
    };
    if (!ctx.limiters.commands.take(socket.id)) {
      reply({ ok: false, error: 'rate_limited', message: 'too many commands; slow down' });
      return;
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      reply({ ok: false, error: 'invalid_payload', message: summarise(parsed.error) });
      return;
    }
    const session = socket.data;
    if (action && !can(session.role, action)) {
      reply({ ok: false, error: 'forbidden', message: `${session.role} may not ${action}` });
      return;
    }
    // [ABUSE8] Large answers one at a time, each after the previous one has left the server and
    // within the connection's answer budget.
    const flow = outflowOf(socket);
    const heavy = HEAVY_COMMANDS.has(event);
    const answer = async (): Promise<Done<AckData<E>> | null> => {
      let result: Done<AckData<E>>;
      try {
        result = await run(parsed.data, session);
      } catch (err) {
        if (err instanceof DomainError) {
          reply({ ok: false, error: err.code, message: err.message });
        } else {
          ctx.log.error('command failed', { event, err: err instanceof Error ? err.message : String(err) });
          reply({ ok: false, error: 'internal', message: 'something went wrong on the server' });
        }
        return null;
      }
      const ok: Ack<AckData<E>> = { ok: true, data: result.data };
      let bytes = 0;
      if (flow) bytes = flow.answer(heavy, () => reply(ok));
      else reply(ok);
      // [ABUSE8] Answers are weighed: the next large one waits until this one is paid for.
      ctx.limiters.answers.charge(socket.id, bytes);
      return result;
    };
    const result = heavy && flow ? await flow.turn(answer) : await answer();
    if (result === 'busy') {
      reply({ ok: false, error: 'rate_limited', message: REFUSALS.stillSending });
      return;
    }
    if (result?.after) {
      try {
        await result.after();
      } catch (err) {
        ctx.log.error('broadcast failed', { event, err: err instanceof Error ? err.message : String(err) });
      }
    }
  };
  socket.on(event, listener as never);
}

/** A zod error as one readable line: `levels: at least 2 levels; note: at most 1000 characters`. */
export function summarise(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
