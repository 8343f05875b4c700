import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChoiceResults } from '../../shared/domain/activities';
import type { ActivityView } from '../../shared/domain/types';
import type { ChoiceSpec } from '../../shared/protocol/schemas/activity';
import { isolate } from '../../shared/report/bidi';
import { blocksToDoc, docText } from '../../shared/report/document';
import { harvestChoice } from '../../shared/report/toolkit';
import { appendBlocks, readReport } from '../../shared/report/ydoc';
import { assertPopplerInCi, hasPoppler, pdfText, readDocx } from '../helpers/parse';
import { type CreatedMeeting, eventually, ok, startServer, type TestServer } from '../helpers/server';
import { createActivity, submit } from '../helpers/toolkit';
import { type YClient, yClient } from '../helpers/yjs';

/**
 * [TEXT2] People's text set into the verslag's sentences and lists (an option of a ranking with
 * its votes after it) is isolated, so an unclosed right-to-left override in it cannot flip the
 * "— 2 stemmen" after it, in any export.
 */
const RLO_OPTION = '\u202EVertrouwen';
const ARABIC_OPTION = 'الثقة أولا';
const FSI = '\u2068';
const PDI = '\u2069';

let srv: TestServer;
let m: CreatedMeeting;
let sec: YClient;

beforeAll(async () => {
  assertPopplerInCi();
  srv = await startServer();
  m = await srv.createMeeting('Tweetalig');
  const fac = await srv.connect(m.code, m.facilitatorToken);
  const act = await createActivity(fac, {
    kind: 'choice',
    question: 'Wat is het belangrijkst?',
    options: [RLO_OPTION, ARABIC_OPTION, 'Gelijkwaardigheid'],
    mode: 'single',
  });
  for (const [i, pick] of [0, 0, 1].entries()) {
    const j = await srv.join(m.code, `Deelnemer ${i + 1}`);
    const s = await srv.connect(m.code, j.token);
    expect((await submit(s, act.id, { selected: [pick] })).ok).toBe(true);
  }
  const res = await fetch(`${srv.url}/api/meetings/${m.id}/results`, {
    headers: { authorization: `Bearer ${m.facilitatorToken}` },
  });
  const { activities } = (await res.json()) as {
    activities: { activity: ActivityView<ChoiceSpec>; results: ChoiceResults }[];
  };
  const blocks = harvestChoice(activities[0]!.activity, activities[0]!.results, 'nl');
  sec = yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'Sec', color: '#000' } });
  await sec.synced();
  appendBlocks(sec.doc, blocksToDoc([...blocks, { type: 'paragraph', content: [{ text: 'klaar-einde' }] }]));
  await eventually(() => docText(readReport(srv.app.ctx.collab.loaded(m.id)!.doc)).includes('klaar-einde'));
  await ok(fac, 'activity:close', { id: act.id });
});
afterAll(async () => {
  sec?.destroy();
  await srv?.close();
});

const get = async (format: string) => {
  const res = await fetch(`${srv.url}/api/meetings/${m.id}/export?format=${format}`, {
    headers: { authorization: `Bearer ${m.secretaryToken}` },
  });
  expect(res.status).toBe(200);
  return res;
};

describe('reading order in the verslag and its exports', () => {
  it('[TEXT2] isolate() wraps only text that could move its neighbours, and keeps no stray isolate mark inside', () => {
    expect(isolate('Gelijkwaardigheid')).toBe('Gelijkwaardigheid');
    expect(isolate(RLO_OPTION)).toBe(`${FSI}${RLO_OPTION}${PDI}`);
    expect(isolate(ARABIC_OPTION)).toBe(`${FSI}${ARABIC_OPTION}${PDI}`);
    expect(isolate(`a${PDI}\u202Eb`)).toBe(`${FSI}a\u202Eb${PDI}`);
  });

  it('[TEXT2][CHOICE8] the harvest isolates right-to-left options before their votes; Markdown, HTML and DOCX keep the isolates', async () => {
    const md = await (await get('md')).text();
    expect(md).toContain(`${FSI}${RLO_OPTION}${PDI} — 2 stemmen`);
    expect(md).toContain(`${FSI}${ARABIC_OPTION}${PDI} — 1 stem`);
    // The sentence too: ‘…’ around an isolated option.
    expect(md).toContain(`‘${FSI}${RLO_OPTION}${PDI}’ staat voorop`);
    const html = await (await get('html')).text();
    expect(html).toContain(`${FSI}${RLO_OPTION}${PDI} — 2 stemmen`);
    const docx = readDocx(Buffer.from(await (await get('docx')).arrayBuffer()));
    expect(docx.paragraphs.map((p) => p.text)).toContain(`${FSI}${RLO_OPTION}${PDI} — 2 stemmen`);
    // A list item led by an isolated Arabic option is still a Dutch (left-to-right) line.
    const item = /<p dir="[a-z]+">\u2068الثقة/.exec(html)?.[0];
    expect(item).toBeDefined();
    expect(item).not.toContain('rtl');
    expect(docx.xml).not.toContain('<w:bidi/>');
    // Ordinary Dutch text carries no invisible characters.
    expect(docx.paragraphs.map((p) => p.text)).toContain('Gelijkwaardigheid — 0 stemmen');
  });

  it.runIf(hasPoppler)(
    '[TEXT2][REPORT10] the PDF, which orders words itself, keeps "— 2 stemmen" after an option with an override and draws no isolate marks',
    async () => {
      const text = pdfText(Buffer.from(await (await get('pdf')).arrayBuffer()));
      // (pdftotext itself marks right-to-left runs with U+202B … U+202C; those are not in the PDF.)
      expect(text).not.toMatch(/[\u202D\u202E\u2066-\u2069]/);
      expect(text).toMatch(/Vertrouwen — 2 stemmen/);
    },
  );
});
