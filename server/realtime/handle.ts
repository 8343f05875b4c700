import type { z } from 'zod';
import { can } from '../../shared/domain/roles';
import { type Ack, DomainError, ERROR_SENTENCES, invalidSentence, issuesOf } from '../../shared/protocol/ack';
import {
  type AckData,
  type AckedCommand,
  COMMANDS,
  type CommandSpec,
  type InputOf,
} from '../../shared/protocol/commands';
import type { AppContext } from '../context';
import type { Session } from '../meetings/meetings';
import { commandKey } from '../meetings/replay';
import { REFUSALS } from '../security/refusals';
import type { CommandKey } from '../storage/applied';
import { isStoreUnavailable } from '../storage/unavailable';
import { HEAVY_COMMANDS, outflowOf } from './backpressure';
import type { AppSocket } from './types';

/** What a handler returns: the stored result for the ack, and the broadcasts to make after it. */
export interface Done<R> {
  data: R;
  after?: () => void | Promise<void>;
}
export const done = <R>(data: R, after?: () => void | Promise<void>): Done<R> => ({ data, after });

/** Per registered listener: its schema and whether it has a replay key (read by the protocol tests). */
export const registeredCommands = new WeakMap<
  (...args: never[]) => unknown,
  { schema: z.ZodType; once: boolean }
>();

/** Commands of one connection waiting for the one before them, at most (a bounded queue). */
export const MAX_WAITING_COMMANDS = 256;
const lanes = new WeakMap<AppSocket, { tail: Promise<void>; waiting: number }>();

/**
 * One connection's commands are applied and broadcast in the order they were sent, one after
 * another: a post-it's move never overtakes its creation, even on a store where two statements
 * may run side by side (PostgreSQL). False (nothing queued) when the queue is full.
 */
function inLane(socket: AppSocket, work: () => Promise<void>, read: boolean): boolean {
  let lane = lanes.get(socket);
  if (!lane) {
    lane = { tail: Promise.resolve(), waiting: 0 };
    lanes.set(socket, lane);
  }
  if (lane.waiting >= MAX_WAITING_COMMANDS) return false;
  const l = lane;
  l.waiting++;
  const done = l.tail
    .then(work)
    .catch(() => {})
    .finally(() => {
      l.waiting--;
    });
  // A large read (a whole board, the snapshot) sees every change sent before it, but does not hold
  // up what comes after it: its answers take their turns in the connection's outflow (ABUSE8).
  if (!read) l.tail = done;
  return true;
}

/** A refused payload as an ack: one sentence for people, the details for developers in `issues`. */
export const invalid = (error: z.ZodError) => {
  const issues = issuesOf(error);
  return { ok: false, error: 'invalid_payload', message: invalidSentence(issues), issues } as const;
};

/** The work of one command: store the change, return the ack's data and the broadcasts to make. */
export type Handler<E extends AckedCommand> = (
  input: InputOf<E>,
  session: Session,
  once: CommandKey | undefined,
) => Promise<Done<AckData<E>>>;

/**
 * Registers a command of the table (`shared/protocol/commands.ts`): parse with its schema, authorise
 * by its `who` against the role in the server's session, run (which stores), ack, then broadcast.
 * Handlers never see unparsed input, and get only their own command's parsed payload; errors are
 * acks. [RECON6] A command with `replay` in the table is applied once under that field's client-made
 * id: the handler passes `once` to the store write, which records it in the same transaction; a
 * replay answers what is stored now and broadcasts nothing.
 */
export function command<E extends AckedCommand>(
  ctx: AppContext,
  socket: AppSocket,
  event: E,
  run: Handler<E>,
): void {
  const spec: CommandSpec = COMMANDS[event];
  const { schema, who: action, replay } = spec;
  const listener = async (raw: unknown, maybeAck?: unknown) => {
    // A command sent without payload but with an ack arrives with the ack first.
    const ackFn = typeof maybeAck === 'function' ? maybeAck : typeof raw === 'function' ? raw : undefined;
    const input = typeof raw === 'function' ? undefined : raw;
    const reply = (r: Ack<AckData<E>>) => {
      if (ackFn) (ackFn as (r: Ack<AckData<E>>) => void)(r);
    };
    if (!ctx.limiters.commands.take(socket.id)) {
      reply({ ok: false, error: 'rate_limited', message: ERROR_SENTENCES.rate_limited });
      return;
    }
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      reply(invalid(parsed.error));
      return;
    }
    const session = socket.data;
    // [ERR1] Never name the permission: people read this.
    if (action && !can(session.role, action)) {
      reply({ ok: false, error: 'forbidden', message: ERROR_SENTENCES.forbidden });
      return;
    }
    // [ABUSE8] Large answers one at a time, each after the previous one has left the server and
    // within the connection's answer budget.
    const flow = outflowOf(socket);
    const heavy = HEAVY_COMMANDS.has(event);
    let replayed = false;
    const answer = async (): Promise<Done<AckData<E>> | null> => {
      let result: Done<AckData<E>>;
      try {
        const field = replay ? (parsed.data as Record<string, unknown>)[replay] : undefined;
        const id = typeof field === 'string' ? field : undefined;
        const key = id === undefined ? undefined : commandKey(session, id);
        replayed = key !== undefined && (await ctx.store.applied.has(key));
        if (key && !replayed) key.notAppliedYet = true;
        result = await run(parsed.data as InputOf<E>, session, key);
      } catch (err) {
        if (err instanceof DomainError) {
          reply({
            ok: false,
            error: err.code,
            message: err.message,
            ...(err.issues ? { issues: err.issues } : {}),
          });
        } else if (isStoreUnavailable(err)) {
          // [DEPLOY3] PostgreSQL is away: nothing was stored, so nothing is acked; the client may
          // send the same command (same id) again and it is applied once.
          ctx.log.warn('command refused: store unavailable', { event });
          reply({ ok: false, error: 'unavailable', message: ERROR_SENTENCES.unavailable });
        } else {
          ctx.log.error('command failed', { event, err: err instanceof Error ? err.message : String(err) });
          reply({ ok: false, error: 'internal', message: ERROR_SENTENCES.internal });
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
    const settle = async () => {
      const result = heavy && flow ? await flow.turn(answer) : await answer();
      if (result === 'busy') {
        reply({ ok: false, error: 'rate_limited', message: REFUSALS.stillSending });
        return;
      }
      // A replay changed nothing: everyone heard the change when it was first applied.
      if (result?.after && !replayed) {
        try {
          await result.after();
        } catch (err) {
          (isStoreUnavailable(err) ? ctx.log.warn : ctx.log.error)('broadcast failed', {
            event,
            err: err instanceof Error ? err.message : String(err),
          });
        }
      }
    };
    if (!inLane(socket, settle, heavy))
      reply({ ok: false, error: 'rate_limited', message: ERROR_SENTENCES.rate_limited });
  };
  registeredCommands.set(listener, { schema, once: replay !== undefined });
  socket.on(event, listener as never);
}

/**
 * Runs a registered command as if the client had sent it, with its ack going to `reply`: the same
 * limits, turns and order as a command from the client (a pushed answer). False if not registered.
 */
export function invoke(
  socket: AppSocket,
  event: AckedCommand,
  payload: unknown,
  reply: (r: Ack<unknown>) => void,
): boolean {
  const listener = socket.listeners(event as never).find((l) => registeredCommands.has(l as never));
  if (!listener) return false;
  void (listener as (raw: unknown, ack: unknown) => Promise<void>)(payload, reply);
  return true;
}
