import { z } from 'zod';
import { ASSIGNMENTS } from '../../domain/board/assign';
import { BOARD_LIMITS as B } from '../../domain/board/limits';
import { NOTE_COLOURS } from '../../domain/board/palette';
import { CommandId, Id, LIMITS, text } from './common';

export { ASSIGNMENTS, type Assignment } from '../../domain/board/assign';

/**
 * [BOARD1] A break-out activity: 1–8 questions, each answered on one board per room; a number of
 * rooms or a room size; how people are placed; an optional time box.
 */
export const BreakoutSpec = z.strictObject({
  kind: z.literal('breakout'),
  questions: z
    .array(text(LIMITS.question, 1))
    .min(1, 'at least 1 question')
    .max(B.questions, `at most ${B.questions} questions`),
  rooms: z.discriminatedUnion('by', [
    z.strictObject({ by: z.literal('count'), count: z.number().int().min(1).max(B.rooms) }),
    z.strictObject({ by: z.literal('size'), size: z.number().int().min(2).max(B.roomSize) }),
  ]),
  assignment: z.enum(ASSIGNMENTS),
  timeboxMinutes: z.number().int().min(1).max(B.timeboxMinutes).nullable(),
  /** Participants may read (not write) the boards of other rooms. */
  seeOtherRooms: z.boolean(),
  /** Participants may make and change themes on the boards they write on. */
  participantsCluster: z.boolean(),
  /** Post-it colour: chosen by the writer, or set by the writer's organisation type. */
  colourBy: z.enum(['choice', 'orgType']),
});
export type BreakoutSpec = z.infer<typeof BreakoutSpec>;

const Coord = z
  .number()
  .finite()
  .min(0)
  .max(B.coord)
  .transform((n) => Math.round(n));
export const NoteColourSchema = z.enum(NOTE_COLOURS);

export const BreakoutRef = z.strictObject({ activityId: Id });
/** [BOARD18] End the break-outs now (`inSeconds: 0`) or after a countdown (at most 10 minutes). */
export const BreakoutEnd = z.strictObject({
  activityId: Id,
  inSeconds: z.number().int('whole seconds').min(0).max(600, 'at most 600 seconds'),
});
export const BreakoutMove = z.strictObject({
  activityId: Id,
  participantId: Id,
  /** null: take the participant out of every room (manual placement). */
  roomId: Id.nullable(),
});
export const BreakoutChoose = z.strictObject({ activityId: Id, roomId: Id });
export const BreakoutAddRoom = z.strictObject({
  activityId: Id,
  /** Client-made id of the new room: a retry adds it once. */
  id: Id,
  label: text(B.roomLabel, 1).optional(),
});
export const BreakoutMessage = z.strictObject({
  activityId: Id,
  id: Id,
  text: text(B.message, 1),
});

export const BoardRef = z.strictObject({ boardId: Id });
export const BoardSettings = z.strictObject({
  boardId: Id,
  locked: z.boolean().optional(),
  anonymous: z.boolean().optional(),
});
export const BoardVoting = z.strictObject({
  boardId: Id,
  open: z.boolean().optional(),
  limit: z.number().int().min(1).max(B.voteLimit).optional(),
  revealed: z.boolean().optional(),
});

export const NoteCreate = z.strictObject({
  /** Client-made: a retry, or the same create from a second tab, makes one post-it. */
  id: Id,
  boardId: Id,
  text: text(B.noteText, 1),
  colour: NoteColourSchema,
  x: Coord,
  y: Coord,
  themeId: Id.nullable().optional(),
});
export const NoteEdit = z.strictObject({
  id: Id,
  cmd: CommandId,
  text: text(B.noteText, 1).optional(),
  colour: NoteColourSchema.optional(),
});
export const NoteMove = z.strictObject({
  id: Id,
  cmd: CommandId,
  x: Coord,
  y: Coord,
  /** Left out: the theme stays as it is; null: out of any theme. */
  themeId: Id.nullable().optional(),
});
export const NoteRef = z.strictObject({ id: Id });
export const NotesToTheme = z.strictObject({
  boardId: Id,
  noteIds: z.array(Id).min(1).max(B.bulk),
  themeId: Id.nullable(),
});
/** A drag in progress: presence, never stored, never acked. */
export const NoteDrag = z.strictObject({
  boardId: Id,
  id: Id,
  x: Coord,
  y: Coord,
  /** The drag ended (dropped or cancelled): viewers stop showing it. */
  end: z.boolean().optional(),
});

export const ThemeCreate = z.strictObject({
  id: Id,
  boardId: Id,
  heading: text(B.themeHeading, 1),
  x: Coord,
  y: Coord,
  /** Post-its to put in the new theme right away (multi-select → "naar nieuw thema"). */
  noteIds: z.array(Id).max(B.bulk).optional(),
});
export const ThemeUpdate = z.strictObject({
  id: Id,
  cmd: CommandId,
  heading: text(B.themeHeading, 1).optional(),
  x: Coord.optional(),
  y: Coord.optional(),
});
export const ThemeMerge = z.strictObject({ id: Id, cmd: CommandId, intoId: Id });
/** theme:dissolve. */
export const ThemeRef = z.strictObject({ id: Id, cmd: CommandId });

export const VoteCast = z.strictObject({ id: Id, noteId: Id });
export const VoteRetract = z.strictObject({ id: Id });
