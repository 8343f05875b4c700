import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../context';
import { EXPORT_FORMATS, type ExportSources, renderExport } from '../export';
import { ExportsBusyError } from '../export/pool';
import { activityView } from '../meetings/activities';
import { REFUSALS } from '../security/refusals';
import type { MeetingRecord } from '../storage/store';
import { sendError, sendInvalid } from './errors';

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
 * [&lang=en]`, for the facilitator or secretary token. Errors like the results API (MEET6); 503
 * with a sentence when every render worker is busy and the render queue is full.
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
    }).catch((err: unknown) => {
      if (!(err instanceof ExportsBusyError)) throw err;
      // Every render worker is busy and the queue is full: a little later it is made.
      res.setHeader('Retry-After', '10');
      sendError(res, 'unavailable', REFUSALS.exportsBusy);
      return null;
    });
    if (!file) return;
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
    reportState: (meetingId) => ctx.collab.state(meetingId),
    render: (job) => ctx.exports.render(job),
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
