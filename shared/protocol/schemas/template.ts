import { z } from 'zod';
import { ActivitySpec } from './activity';
import { Id, LIMITS, text } from './common';

/**
 * [TPL2] What a template holds: the agenda and the activities (their questions and settings), never
 * answers, names or anything participants made. Agenda items are referred to by a local `ref`.
 */
export const TemplateContent = z.strictObject({
  version: z.literal(1),
  agenda: z
    .array(
      z.strictObject({
        ref: z.string().min(1).max(40),
        title: text(LIMITS.agendaTitle, 1),
        body: text(LIMITS.agendaBody),
      }),
    )
    .max(LIMITS.agendaItems),
  activities: z
    .array(
      z.strictObject({
        agendaRef: z.string().min(1).max(40).nullable(),
        anonymous: z.boolean(),
        spec: ActivitySpec,
      }),
    )
    .max(LIMITS.activitiesPerMeeting),
});
export type TemplateContent = z.infer<typeof TemplateContent>;

/** Body of `POST /api/meetings/:id/templates`: a client-made id (retry-safe) and a title. */
export const TemplateSave = z.strictObject({ id: Id, title: text(LIMITS.templateTitle, 1) });

/**
 * The template a new meeting starts from: its id and the secret that came with it (left out only by
 * the holder of ADMIN_TOKEN, who opens every template of the server).
 */
export const TemplateRef = z.strictObject({ id: Id, token: z.string().min(1).max(200).optional() });
