import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocBlock } from '../../shared/report/document';
import { docText } from '../../shared/report/document';
import { appendBlocks, readReport } from '../../shared/report/ydoc';
import { assertPopplerInCi, hasPoppler, pdfInfo, popplerWarnings } from '../helpers/parse';
import { type CreatedMeeting, eventually, startServer, type TestServer } from '../helpers/server';
import { type YClient, yClient } from '../helpers/yjs';

/**
 * [REPORT15] A long verslag as a tagged PDF: marked content never spans a page, so Poppler (and
 * screen readers, PDF/UA checkers) read a sound structure tree, and a paragraph that runs over a
 * page break is still one P with all its text.
 */
let srv: TestServer;
let m: CreatedMeeting;
let sec: YClient;

const SENTENCES = [
  'De dialoog, in de begeleidingsgroep en in het land, is goed, maar het zijn bubbels.',
  'Het moet een maatschappelijk gedragen gesprek worden om de transitie voor iedereen voor elkaar te krijgen.',
  'Bij gemeenten neemt het besef toe dat een ambtenaar die aan de energietransitie werkt, samenwerkt met andere transities.',
  'Er is kritiek op het programma dat er te weinig gestructureerd geleerd werd.',
  'Koplopers gaan niet alleen over bewoners: ook ambtenaren en instituties leren mee.',
];
const sentence = (i: number) => SENTENCES[i % SENTENCES.length]!;
/** A paragraph of `n` sentences, numbered so that every paragraph is unique. */
const paragraph = (k: number, n: number) =>
  `(${k}) ${Array.from({ length: n }, (_, i) => sentence(k + i)).join(' ')}`;

const para = (text: string): DocBlock => ({ type: 'paragraph', content: [{ text }] });
/** 20 sections of a verslag like seed 000: text, bullets, a numbered list, a quote, long paragraphs. */
const SECTIONS: DocBlock[] = Array.from({ length: 20 }, (_, s) => [
  { type: 'heading', level: 2, content: [{ text: `Agendapunt ${s + 1}` }] } as DocBlock,
  para(paragraph(s * 10, 4)),
  para(paragraph(s * 10 + 1, 14)),
  { type: 'bulletList', items: [2, 3, 4].map((k) => [para(paragraph(s * 10 + k, 2))]) } as DocBlock,
  { type: 'orderedList', start: 1, items: [5, 6].map((k) => [para(paragraph(s * 10 + k, 1))]) } as DocBlock,
  { type: 'quote', children: [para(paragraph(s * 10 + 7, 2))] } as DocBlock,
  para(paragraph(s * 10 + 8, 9)),
]).flat();

beforeAll(async () => {
  assertPopplerInCi();
  srv = await startServer();
  m = await srv.createMeeting('Lang verslag', '2021-03-31');
  sec = yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'Sec', color: '#000' } });
  await sec.synced();
  appendBlocks(sec.doc, [...SECTIONS, para('klaar-einde')]);
  await eventually(() => docText(readReport(srv.app.ctx.collab.loaded(m.id)!.doc)).includes('klaar-einde'));
});
afterAll(async () => {
  sec?.destroy();
  await srv?.close();
});

/** `pdfinfo -struct-text` as elements with the texts of their own marked content. */
function structElements(struct: string): { type: string; texts: string[] }[] {
  const out: { type: string; texts: string[] }[] = [];
  for (const line of struct.split('\n')) {
    const el = /^\s*(\w+)(?: \((?:block|inline)\))?$/.exec(line);
    if (el) out.push({ type: el[1]!, texts: [] });
    const text = /^\s*"(.*)"$/.exec(line);
    if (text && out.length > 0) out[out.length - 1]!.texts.push(text[1]!);
  }
  return out;
}

describe('the PDF of a long verslag', () => {
  it.runIf(hasPoppler)(
    '[REPORT15] 20+ pages: no Poppler syntax warning, the structure tree holds every paragraph whole, even across page breaks',
    async () => {
      const res = await fetch(`${srv.url}/api/meetings/${m.id}/export?format=pdf`, {
        headers: { authorization: `Bearer ${m.secretaryToken}` },
      });
      const pdf = Buffer.from(await res.arrayBuffer());
      const { info, struct } = pdfInfo(pdf);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(20);
      expect(info).toMatch(/Tagged:\s+yes/);
      // Before REPORT15: "Syntax Warning (…): Mismatched EMC operator" at every page break.
      expect(popplerWarnings(pdf)).toEqual([]);

      const elements = structElements(struct);
      expect(elements[0]?.type).toBe('Document');
      const expected = docText(SECTIONS).filter((t) => t.startsWith('('));
      const tagged = elements.filter((e) => e.type === 'P').map((e) => e.texts.join(''));
      for (const text of expected) expect(tagged, text.slice(0, 40)).toContain(text);
      // Paragraphs did run over page breaks: their text is in two marked-content parts.
      const split = elements.filter((e) => e.type === 'P' && e.texts.length > 1);
      expect(split.length).toBeGreaterThan(0);
      const headings = elements.filter((e) => e.type === 'H2').map((e) => e.texts.join(''));
      expect(headings.filter((h) => h.startsWith('Agendapunt'))).toEqual(
        Array.from({ length: 20 }, (_, s) => `Agendapunt ${s + 1}`),
      );
      expect(elements.filter((e) => e.type === 'LI')).toHaveLength(20 * 5);
      // Page numbers are artifacts: never in the structure a screen reader reads.
      expect(struct).not.toMatch(/Pagina \d+ van/);
    },
  );
});
