import { type NextFunction, type Request, type Response, Router } from 'express';
import { formatCode } from '../../shared/domain/ids';
import { DomainError, ERROR_SENTENCES } from '../../shared/protocol/ack';
import type { ResultsAnswer } from '../../shared/protocol/schemas/http';
import { JoinRequest, MeetingCreate } from '../../shared/protocol/schemas/meeting';
import { TemplateSave } from '../../shared/protocol/schemas/template';
import type { AppContext } from '../context';
import { activityView } from '../meetings/activities';
import { meetingView, participantSelf } from '../meetings/meetings';
import { hashToken, sameHash } from '../meetings/tokens';
import { clientIp } from '../security/origin';
import type { RateLimiter } from '../security/rateLimit';
import { isStoreUnavailable } from '../storage/unavailable';
import { bearer } from './auth';
import { oneAtATime } from './downloads';
import { sendError, sendInvalid } from './errors';
import { exportHandler } from './export';

type Handler = (req: Request, res: Response) => Promise<void>;
const wrap =
  (ctx: AppContext, h: Handler) =>
  (req: Request, res: Response, next: NextFunction): void => {
    h(req, res).catch((err: unknown) => {
      if (err instanceof DomainError) return sendError(res, err.code, err.message, { issues: err.issues });
      if (isStoreUnavailable(err) && !res.headersSent) {
        // [DEPLOY3] Not a fault of this server: PostgreSQL is away; the person may simply retry.
        ctx.log.warn('store unavailable', { path: req.route?.path });
        res.setHeader('Retry-After', '5');
        return sendError(res, 'unavailable', ERROR_SENTENCES.unavailable);
      }
      ctx.log.error('request failed', {
        path: req.route?.path,
        err: err instanceof Error ? err.message : String(err),
      });
      if (res.headersSent) return next(err);
      sendError(res, 'internal', 'something went wrong on the server');
    });
  };

/** The public HTTP API (see docs/PROTOCOL.md). */
export function apiRouter(ctx: AppContext): Router {
  const r = Router();

  const ip = (req: Request) => clientIp(req, ctx.config.trustProxy);
  /** Takes a token from `limiter` for this caller, or answers 429 with Retry-After. */
  const limited = (limiter: RateLimiter, req: Request, res: Response): boolean => {
    const key = ip(req);
    if (limiter.take(key)) return false;
    res.setHeader('Retry-After', String(limiter.retryAfter(key)));
    sendError(res, 'rate_limited', 'too many requests; try again later');
    return true;
  };
  /** [ABUSE2] Guessing codes: callers who hit unknown codes too often are refused for a while. */
  const guessing = (req: Request, res: Response): boolean => {
    if (ctx.limiters.codeMiss.peek(ip(req))) return false;
    res.setHeader('Retry-After', String(ctx.limiters.codeMiss.retryAfter(ip(req))));
    sendError(res, 'rate_limited', 'too many unknown codes; try again later');
    return true;
  };
  const missed = (req: Request) => ctx.limiters.codeMiss.take(ip(req));

  /** [ABUSE8] One results or export answer at a time per address and meeting. */
  const download = oneAtATime((req) => `${ip(req)} ${String(req.params.id)}`);

  const baseUrl = (req: Request) => ctx.config.publicUrl ?? `${req.protocol}://${req.get('host')}`;

  /** Staff role for `:id` from the bearer token, or an error response already sent. */
  const staff = async (req: Request, res: Response, roles: ('facilitator' | 'secretary')[]) => {
    const token = bearer(req);
    const id = String(req.params.id);
    const meeting = await ctx.store.meetings.get(id);
    if (!meeting) {
      sendError(res, 'not_found', 'no such meeting');
      return null;
    }
    if (!token) {
      sendError(res, 'unauthorized', 'send the facilitator or secretary token as a Bearer token');
      return null;
    }
    const role = await ctx.meetings.staffRole(id, token);
    if (!role || !roles.includes(role)) {
      sendError(res, 'forbidden', 'this token does not give access to this');
      return null;
    }
    return { meeting, role };
  };

  /** True when the request carries the server's ADMIN_TOKEN (never when none is set). */
  const isAdmin = (req: Request) => {
    const token = bearer(req);
    const admin = ctx.config.adminToken;
    return admin !== null && token !== undefined && sameHash(hashToken(token), hashToken(admin));
  };

  r.get('/health', (_req, res) => {
    res.json({ ok: true });
  });

  /**
   * What the start page needs to know: whether creating a meeting takes an admin token; and the
   * address people use (PUBLIC_URL, or null: then the page's own), for the links and the screen's QR code.
   */
  r.get('/config', (_req, res) => {
    res.json({ adminRequired: ctx.config.adminToken !== null, publicUrl: ctx.config.publicUrl ?? null });
  });

  // [MEET1] Create a meeting: its id, join code and its links (two secret, participant, screen).
  r.post(
    '/meetings',
    wrap(ctx, async (req, res) => {
      if (limited(ctx.limiters.create, req, res)) return;
      if (ctx.config.adminToken !== null) {
        const token = bearer(req);
        if (!token) return sendError(res, 'unauthorized', 'creating a meeting requires the admin token');
        if (!sameHash(hashToken(token), hashToken(ctx.config.adminToken))) {
          return sendError(res, 'forbidden', 'wrong admin token');
        }
      }
      const parsed = MeetingCreate.safeParse(req.body);
      if (!parsed.success) return sendInvalid(res, parsed.error);
      // [TPL3] A template is opened (its secret checked) before anything is created.
      const ref = parsed.data.template;
      const template = ref ? await ctx.templates.open(ref.id, ref.token, isAdmin(req)) : null;
      const { meeting, facilitatorToken, secretaryToken } = await ctx.meetings.create(
        parsed.data,
        template?.content,
      );
      const base = baseUrl(req);
      res.status(201).json({
        id: meeting.id,
        code: meeting.code,
        displayCode: formatCode(meeting.code),
        title: meeting.title,
        date: meeting.date,
        facilitatorToken,
        secretaryToken,
        links: {
          facilitator: `${base}/m/${meeting.code}/leiding#${facilitatorToken}`,
          secretary: `${base}/m/${meeting.code}/verslag#${secretaryToken}`,
          participant: `${base}/m/${meeting.code}`,
          screen: `${base}/m/${meeting.code}/scherm`,
        },
      });
    }),
  );

  // Public facts about a meeting for the join page: title and date only.
  r.get(
    '/meetings/code/:code',
    wrap(ctx, async (req, res) => {
      if (guessing(req, res)) return;
      const m = await ctx.meetings.byCode(String(req.params.code));
      if (!m) {
        missed(req);
        return sendError(res, 'not_found', 'no meeting with this code');
      }
      res.json({ id: m.id, code: m.code, title: m.title, date: m.date });
    }),
  );

  // [MEET2] Join (or rejoin with an earlier token) with a display name.
  r.post(
    '/join',
    wrap(ctx, async (req, res) => {
      if (guessing(req, res) || limited(ctx.limiters.join, req, res)) return;
      const parsed = JoinRequest.safeParse(req.body);
      if (!parsed.success) return sendInvalid(res, parsed.error);
      const known = await ctx.meetings.byCode(parsed.data.code);
      if (!known) {
        missed(req);
        return sendError(res, 'not_found', 'no meeting with this code');
      }
      const { meeting, participant, token, rejoined } = await ctx.meetings.join(parsed.data, known);
      if (rejoined) ctx.publish.presence(meeting.id);
      res.status(rejoined ? 200 : 201).json({
        meeting: meetingView(meeting),
        participant: participantSelf(participant),
        token,
      });
    }),
  );

  // [MEET6] Every activity's results, for facilitator and secretary.
  r.get(
    '/meetings/:id/results',
    download,
    wrap(ctx, async (req, res) => {
      const ok = await staff(req, res, ['facilitator', 'secretary']);
      if (!ok) return;
      const activities = await ctx.store.activities.list(ok.meeting.id);
      const items = [];
      for (const a of activities) {
        items.push({ activity: activityView(a), results: await ctx.activities.results(a) });
      }
      // [MEET9] Typed as the documented answer (shared/protocol/schemas/http.ts).
      const body: ResultsAnswer = {
        meeting: meetingView(ok.meeting),
        agenda: await ctx.agenda.list(ok.meeting.id),
        participants: await ctx.store.participants.count(ok.meeting.id),
        activities: items,
        // [CHAT7] Per channel the message counts, top tips and links; every message as a flat row.
        chat: await ctx.chat.export(ok.meeting.id),
        timers: await ctx.store.timers.list(ok.meeting.id),
      };
      res.json(body);
    }),
  );

  // [REPORT10][REPORT11] The verslag (DOCX, PDF, Markdown, HTML) or all results (CSV).
  r.get('/meetings/:id/export', download, wrap(ctx, exportHandler(ctx, staff)));

  // [TPL2] The facilitator saves the meeting's preparation as a template; its secret is shown once.
  r.post(
    '/meetings/:id/templates',
    wrap(ctx, async (req, res) => {
      const ok = await staff(req, res, ['facilitator']);
      if (!ok) return;
      const parsed = TemplateSave.safeParse(req.body);
      if (!parsed.success) return sendInvalid(res, parsed.error);
      const { template, token } = await ctx.templates.save(ok.meeting.id, parsed.data);
      res.status(201).json({
        template,
        token,
        // The secret after `#`, like the staff links: it never reaches a server log.
        link: `${baseUrl(req)}/?sjabloon=${template.id}#${token}`,
      });
    }),
  );

  // [TPL4] Every template of this server: only for the holder of ADMIN_TOKEN.
  r.get(
    '/templates',
    wrap(ctx, async (req, res) => {
      if (ctx.config.adminToken === null) {
        return sendError(
          res,
          'forbidden',
          'templates are listed only on a server with ADMIN_TOKEN; open one with its own link',
        );
      }
      if (!bearer(req)) return sendError(res, 'unauthorized', 'send the admin token as a Bearer token');
      if (!isAdmin(req)) return sendError(res, 'forbidden', 'wrong admin token');
      res.json({ templates: await ctx.templates.list() });
    }),
  );

  // [TPL4] One template, with its secret (or the admin token) as Bearer.
  r.get(
    '/templates/:id',
    wrap(ctx, async (req, res) => {
      if (!bearer(req)) return sendError(res, 'unauthorized', "send the template's secret as a Bearer token");
      res.json(await ctx.templates.open(String(req.params.id), bearer(req), isAdmin(req)));
    }),
  );

  r.delete(
    '/templates/:id',
    wrap(ctx, async (req, res) => {
      if (!bearer(req)) return sendError(res, 'unauthorized', "send the template's secret as a Bearer token");
      await ctx.templates.remove(String(req.params.id), bearer(req), isAdmin(req));
      res.json({ ok: true });
    }),
  );

  // [MEET7] The facilitator deletes the meeting and everything in it.
  r.delete(
    '/meetings/:id',
    wrap(ctx, async (req, res) => {
      const ok = await staff(req, res, ['facilitator']);
      if (!ok) return;
      await ctx.meetings.delete(ok.meeting.id);
      res.json({ ok: true });
    }),
  );

  r.use((_req, res) => sendError(res, 'not_found', 'no such API route'));
  return r;
}
