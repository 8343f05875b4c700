import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNSTORABLE_ISSUE } from '../../shared/domain/chars';
import { newId } from '../../shared/domain/ids';
import type { DocBlock } from '../../shared/report/document';
import { docText } from '../../shared/report/document';
import { appendBlocks, readReport } from '../../shared/report/ydoc';
import { openScalePoll } from '../helpers/fixtures';
import {
  assertLibreOfficeInCi,
  docxToPdf,
  hasLibreOffice,
  parseXmlStrictly,
  xmlParts,
} from '../helpers/office';
import { assertPopplerInCi, hasPoppler, pdfText, popplerWarnings, readDocx } from '../helpers/parse';
import { type CreatedMeeting, call, eventually, ok, startServer, type TestServer } from '../helpers/server';
import { BIDI_TRICKS, CONTROL_CHARS, UNSTORABLE_CHARS, XSS_PAYLOADS } from '../helpers/xss';
import { type YClient, yClient } from '../helpers/yjs';

/**
 * [XSS3] One person's stray U+FFFE must not spoil the secretary's export. Text fields refuse
 * noncharacters and lone surrogates; the verslag (whose text comes from editors, where such
 * characters can be pasted) is exported without anything XML 1.0 cannot hold.
 */
let srv: TestServer;
let m: CreatedMeeting;
let sec: YClient;

const REFUSAL = UNSTORABLE_ISSUE;
const HOSTILE = [...UNSTORABLE_CHARS, ...CONTROL_CHARS, ...BIDI_TRICKS];
/** The text of a hostile string as an export must carry it: only the unstorable characters gone. */
const kept = (s: string) =>
  s
    // Yjs sends text as UTF-8: a lone surrogate arrives as U+FFFD, a valid character.
    .replace(/[\uD800-\uDFFF]/gu, '\uFFFD')
    .replace(/[\p{Noncharacter_Code_Point}]/gu, '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters the export drops
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

beforeAll(async () => {
  assertPopplerInCi();
  assertLibreOfficeInCi();
  srv = await startServer();
  m = await srv.createMeeting('Verslag met rare tekens');
  sec = yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'Sec', color: '#000' } });
  await sec.synced();
  const para = (text: string): DocBlock => ({ type: 'paragraph', content: [{ text }] });
  appendBlocks(sec.doc, [
    { type: 'heading', level: 2, content: [{ text: `Kop ${UNSTORABLE_CHARS[0]}` }] },
    ...HOSTILE.map(para),
    ...XSS_PAYLOADS.slice(0, 10).map(para),
    {
      type: 'paragraph',
      content: [
        { text: 'vet\uFFFF ', bold: true },
        { text: 'link\uFFFE', link: 'https://example.org/\uFFFE' },
      ],
    },
    { type: 'bulletList', items: HOSTILE.map((t) => [para(t)]) },
    { type: 'quote', children: [para(`Citaat ${CONTROL_CHARS[0]}`)] },
    para('klaar-einde'),
  ]);
  await eventually(() => docText(readReport(srv.app.ctx.collab.loaded(m.id)!.doc)).includes('klaar-einde'));
});
afterAll(async () => {
  sec?.destroy();
  await srv?.close();
});

const exported = async (format: string) => {
  const res = await fetch(`${srv.url}/api/meetings/${m.id}/export?format=${format}`, {
    headers: { authorization: `Bearer ${m.secretaryToken}` },
  });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
};

describe('exports of hostile text', () => {
  it('[XSS3] DOCX: every XML part is well-formed to a strict parser; only the unstorable characters are gone', async () => {
    const docx = await exported('docx');
    const parts = xmlParts(docx);
    expect(Object.keys(parts)).toContain('word/document.xml');
    for (const [name, xml] of Object.entries(parts)) {
      expect(() => parseXmlStrictly(xml), name).not.toThrow();
    }
    const texts = readDocx(docx).paragraphs.map((p) => p.text);
    for (const s of HOSTILE) expect(texts, JSON.stringify(s)).toContain(kept(s));
    expect(texts).toContain('Kop Voorna');
    expect(texts).toContain('vet link');
    expect(texts).toContain(XSS_PAYLOADS[0]);
  });

  it.runIf(hasLibreOffice && hasPoppler)(
    '[XSS3] DOCX: LibreOffice opens it (headless conversion) and its text reads back',
    async () => {
      const [pdf] = await docxToPdf([await exported('docx')]);
      expect(pdf, 'LibreOffice could not load the Word file').toBeTruthy();
      const text = pdfText(pdf!).replace(/\s+/g, ' ');
      for (const want of ['Kop Voorna', 'Einde', 'begin', 'los', 'Citaat nulteken', 'klaar-einde']) {
        expect(text).toContain(want);
      }
    },
  );

  it.runIf(hasPoppler)(
    '[XSS3] PDF and HTML: no character outside XML 1.0, no box for a bidi control; Poppler reads the PDF without a warning',
    async () => {
      const pdf = await exported('pdf');
      expect(popplerWarnings(pdf)).toEqual([]);
      const text = pdfText(pdf);
      expect(text).toContain('Voorna');
      expect(text).not.toMatch(/[\uFFFE\uFFFF\uFDD0]/u);
      // Bidi controls are invisible: the PDF lays out directions itself and draws no box for them
      // (a box split "en ⁦Nederlands⁩" into separate words). pdftotext adds its own RLE/PDF marks.
      expect(text).not.toMatch(/[\u061C\u200E\u200F\u202A\u202D\u202E\u2066-\u2069]/u);
      expect(text).toContain('en Nederlands');
      expect(text).toContain('إلى');
      const html = (await exported('html')).toString('utf8');
      // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not be in the file
      expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\p{Noncharacter_Code_Point}]/u);
      expect(html).toContain('Voorna');
    },
  );
});

describe('text fields', () => {
  it('[XSS3] noncharacters and lone surrogates are refused with one sentence, over HTTP and live; nothing is stored', async () => {
    const fac = await srv.connect(m.code, m.facilitatorToken);
    const poll = await openScalePoll(fac);
    const joined = await srv.join(m.code, 'Ann');
    const ann = await srv.connect(m.code, joined.token);
    for (const bad of UNSTORABLE_CHARS) {
      const label = JSON.stringify(bad);
      // JSON.stringify writes a lone surrogate as `\ud800`; the server's JSON.parse gives it back.
      const res = await fetch(`${srv.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: m.code, name: bad }),
      });
      expect(res.status, label).toBe(400);
      expect(((await res.json()) as { message: string }).message, label).toContain(REFUSAL);
      for (const [socket, event, payload] of [
        [ann, 'chat:send', { id: newId(), channel: 'meeting', text: bad }],
        [ann, 'response:submit', { id: newId(), activityId: poll.id, value: { level: 1 }, note: bad }],
        [fac, 'agenda:add', { id: newId(), title: bad }],
      ] as const) {
        const r = await call(socket, event, payload);
        expect(r, `${event} ${label}`).toMatchObject({ ok: false, error: 'invalid_payload' });
        expect(r.ok ? '' : r.message).toContain(REFUSAL);
      }
    }
    // The same texts without those characters go through.
    await ok(ann, 'chat:send', { id: newId(), channel: 'meeting', text: 'Voorna' });
    const results = await (
      await fetch(`${srv.url}/api/meetings/${m.id}/results`, {
        headers: { authorization: `Bearer ${m.secretaryToken}` },
      })
    ).json();
    expect(results.participants).toBe(1);
    expect(results.agenda).toEqual([]);
    expect(results.chat.messages.map((x: { text: string }) => x.text)).toEqual(['Voorna']);
    expect(results.activities[0].results.notes).toEqual([]);
  });
});
