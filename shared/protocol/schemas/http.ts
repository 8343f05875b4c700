import { z } from 'zod';
import { ORG_TYPES } from '../../domain/roles';
import { ERROR_CODES } from '../ack';
import { ActivitySpec } from './activity';
import { ChatExportSchema, ResultsSchema } from './results';
import { TemplateContent } from './template';

/**
 * [MEET9] What each HTTP route answers (docs/PROTOCOL.md, "HTTP"): strict output schemas. The
 * routes build their answers as these types, and `tests/integration/http-answers.test.ts` checks
 * both the documented shapes and the real answers against them.
 */
const Str = z.string();
const Count = z.number().int().min(0);
const Time = z.number().int().min(0);

export const MeetingViewSchema = z.strictObject({
  id: Str,
  code: Str,
  title: Str,
  date: Str.nullable(),
  currentItemId: Str.nullable(),
});
export const AgendaItemSchema = z.strictObject({ id: Str, title: Str, body: Str });
export const ActivityViewSchema = z.strictObject({
  id: Str,
  agendaItemId: Str.nullable(),
  anonymous: z.boolean(),
  status: z.enum(['draft', 'open', 'closed']),
  revealed: z.boolean(),
  spec: ActivitySpec,
  createdAt: Time,
});
export const TimerViewSchema = z.strictObject({
  scope: Str,
  status: z.enum(['idle', 'running', 'paused']),
  durationMs: Count,
  endsAt: Time.nullable(),
  remainingMs: Count.nullable(),
  label: Str,
  updatedAt: Time,
});
export const TemplateViewSchema = z.strictObject({
  id: Str,
  title: Str,
  createdAt: Time,
  agendaItems: Count,
  activities: Count,
});

/** `{ ok: false, error, message }`: every refusal, HTTP or live. */
export const ErrorAnswer = z.strictObject({ ok: z.literal(false), error: z.enum(ERROR_CODES), message: Str });
export const OkAnswer = z.strictObject({ ok: z.literal(true) });

/** [MEET6][CHAT7] `GET /api/meetings/:id/results`. */
export const ResultsAnswer = z.strictObject({
  meeting: MeetingViewSchema,
  agenda: z.array(AgendaItemSchema),
  /** How many participants joined. */
  participants: Count,
  activities: z.array(z.strictObject({ activity: ActivityViewSchema, results: ResultsSchema })),
  chat: ChatExportSchema,
  timers: z.array(TimerViewSchema),
});
export type ResultsAnswer = z.infer<typeof ResultsAnswer>;

/**
 * Every route of the HTTP table with the schema of its successful JSON answer, keyed as the table
 * names it (`METHOD path`). The export route answers a file, not JSON.
 */
export const HTTP_ANSWERS = {
  'GET /api/health': OkAnswer,
  'GET /api/config': z.strictObject({ adminRequired: z.boolean(), publicUrl: Str.nullable() }),
  'POST /api/meetings': z.strictObject({
    id: Str,
    code: Str,
    displayCode: Str,
    title: Str,
    date: Str.nullable(),
    facilitatorToken: Str,
    secretaryToken: Str,
    links: z.strictObject({ facilitator: Str, secretary: Str, participant: Str, screen: Str }),
  }),
  'GET /api/meetings/code/:code': z.strictObject({ id: Str, code: Str, title: Str, date: Str.nullable() }),
  'POST /api/join': z.strictObject({
    meeting: MeetingViewSchema,
    participant: z.strictObject({ id: Str, name: Str, orgType: z.enum(ORG_TYPES).nullable() }),
    token: Str,
  }),
  'GET /api/meetings/:id/results': ResultsAnswer,
  'GET /api/meetings/:id/export': null,
  'POST /api/meetings/:id/templates': z.strictObject({ template: TemplateViewSchema, token: Str, link: Str }),
  'GET /api/templates': z.strictObject({ templates: z.array(TemplateViewSchema) }),
  'GET /api/templates/:id': z.strictObject({ template: TemplateViewSchema, content: TemplateContent }),
  'DELETE /api/templates/:id': OkAnswer,
  'DELETE /api/meetings/:id': OkAnswer,
} as const;
export type HttpRoute = keyof typeof HTTP_ANSWERS;
