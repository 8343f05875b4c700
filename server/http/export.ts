import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import { EXPORT_FORMATS, type ExportSources, renderExport } from '../export';
import { activityView } from '../meetings/activities';
import type { MeetingRecord } from '../storage/store';
import { sendInvalid } from './errors';

const ExportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` }),
  sep: z.enum(['comma', 'semicolon']).optional(),
  lang: z.enum(['nl', 'en']).optional(),
});

type Staff = (
  req: Request,
  res: Response,
  roles: ('facilitator' | 'secretary')[],
) => Promise<{ meeting: MeetingRecord } | null>;

/**
 * [REPORT10][REPORT11] `GET /api/meetings/:id/export?format=docx|pdf|md|html|csv[&sep=semicolon]
 * [&lang=en]`, for the facilitator or secretary token. Errors like the results API (MEET6).
 */
export function exportHandler(ctx: AppContext, staff: Staff) {
  return async (req: Request, res: Response): Promise<void> => {
    const ok = await staff(req, res, ['facilitator', 'secretary']);
    if (!ok) return;
    const q = ExportQuery.safeParse(req.query);
    if (!q.success) return sendInvalid(res, q.error);
    const file = await renderExport(exportSources(ctx), ok.meeting, q.data.format, {
      lang: q.data.lang ?? 'nl',
      sep: q.data.sep === 'semicolon' ? ';' : ',',
    });
    res.setHeader('Content-Type', file.contentType);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    );
    res.setHeader('Cache-Control', 'no-store');
    res.send(file.body);
  };
}

/** The read models the exports render, from the app's services. */
function exportSources(ctx: AppContext): ExportSources {
  return {
    report: (meetingId) => ctx.collab.read(meetingId),
    async results(meetingId) {
      const activities = [];
      for (const a of await ctx.store.activities.list(meetingId)) {
        activities.push({ activity: activityView(a), results: await ctx.activities.results(a) });
      }
      const chat = (await ctx.chat.export(meetingId)).messages;
      return { agenda: await ctx.agenda.list(meetingId), activities, chat };
    },
  };
}
