import { z } from 'zod';
import { hasUnstorable, UNSTORABLE_ISSUE } from '../../domain/chars';

/** Client-made ids are UUIDs: a retried command carries the same id and is applied once. */
export const Id = z.uuid({ message: 'expected a UUID' });

/**
 * [RECON6] The client-made id of one command whose `id` names the thing it changes (the app's
 * outbox adds it, see `shared/protocol/replay.ts`): sent again, even after newer commands, it is
 * applied once. Left out, the command is applied every time it arrives.
 */
export const CommandId = Id.optional();

/**
 * Text from people: trimmed, bounded, and free of control characters other than newline and tab,
 * of noncharacters and of lone surrogates (XSS3: those would make a Word export unopenable).
 * Rendering stays inert everywhere; this only keeps junk bytes out of storage.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse control characters
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const text = (max: number, min = 0) =>
  z
    .string()
    .max(max * 4, `at most ${max} characters`)
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(min, min === 1 ? 'must not be empty' : `at least ${min} characters`)
        .max(max, `at most ${max} characters`)
        .refine((s) => !CONTROL.test(s), 'contains control characters')
        .refine((s) => !hasUnstorable(s), UNSTORABLE_ISSUE),
    );

/** `YYYY-MM-DD`, a real calendar date. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real date');

export { LIMITS } from '../../domain/limits';

/** Commands carrying no input still get a strict empty object (or nothing). */
export const Empty = z.strictObject({}).nullish();
