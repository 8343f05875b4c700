import { z } from 'zod';
import { ORG_TYPES } from '../../domain/roles';
import { CommandId, Id, IsoDate, LIMITS, text } from './common';
import { TemplateRef } from './template';

export const MeetingCreate = z.strictObject({
  title: text(LIMITS.meetingTitle, 1),
  date: IsoDate.nullable().optional(),
  /** [TPL3] Start from a template: its agenda and activities are copied into the new meeting. */
  template: TemplateRef.optional(),
});
export type MeetingCreate = z.infer<typeof MeetingCreate>;

/** [FLOW1] The facilitator moves the meeting to an agenda item (null: before the first item). */
export const MeetingGoto = z.strictObject({ itemId: Id.nullable() });

export const MeetingUpdate = z.strictObject({
  title: text(LIMITS.meetingTitle, 1).optional(),
  date: IsoDate.nullable().optional(),
});

export const OrgTypeSchema = z.enum(ORG_TYPES);

export const JoinRequest = z.strictObject({
  code: z.string().max(20),
  name: text(LIMITS.name, 1),
  orgType: OrgTypeSchema.nullable().optional(),
  /** A token this browser got earlier: rejoining keeps the same participant and answers. */
  token: z.string().max(200).optional(),
});
export type JoinRequest = z.infer<typeof JoinRequest>;

export const ParticipantUpdate = z.strictObject({
  name: text(LIMITS.name, 1).optional(),
  orgType: OrgTypeSchema.nullable().optional(),
});

/** What a socket presents when it connects: the meeting's code and, except for observers, a token. */
export const HandshakeAuth = z.object({
  code: z.string().min(1).max(20),
  token: z.string().min(1).max(200).optional(),
  /** [PERF3] Send the snapshot right after connecting, without waiting for `session:sync`. */
  sync: z.boolean().optional(),
});

export const AgendaAdd = z.strictObject({
  id: Id,
  title: text(LIMITS.agendaTitle, 1),
  body: text(LIMITS.agendaBody).optional(),
  /** Position in the agenda; at the end when left out. */
  index: z.number().int().min(0).max(LIMITS.agendaItems).optional(),
});
export const AgendaUpdate = z.strictObject({
  id: Id,
  cmd: CommandId,
  title: text(LIMITS.agendaTitle, 1).optional(),
  body: text(LIMITS.agendaBody).optional(),
});
export const AgendaMove = z.strictObject({
  id: Id,
  cmd: CommandId,
  index: z.number().int().min(0).max(LIMITS.agendaItems),
});
export const AgendaRemove = z.strictObject({ id: Id, cmd: CommandId });
