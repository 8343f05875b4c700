import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedDemoMeeting } from '../../server/demo/seed';
import { newId } from '../../shared/domain/ids';
import { ErrorAnswer, HTTP_ANSWERS, type HttpRoute, ResultsAnswer } from '../../shared/protocol/schemas/http';
import { ok, startServer, type TestServer } from '../helpers/server';
import { submit } from '../helpers/toolkit';

/**
 * [MEET9] PROTOCOL.md's HTTP section, the schemas in shared/protocol/schemas/http.ts and the
 * server's real answers agree: every route of the table has a schema; the shapes the table writes
 * (`{ meeting, agenda, activities: [{ activity, results }] }`, named types like `ChatRow = { … }`)
 * have exactly the schemas' keys; every JSON example parses; every real answer parses (strictly).
 */
const PROTOCOL = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/PROTOCOL.md'), 'utf8');
const HTTP = PROTOCOL.slice(PROTOCOL.indexOf('## HTTP'), PROTOCOL.indexOf('## Socket.IO'));

/** A documented shape: `{ a, b: { c }, d: [{ e }], f: Name, g: Name[] }`. */
type Shape = { keys: Map<string, Shape | string | null> };

/** Reads the shape notation from `text[at]` (an opening brace); returns it and where it ended. */
function readShape(text: string, at: number): { shape: Shape; end: number } {
  let i = at + 1;
  const keys = new Map<string, Shape | string | null>();
  const ws = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  for (;;) {
    ws();
    if (text[i] === '}') return { shape: { keys }, end: i + 1 };
    const key = /^"?([\w]+)"?\??/.exec(text.slice(i));
    if (!key) throw new Error(`unreadable shape at "${text.slice(i, i + 30)}"`);
    i += key[0].length;
    ws();
    let value: Shape | string | null = null;
    if (text[i] === ':') {
      i++;
      ws();
      const arrayOf = text[i] === '[';
      if (arrayOf) i++;
      if (text[i] === '{') {
        const inner = readShape(text, i);
        value = inner.shape;
        i = inner.end;
      } else {
        const name = /^[\w.]+(\[\])?/.exec(text.slice(i))![0];
        i += name.length;
        value = name.replace(/\[\]$/, '');
      }
      if (arrayOf) {
        ws();
        i++; // ]
      }
    }
    keys.set(key[1]!, value);
    ws();
    if (text[i] === ',') i++;
  }
}

/** Named shapes the HTTP section defines: "`TemplateView` is `{ … }`", "`ChatRow = { … }`". */
const flat = HTTP.replace(/\s*\n\s*/g, ' ');
const NAMED = new Map<string, Shape>();
for (const m of flat.matchAll(/`(\w+)` is `(\{[^`]*\})`|`(\w+) = (\{[^`]*\})`/g)) {
  NAMED.set((m[1] ?? m[3])!, readShape(m[2] ?? m[4]!, 0).shape);
}

/** The table's rows: route → the documented answer (its first `{ … }` after the status). */
const ROWS = new Map<string, string>();
for (const line of HTTP.split('\n')) {
  const cells = line.split('|').map((c) => c.trim());
  const route = /^`((?:GET|POST|DELETE|PUT|PATCH) [^`]+)`$/.exec(cells[1] ?? '');
  if (route) ROWS.set(route[1]!, cells[4] ?? '');
}

type Schema = z.ZodType;
const unwrap = (s: Schema): Schema => {
  if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) return unwrap(s.unwrap() as Schema);
  if (s instanceof z.ZodArray) return unwrap(s.element as Schema);
  return s;
};

/** Every documented key is in the schema and the schema has no key the docs leave out; nested too. */
function compare(shape: Shape, schema: Schema, where: string): void {
  const s = unwrap(schema);
  expect(s, `${where} is an object`).toBeInstanceOf(z.ZodObject);
  const fields = (s as z.ZodObject).shape as Record<string, Schema>;
  expect([...shape.keys.keys()].sort(), `keys of ${where}`).toEqual(Object.keys(fields).sort());
  for (const [key, value] of shape.keys) {
    const named = typeof value === 'string' ? NAMED.get(value) : value === null ? NAMED.get(key) : value;
    if (named) compare(named, fields[key]!, `${where}.${key}`);
  }
}

describe('the documented HTTP answers', () => {
  it('[MEET9] every route of the table has a schema, and the shapes the table writes match it key for key', () => {
    expect([...ROWS.keys()].sort()).toEqual(Object.keys(HTTP_ANSWERS).sort());
    for (const [route, answer] of ROWS) {
      const schema = HTTP_ANSWERS[route as HttpRoute];
      const brace = answer.search(/\d{3} \{/);
      if (schema === null) {
        expect(brace, `${route} answers a file`).toBe(-1);
        continue;
      }
      expect(brace, `${route}: a documented shape`).toBeGreaterThanOrEqual(0);
      compare(readShape(answer, answer.indexOf('{', brace)).shape, schema, route);
    }
    // The named types were all used (the results' chat through its key).
    expect([...NAMED.keys()].sort()).toEqual(['ChatRow', 'LinkRow', 'TemplateView', 'chat']);
  });

  it('[MEET9] every JSON example in PROTOCOL.md parses with its route’s schema', () => {
    const examples = [...PROTOCOL.matchAll(/<!-- example: (.+?) -->\n```json\n([\s\S]*?)\n```/g)];
    expect(examples.map((e) => e[1])).toContain('GET /api/meetings/:id/results');
    for (const [, route, json] of examples) {
      const schema = HTTP_ANSWERS[route as HttpRoute];
      expect(schema, route).toBeTruthy();
      const parsed = schema!.safeParse(JSON.parse(json!));
      expect(parsed.error?.issues ?? [], route).toEqual([]);
    }
  });
});

describe('the real answers', () => {
  let srv: TestServer;
  const ADMIN = 'beheer-geheim-0123456789';
  beforeAll(async () => {
    srv = await startServer({ config: { adminToken: ADMIN } });
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('[MEET9][MEET6][CHAT7] each route’s answer parses with its strict schema (a demo meeting with every kind answered)', async () => {
    const seen = new Set<string>();
    const call = async (route: HttpRoute, url: string, init: RequestInit = {}, token?: string) => {
      const [method] = route.split(' ');
      const res = await fetch(`${srv.url}${url}`, {
        ...init,
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      });
      const body: unknown = await res.json();
      expect(res.status, `${route}: ${JSON.stringify(body)}`).toBeLessThan(300);
      const parsed = HTTP_ANSWERS[route]!.safeParse(body);
      expect(parsed.error?.issues ?? [], route).toEqual([]);
      seen.add(route);
      return parsed.data as Record<string, unknown>;
    };
    await call('GET /api/health', '/api/health');
    await call('GET /api/config', '/api/config');
    const created = (await call(
      'POST /api/meetings',
      '/api/meetings',
      { body: JSON.stringify({ title: 'Leeg', date: null }) },
      ADMIN,
    )) as { id: string; code: string; facilitatorToken: string };
    await call('GET /api/meetings/code/:code', `/api/meetings/code/${created.code}`);

    // The demo meeting (scale, chat, room chats, break-outs with synthesis), every draft opened and answered.
    const demo = await seedDemoMeeting(srv.app.ctx);
    const joined = (await call('POST /api/join', '/api/join', {
      body: JSON.stringify({ code: demo.meeting.code, name: 'Kees', orgType: 'gemeente' }),
    })) as { token: string };
    const fac = await srv.connect(demo.meeting.code, demo.facilitatorToken);
    const kees = await srv.connect(demo.meeting.code, joined.token);
    const before = ResultsAnswer.parse(
      await call(
        'GET /api/meetings/:id/results',
        `/api/meetings/${demo.meeting.id}/results`,
        {},
        demo.secretaryToken,
      ),
    );
    for (const { activity } of before.activities.filter((a) => a.activity.status === 'draft')) {
      const a = await ok(fac, 'activity:open', { id: activity.id });
      const spec = a.spec;
      const value =
        spec.kind === 'statements'
          ? {
              answers: spec.statements.map((_, i) => ({
                position: i % 2 ? 'agree' : 'disagree',
                note: 'Omdat.',
              })),
            }
          : spec.kind === 'choice'
            ? { order: spec.options.map((_, i) => spec.options.length - 1 - i) }
            : spec.kind === 'words'
              ? { words: ['vertrouwen', 'lef'] }
              : null;
      if (value) expect((await submit(kees, a.id, value)).ok, spec.kind).toBe(true);
    }
    const msg = await ok(kees, 'chat:send', {
      id: newId(),
      channel: 'meeting',
      text: 'Weg ermee',
    });
    await ok(fac, 'chat:hide', { messageId: msg.id, on: true });
    const results = ResultsAnswer.parse(
      await call(
        'GET /api/meetings/:id/results',
        `/api/meetings/${demo.meeting.id}/results`,
        {},
        demo.secretaryToken,
      ),
    );
    expect(new Set(results.activities.map((a) => a.results.kind))).toEqual(
      new Set(['scale', 'statements', 'choice', 'words', 'breakout']),
    );
    const meetingChat = results.chat.channels.find((c) => c.channel === 'meeting')!;
    expect(meetingChat.hiddenCount).toBe(1);
    expect(meetingChat.messageCount).toBe(
      results.chat.messages.filter((r) => r.channel === 'meeting').length,
    );
    expect(results.chat.channels.some((c) => c.channel.startsWith('room:') && c.messageCount > 0)).toBe(true);

    const saved = (await call(
      'POST /api/meetings/:id/templates',
      `/api/meetings/${demo.meeting.id}/templates`,
      { body: JSON.stringify({ id: newId(), title: 'Begeleidingsgroep' }) },
      demo.facilitatorToken,
    )) as { template: { id: string }; token: string };
    await call('GET /api/templates', '/api/templates', {}, ADMIN);
    await call('GET /api/templates/:id', `/api/templates/${saved.template.id}`, {}, saved.token);
    await call('DELETE /api/templates/:id', `/api/templates/${saved.template.id}`, {}, saved.token);
    await call('DELETE /api/meetings/:id', `/api/meetings/${created.id}`, {}, created.facilitatorToken);

    // Refusals have their one shape too.
    const refused = await fetch(`${srv.url}/api/meetings/${demo.meeting.id}/results`, {
      headers: { authorization: 'Bearer fout' },
    });
    expect(refused.status).toBe(403);
    expect(ErrorAnswer.safeParse(await refused.json()).success).toBe(true);
    const json = Object.entries(HTTP_ANSWERS).filter(([, s]) => s !== null);
    expect([...seen].sort()).toEqual(json.map(([r]) => r).sort());
  });
});
