import { z } from 'zod';
import { BreakoutSpec } from './board';
import { Id, LIMITS, text } from './common';

/**
 * The definition of each kind of activity (werkvorm). Adding a kind: add its spec here, its value
 * schema to `VALUE_SCHEMAS`, and its rules in `shared/domain/activities/`.
 */
export const ScaleSpec = z.strictObject({
  kind: z.literal('scale'),
  question: text(LIMITS.question, 1),
  levels: z.array(text(LIMITS.levelLabel, 1)).min(2, 'at least 2 levels').max(10, 'at most 10 levels'),
});
export type ScaleSpec = z.infer<typeof ScaleSpec>;

export const ActivitySpec = z.discriminatedUnion('kind', [ScaleSpec, BreakoutSpec]);
export type ActivitySpec = z.infer<typeof ActivitySpec>;
export type ActivityKindName = ActivitySpec['kind'];

/** What a participant answers, per kind. Checked against the activity's spec by its domain rules. */
export const ScaleValue = z.strictObject({ level: z.number().int().min(0).max(9) });
export type ScaleValue = z.infer<typeof ScaleValue>;

export const VALUE_SCHEMAS: { [K in ActivityKindName]: z.ZodType } = {
  scale: ScaleValue,
  // Break-outs take no answers: their post-its, themes and votes have their own commands.
  breakout: z.never(),
};

export const ActivityCreate = z.strictObject({
  id: Id,
  agendaItemId: Id.nullable(),
  anonymous: z.boolean(),
  spec: ActivitySpec,
});
export const ActivityUpdate = z.strictObject({
  id: Id,
  anonymous: z.boolean().optional(),
  agendaItemId: Id.nullable().optional(),
  spec: ActivitySpec.optional(),
});
export const ActivityRef = z.strictObject({ id: Id });

export const ResponseSubmit = z.strictObject({
  /** Client-made: a retry with the same id is applied once. */
  id: Id,
  activityId: Id,
  value: z.unknown(),
  note: text(LIMITS.note).optional(),
});
export const ResponseRetract = z.strictObject({ activityId: Id });
