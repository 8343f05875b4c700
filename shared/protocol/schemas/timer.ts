import { z } from 'zod';
import { isScope, type Scope } from '../../domain/scopes';
import { Id, LIMITS, text } from './common';

/** `meeting` or `room:<uuid>` (a break-out room). */
export const ScopeSchema = z
  .string()
  .max(60)
  .refine(isScope, 'expected "meeting" or "room:<uuid>"')
  .transform((s) => s as Scope);

const Ms = (min: number, max: number) =>
  z.number().int('whole milliseconds').min(min, `at least ${min} ms`).max(max, `at most ${max} ms`);

/** [TIMER2] Every timer command carries a client-made id: a retried command is applied once. */
export const TimerStart = z.strictObject({
  id: Id,
  scope: ScopeSchema,
  durationMs: Ms(1000, LIMITS.timerMaxMs),
  label: text(LIMITS.timerLabel).optional(),
});
export const TimerExtend = z.strictObject({
  id: Id,
  scope: ScopeSchema,
  byMs: Ms(-LIMITS.timerMaxMs, LIMITS.timerMaxMs).refine((n) => n !== 0, 'must not be 0'),
});
export const TimerRef = z.strictObject({ id: Id, scope: ScopeSchema });

/**
 * [SCOPE2] One command for the timers of every room of a break-out at once (start, pause, resume,
 * extend, stop): applied to all rooms in one store write, each room's timer broadcast to its room.
 */
const roomsTimer = { id: Id, activityId: Id };
export const BreakoutTimer = z.discriminatedUnion('op', [
  z.strictObject({
    ...roomsTimer,
    op: z.literal('start'),
    durationMs: Ms(1000, LIMITS.timerMaxMs),
    label: text(LIMITS.timerLabel).optional(),
  }),
  z.strictObject({
    ...roomsTimer,
    op: z.literal('extend'),
    byMs: Ms(-LIMITS.timerMaxMs, LIMITS.timerMaxMs).refine((n) => n !== 0, 'must not be 0'),
  }),
  z.strictObject({ ...roomsTimer, op: z.literal('pause') }),
  z.strictObject({ ...roomsTimer, op: z.literal('resume') }),
  z.strictObject({ ...roomsTimer, op: z.literal('stop') }),
]);
