import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newId } from '../../shared/domain/ids';
import { blocksToDoc, docText } from '../../shared/report/document';
import { appendBlocks, readReport } from '../../shared/report/ydoc';
import { openScalePoll } from '../helpers/fixtures';
import { assertPopplerInCi, hasPoppler, pdfInfo, pdfText, readDocx } from '../helpers/parse';
import { EVERY_BLOCK, NESTED } from '../helpers/reportFixtures';
import { type CreatedMeeting, eventually, ok, startServer, type TestServer } from '../helpers/server';
import { type YClient, yClient } from '../helpers/yjs';

let srv: TestServer;
let m: CreatedMeeting;
let sec: YClient;

/** What the secretary wrote after the template: every block type, hostile text included. */
const WRITTEN = [...blocksToDoc(EVERY_BLOCK), NESTED];

beforeAll(async () => {
  assertPopplerInCi();
  srv = await startServer();
  m = await srv.createMeeting('Begeleidingsgroep <b>31 maart</b>', '2021-03-31');
  sec = yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'Sec', color: '#000' } });
  await sec.synced();
  appendBlocks(sec.doc, WRITTEN);
  const room = () => srv.app.ctx.collab.loaded(m.id)!;
  await eventually(() => docText(readReport(room().doc)).includes('Binnen drie'));
});
afterAll(async () => {
  sec?.destroy();
  await srv?.close();
});

const get = (format: string, token: string | null = m.secretaryToken, extra = '') =>
  fetch(`${srv.url}/api/meetings/${m.id}/export?format=${format}${extra}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

/** Heading texts of the verslag as the server holds it: template first, then what was written. */
const HEADINGS = [
  'Verslag Begeleidingsgroep <b>31 maart</b>',
  'Inleiding',
  'Afsluiting',
  'Verslag <script>alert(1)</script>',
  'Inleiding',
  'עברית en العربية 😀🎉',
];

describe('exports of the verslag, rendered on the server', () => {
  it('[REPORT11] the export route: 401 without token, 403 for a participant, 404 for no meeting, 400 for a bad format', async () => {
    const joined = await srv.join(m.code, 'Ann');
    expect((await get('md', null)).status).toBe(401);
    expect((await get('md', joined.token)).status).toBe(403);
    const r404 = await fetch(`${srv.url}/api/meetings/${newId()}/export?format=md`, {
      headers: { authorization: `Bearer ${m.secretaryToken}` },
    });
    expect(r404.status).toBe(404);
    const bad = await get('exe');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: 'invalid_payload' });
    const fac = await get('md', m.facilitatorToken);
    expect(fac.status).toBe(200);
    expect(fac.headers.get('content-disposition')).toMatch(
      /^attachment; filename="verslag-begeleidingsgroep-b-31-maart-b-2021-03-31\.md"/,
    );
  });

  it('[REPORT10] Markdown: the headings and text of the verslag, markup escaped, no javascript: link', async () => {
    const res = await get('md');
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown; charset=utf-8/);
    const md = await res.text();
    const headings = md.split('\n').filter((l) => /^#{1,4} /.test(l));
    expect(headings).toEqual([
      '# Verslag Begeleidingsgroep \\<b\\>31 maart\\</b\\>',
      '## Inleiding',
      '## Afsluiting',
      '# Verslag \\<script\\>alert(1)\\</script\\>',
      '## Inleiding',
      '### עברית en العربية 😀🎉',
    ]);
    expect(md).not.toMatch(/(^|[^\\])<(script|img|b)/m);
    expect(md).not.toContain('javascript:');
    expect(md).toContain('[link](<https://example.org/a?b=1&c=2>)');
    expect(md).toContain('**vet**');
    expect(md).toContain('- \\=cmd\\|');
    expect(md).toContain('1. Eerste\n2. Tweede');
    expect(md).toContain('> “Een citaat”');
    expect(md).toContain('- Buiten\n\n  3. Binnen drie');
  });

  it('[REPORT10] HTML: standalone, inline CSS, no script, no event handler, text escaped, RTL marked', async () => {
    const html = await (await get('html')).text();
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain(
      '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">link</a>',
    );
    expect(html).toContain('<h3 dir="rtl">עברית en العربية 😀🎉</h3>');
    expect(html).toMatch(/<ol>\s*<li>\s*<p dir="auto">Eerste<\/p>/);
    expect(html).toContain('<ol start="3">');
    expect(html).toMatch(/<blockquote>\s*<p dir="auto">“Een citaat”<\/p>\s*<\/blockquote>/);
    expect([...html.matchAll(/<h([1-4])[^>]*>(.*?)<\/h\1>/g)].map((x) => x[2])).toEqual(
      HEADINGS.map((h) => h.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')),
    );
  });

  it('[REPORT10] DOCX: unzipped, its XML has Word heading styles, numbered lists, hyperlinks, RTL and the exact texts', async () => {
    const res = await get('docx');
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const docx = readDocx(Buffer.from(await res.arrayBuffer()));
    const headings = docx.paragraphs.filter((p) => p.style?.startsWith('Heading'));
    expect(headings.map((p) => p.text)).toEqual(HEADINGS);
    expect(headings.map((p) => p.style)).toEqual([
      'Heading1',
      'Heading2',
      'Heading2',
      'Heading1',
      'Heading2',
      'Heading3',
    ]);
    const numbered = docx.paragraphs.filter((p) => p.numbered).map((p) => p.text);
    expect(numbered).toEqual([
      "=cmd|' /C calc'!A0",
      '<img src=x onerror=alert(1)>',
      'Eerste',
      'Tweede',
      'Buiten',
      'Binnen drie',
    ]);
    expect(docx.paragraphs.find((p) => p.style === 'Quote')?.text).toBe('“Een citaat”');
    expect(docx.paragraphs.find((p) => p.text.startsWith('Gewoon'))?.text).toBe(
      'Gewoon, vet en schuin, een link en een kwade link.\nNieuwe regel.',
    );
    expect(docx.paragraphs.find((p) => p.text.startsWith('עברית'))?.rtl).toBe(true);
    expect(docx.numbering).toContain('w:val="bullet"');
    expect(docx.numbering).toContain('w:val="decimal"');
    expect(docx.rels).toContain('Target="https://example.org/a?b=1&amp;c=2"');
    expect(docx.rels + docx.xml).not.toMatch(/javascript:/i);
    expect(docx.styles).toMatch(/w:styleId="Heading1"/);
  });

  it.runIf(hasPoppler)(
    '[REPORT10] PDF: tagged, fonts embedded, text extracted back with its headings and lists',
    async () => {
      const res = await get('pdf');
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const pdf = Buffer.from(await res.arrayBuffer());
      const { info, struct, fonts } = pdfInfo(pdf);
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(info).toMatch(/Title:\s+Verslag Begeleidingsgroep <b>31 maart<\/b>/);
      expect(fonts).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes yes yes/);
      expect(fonts).toMatch(/NotoEmoji-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
      // The structure tree: headings with their text, lists with labels and bodies, a quote.
      const tagged = [...struct.matchAll(/^\s*(H[1-4]) \(block\)\n\s*"(.*)"$/gm)].map((x) => [x[1], x[2]]);
      expect(tagged.slice(0, 5)).toEqual([
        ['H1', 'Verslag Begeleidingsgroep <b>31 maart</b>'],
        ['H2', 'Inleiding'],
        ['H2', 'Afsluiting'],
        ['H1', 'Verslag <script>alert(1)</script>'],
        ['H2', 'Inleiding'],
      ]);
      expect(tagged[5]?.[0]).toBe('H3');
      expect(struct).toMatch(/L \(block\)\n\s+LI \(block\)\n\s+Lbl \(block\)\n\s+"•"\n\s+LBody/);
      expect(struct).toContain('BlockQuote');
      const text = pdfText(pdf);
      // Lines as extracted, joined with spaces: long headings wrap.
      const flat = text.replace(/\s*\n\s*/g, ' ');
      const expectInOrder = [
        'Verslag Begeleidingsgroep <b>31 maart</b>',
        'Bijeenkomst van woensdag 31 maart 2021.',
        'Inleiding',
        'Afsluiting',
        'De volgende bijeenkomst is op …',
        'Verslag <script>alert(1)</script>',
        'Gewoon, vet en schuin, een link en een kwade link.',
        'Nieuwe regel.',
        "• =cmd|' /C calc'!A0",
        '• <img src=x onerror=alert(1)>',
        '1. Eerste',
        '2. Tweede',
        '“Een citaat”',
        '• Buiten',
        '3. Binnen drie',
      ];
      let at = 0;
      for (const want of expectInOrder) {
        const found = flat.indexOf(want, at);
        expect(found, `"${want}" in PDF text after ${at}:\n${text}`).toBeGreaterThanOrEqual(at);
        at = found + want.length;
      }
      // Right-to-left words come back readable (pdftotext restores their order), emoji too.
      expect(text).toContain('עברית');
      expect(text).toContain('العربية');
      expect(text).toContain('😀🎉');
    },
  );

  it('[REPORT8] exports read the server’s document, not a client’s: a participant’s local edit never shows', async () => {
    const joined = await srv.join(m.code, 'Bert');
    const bert = yClient(srv.url, m.code, joined.token);
    await bert.synced();
    const frag = bert.doc.getXmlFragment('default');
    const p = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    t.insert(0, 'Bert vervalst het verslag');
    p.insert(0, [t]);
    frag.insert(0, [p]);
    await new Promise((r) => setTimeout(r, 200));
    const md = await (await get('md')).text();
    expect(md).not.toContain('Bert vervalst');
    bert.destroy();
  });
});

describe('the results CSV', () => {
  it('[REPORT12] UTF-8 with BOM, CRLF, header row; formula characters neutralised; ; separator on request', async () => {
    const s2 = await srv.createMeeting('CSV-bijeenkomst', '2021-03-31');
    const fac = await srv.connect(s2.code, s2.facilitatorToken);
    const itemId = newId();
    await ok(fac, 'agenda:add', { id: itemId, title: 'Gezamenlijke plaatsbepaling' });
    const poll = await openScalePoll(fac);
    await ok(fac, 'activity:update', { id: poll.id, agendaItemId: itemId });
    const notes = [
      "=cmd|' /C calc'!A0",
      '+31 6 1234',
      '-2 punten',
      '@SUM(A1)',
      'a;b, "c"',
      'regel\nnieuw',
      'שלום 😀',
    ];
    for (const [i, note] of notes.entries()) {
      const j = await srv.join(s2.code, `Deelnemer ${i}`);
      const sock = await srv.connect(s2.code, j.token);
      await ok(sock, 'response:submit', { id: newId(), activityId: poll.id, value: { level: i % 4 }, note });
      sock.disconnect();
    }
    const fetchCsv = async (extra: string) => {
      const res = await fetch(`${srv.url}/api/meetings/${s2.id}/export?format=csv${extra}`, {
        headers: { authorization: `Bearer ${s2.secretaryToken}` },
      });
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      return new Uint8Array(await res.arrayBuffer());
    };
    const raw = await fetchCsv('');
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(raw.slice(3));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'Agendapunt,Soort,Vraag,Onderdeel,Aantal,Tekst,Naam,Punten,Gemiddelde plaats,Tip,Vastgepind,Links',
    );
    expect(lines[1]).toMatch(
      /^Gezamenlijke plaatsbepaling,Peiling,Hoe tevreden bent u over .*,Helemaal niet tevreden,2,,,,,,,$/,
    );
    expect(csv).toContain(`,'=cmd|' /C calc'!A0,Deelnemer 0`);
    expect(csv).toContain(`,'+31 6 1234,Deelnemer 1`);
    expect(csv).toContain(`,'-2 punten,Deelnemer 2`);
    expect(csv).toContain(`,'@SUM(A1),Deelnemer 3`);
    expect(csv).toContain(`,"a;b, ""c""",Deelnemer 4`);
    expect(csv).toContain(`,"regel\nnieuw",Deelnemer 5`);
    expect(csv).toContain(',שלום 😀,Deelnemer 6');
    // No cell starts with a formula character unless neutralised.
    for (const line of lines) for (const cell of line.split(',')) expect(cell).not.toMatch(/^[=+\-@]/);
    const semi = new TextDecoder().decode((await fetchCsv('&sep=semicolon')).slice(3));
    expect(semi.split('\r\n')[0]).toBe(
      'Agendapunt;Soort;Vraag;Onderdeel;Aantal;Tekst;Naam;Punten;Gemiddelde plaats;Tip;Vastgepind;Links',
    );
    expect(semi).toContain(`;"a;b, ""c""";Deelnemer 4`);
    expect(semi).toContain(`;'+31 6 1234;Deelnemer 1`);
    fac.disconnect();
  });
});
