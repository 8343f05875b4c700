import { z } from 'zod';
import { NOTE_COLOURS } from '../../domain/board/palette';
import { CHOICE_MODES, POSITIONS } from './activity';

/**
 * [MEET9] The shapes of results as the server answers them (`GET /api/meetings/:id/results`, the
 * results CSV). Output schemas: plain strings (no trimming or caps), strict objects, so a field the
 * code adds or drops without the docs shows up in the test that checks both (http-answers.test.ts).
 */
const Str = z.string();
const Count = z.number().int().min(0);

export const ScaleResultsSchema = z.strictObject({
  kind: z.literal('scale'),
  activityId: Str,
  total: Count,
  counts: z.array(Count),
  notes: z.array(z.strictObject({ level: Count, text: Str, author: Str.optional() })),
});

export const StatementsResultsSchema = z.strictObject({
  kind: z.literal('statements'),
  activityId: Str,
  total: Count,
  statements: z.array(
    z.strictObject({
      agree: Count,
      neutral: Count,
      disagree: Count,
      answered: Count,
      notes: z.array(z.strictObject({ position: z.enum(POSITIONS), text: Str, author: Str.optional() })),
    }),
  ),
});

const ChoiceTally = {
  index: Count,
  score: Count,
  count: Count,
  averagePlace: z.number().positive().optional(),
};
export const ChoiceResultsSchema = z.strictObject({
  kind: z.literal('choice'),
  activityId: Str,
  mode: z.enum(CHOICE_MODES),
  total: Count,
  options: z.array(z.strictObject(ChoiceTally)),
  ranking: z.array(z.strictObject({ ...ChoiceTally, place: z.number().int().min(1) })),
  notes: z.array(z.strictObject({ text: Str, author: Str.optional() })),
});

export const WordsResultsSchema = z.strictObject({
  kind: z.literal('words'),
  activityId: Str,
  total: Count,
  words: z.array(
    z.strictObject({
      key: Str,
      text: Str,
      count: Count,
      variants: z.array(Str).optional(),
      merged: z.boolean().optional(),
      hidden: z.boolean().optional(),
    }),
  ),
});

const NoteSummary = z.strictObject({
  id: Str,
  text: Str,
  colour: z.enum(NOTE_COLOURS),
  votes: Count,
  author: Str.nullable(),
  roomLabel: Str.nullable(),
});
const BoardSummary = z.strictObject({
  boardId: Str,
  roomId: Str.nullable(),
  roomLabel: Str.nullable(),
  questionIndex: Count,
  question: Str,
  noteCount: Count,
  votesRevealed: z.boolean(),
  themes: z.array(z.strictObject({ id: Str, heading: Str, votes: Count, notes: z.array(NoteSummary) })),
  unthemed: z.array(NoteSummary),
});
export const BreakoutResultsSchema = z.strictObject({
  kind: z.literal('breakout'),
  activityId: Str,
  total: Count,
  rooms: z.array(z.strictObject({ id: Str, label: Str, index: Count, size: Count })),
  questions: z.array(
    z.strictObject({
      index: Count,
      question: Str,
      rooms: z.array(BoardSummary),
      synthesis: BoardSummary.nullable(),
    }),
  ),
});

/** Results of any kind of activity (`Results` in shared/domain/activities). */
export const ResultsSchema = z.discriminatedUnion('kind', [
  ScaleResultsSchema,
  StatementsResultsSchema,
  ChoiceResultsSchema,
  WordsResultsSchema,
  BreakoutResultsSchema,
]);

const AuthorRole = z.enum(['participant', 'facilitator', 'secretary']);

/** [CHAT7] A chat message as one flat row of scalars, ready for CSV. */
export const ChatRowSchema = z.strictObject({
  id: Str,
  seq: Count,
  channel: Str,
  /** ISO 8601, UTC. */
  time: Str,
  authorRole: AuthorRole,
  /** The participant's display name; empty for staff (shown by their role). */
  author: Str,
  text: Str,
  votes: Count,
  tip: z.boolean(),
  pinned: z.boolean(),
  hidden: z.boolean(),
  /** The message's http(s) links, separated by spaces. */
  links: Str,
});
export type ChatRow = z.infer<typeof ChatRowSchema>;

/** [CHAT6] A shared link, titled by its own URL (nothing is fetched). */
export const LinkRowSchema = z.strictObject({
  url: Str,
  title: Str,
  channel: Str,
  messageId: Str,
  time: Str,
  author: Str,
  authorRole: AuthorRole,
});
export type LinkRow = z.infer<typeof LinkRowSchema>;

/**
 * [CHAT7] The chat in the results: per channel how many messages it has (hidden ones counted
 * apart), its top tips and links; then every message (hidden ones marked) as a flat row.
 */
export const ChatExportSchema = z.strictObject({
  channels: z.array(
    z.strictObject({
      channel: Str,
      messageCount: Count,
      hiddenCount: Count,
      topTips: z.array(ChatRowSchema),
      links: z.array(LinkRowSchema),
    }),
  ),
  messages: z.array(ChatRowSchema),
});
export type ChatExport = z.infer<typeof ChatExportSchema>;
