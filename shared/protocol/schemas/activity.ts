import { z } from 'zod';
import { BreakoutSpec } from './board';
import { CommandId, Id, LIMITS, text } from './common';

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

/** The three positions on a statement, in the order of the diverging bar (left to right: oneens … eens). */
export const POSITIONS = ['agree', 'neutral', 'disagree'] as const;
export type Position = (typeof POSITIONS)[number];

/**
 * [STMT1] Statements (stellingen): one or more statements, each answered with agree / neutral /
 * disagree. The labels are the facilitator's words (default Eens / Neutraal / Oneens); the middle
 * position can be left out for a forced choice.
 */
export const StatementsSpec = z.strictObject({
  kind: z.literal('statements'),
  question: text(LIMITS.question, 1),
  statements: z
    .array(text(LIMITS.statement, 1))
    .min(1, 'at least 1 statement')
    .max(LIMITS.statementsPerActivity, `at most ${LIMITS.statementsPerActivity} statements`),
  labels: z.strictObject({
    agree: text(LIMITS.levelLabel, 1),
    neutral: text(LIMITS.levelLabel, 1),
    disagree: text(LIMITS.levelLabel, 1),
  }),
  neutral: z.boolean(),
});
export type StatementsSpec = z.infer<typeof StatementsSpec>;

export const CHOICE_MODES = ['single', 'multiple', 'rank', 'points'] as const;
export type ChoiceMode = (typeof CHOICE_MODES)[number];

/**
 * [CHOICE1] Choice and ranking: one question with 2–20 options, answered by picking one, picking up
 * to `maxChoices`, putting all options in order, or dividing `budget` points over them.
 */
export const ChoiceSpec = z
  .strictObject({
    kind: z.literal('choice'),
    question: text(LIMITS.question, 1),
    options: z
      .array(text(LIMITS.option, 1))
      .min(2, 'at least 2 options')
      .max(LIMITS.options, `at most ${LIMITS.options} options`),
    mode: z.enum(CHOICE_MODES),
    /** `multiple`: the most options one person may pick (default: all). */
    maxChoices: z.number().int().min(1).max(LIMITS.options).optional(),
    /** `points`: the points each person divides (default 10). */
    budget: z.number().int().min(1).max(LIMITS.pointsBudget).optional(),
  })
  .refine((s) => s.maxChoices === undefined || s.maxChoices <= s.options.length, {
    message: 'maxChoices cannot be more than the number of options',
    path: ['maxChoices'],
  })
  .refine((s) => new Set(s.options.map((o) => o.toLocaleLowerCase('nl'))).size === s.options.length, {
    message: 'options must differ from each other',
    path: ['options'],
  });
export type ChoiceSpec = z.infer<typeof ChoiceSpec>;

/** [WORDS1] Open words: a question answered with 1 to `maxWords` short answers (a word cloud). */
export const WordsSpec = z.strictObject({
  kind: z.literal('words'),
  question: text(LIMITS.question, 1),
  maxWords: z.number().int().min(1).max(LIMITS.wordsPerAnswer),
});
export type WordsSpec = z.infer<typeof WordsSpec>;

export const ActivitySpec = z.discriminatedUnion('kind', [
  ScaleSpec,
  StatementsSpec,
  ChoiceSpec,
  WordsSpec,
  BreakoutSpec,
]);
export type ActivitySpec = z.infer<typeof ActivitySpec>;
export type ActivityKindName = ActivitySpec['kind'];

/** What a participant answers, per kind. Checked against the activity's spec by its domain rules. */
export const ScaleValue = z.strictObject({ level: z.number().int().min(0).max(9) });
export type ScaleValue = z.infer<typeof ScaleValue>;

/** One answer per statement, in the order of the statements; `null` skips a statement. */
export const StatementsValue = z.strictObject({
  answers: z
    .array(
      z
        .strictObject({
          position: z.enum(POSITIONS),
          note: text(LIMITS.statementNote).optional(),
        })
        .nullable(),
    )
    .min(1)
    .max(LIMITS.statementsPerActivity),
});
export type StatementsValue = z.infer<typeof StatementsValue>;

const OptionIndex = z
  .number()
  .int()
  .min(0)
  .max(LIMITS.options - 1);
/** Exactly one of: `selected` (single, multiple), `order` (rank), `points` (points). */
export const ChoiceValue = z
  .strictObject({
    selected: z.array(OptionIndex).min(1).max(LIMITS.options).optional(),
    order: z.array(OptionIndex).min(2).max(LIMITS.options).optional(),
    points: z.array(z.number().int().min(0).max(LIMITS.pointsBudget)).min(2).max(LIMITS.options).optional(),
  })
  .refine((v) => [v.selected, v.order, v.points].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of selected, order or points',
  });
export type ChoiceValue = z.infer<typeof ChoiceValue>;

export const WordsValue = z.strictObject({
  words: z
    .array(text(LIMITS.word, 1))
    .min(1, 'give at least one word')
    .max(LIMITS.wordsPerAnswer, `at most ${LIMITS.wordsPerAnswer} words`),
});
export type WordsValue = z.infer<typeof WordsValue>;

export const VALUE_SCHEMAS: { [K in ActivityKindName]: z.ZodType } = {
  scale: ScaleValue,
  statements: StatementsValue,
  choice: ChoiceValue,
  words: WordsValue,
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
  cmd: CommandId,
  anonymous: z.boolean().optional(),
  agendaItemId: Id.nullable().optional(),
  spec: ActivitySpec.optional(),
});
/** activity:remove, open, close, reveal, hide. */
export const ActivityRef = z.strictObject({ id: Id, cmd: CommandId });

export const ResponseSubmit = z.strictObject({
  /** Client-made: a retry with the same id is applied once. */
  id: Id,
  activityId: Id,
  value: z.unknown(),
  note: text(LIMITS.note).optional(),
});
export const ResponseRetract = z.strictObject({ activityId: Id, cmd: CommandId });

/** [WORDS4] The facilitator's edits to a word cloud: merge spellings, split them again, hide a word. */
export const WordsMerge = z.strictObject({
  activityId: Id,
  /** Keys (normalised words) to bring together under `label`. */
  keys: z
    .array(text(LIMITS.word * 2, 1))
    .min(1)
    .max(50),
  label: text(LIMITS.word, 1),
});
export const WordsSplit = z.strictObject({ activityId: Id, key: text(LIMITS.word * 2, 1) });
export const WordsHide = z.strictObject({
  activityId: Id,
  key: text(LIMITS.word * 2, 1),
  hidden: z.boolean(),
});
