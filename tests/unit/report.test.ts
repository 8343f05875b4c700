import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { reportExtensions } from '../../client/features/report/schema';
import { csvCell } from '../../server/export/csv';
import { SEED_SCALE_LEVELS, tallyScale } from '../../shared/domain/activities';
import type { ActivityView } from '../../shared/domain/types';
import type { ScaleSpec } from '../../shared/protocol/schemas/activity';
import { directionalRuns, paragraphDirection, textClass, visualOrder } from '../../shared/report/bidi';
import { bullets, h, p } from '../../shared/report/blocks';
import { blocksToDoc, docText, safeHref } from '../../shared/report/document';
import { harvestIndex } from '../../shared/report/place';
import { blocksToProseMirror } from '../../shared/report/prosemirror';
import { csvRows, harvest, REPORT_KINDS } from '../../shared/report/registry';
import { templateBlocks } from '../../shared/report/template';
import {
  appendBlocks,
  insertUnderItem,
  readReport,
  reportFragment,
  topBlocks,
} from '../../shared/report/ydoc';
import { EVERY_BLOCK } from '../helpers/reportFixtures';

const schema = getSchema(reportExtensions());

const scale: ActivityView<ScaleSpec> = {
  id: '00000000-0000-4000-8000-000000000001',
  agendaItemId: null,
  anonymous: false,
  status: 'closed',
  revealed: true,
  createdAt: 0,
  spec: { kind: 'scale', question: 'Hoe tevreden bent u?', levels: [...SEED_SCALE_LEVELS] },
};
const scaleResults = tallyScale(
  scale.id,
  scale.spec,
  [
    { id: 'a', participantId: 'p1', value: { level: 0 }, note: 'Het zijn bubbels.', updatedAt: 1 },
    { id: 'b', participantId: 'p2', value: { level: 2 }, note: 'Het besef neemt toe.', updatedAt: 2 },
    { id: 'c', participantId: 'p3', value: { level: 2 }, note: '', updatedAt: 3 },
    { id: 'd', participantId: 'p4', value: { level: 0 }, note: 'Participatie is lastig.', updatedAt: 4 },
  ],
  (id) => `Naam ${id}`,
);

describe('the verslag document in Yjs', () => {
  it('[REPORT6] harvested blocks inserted the way the editor does (y-tiptap) read back as the same document', () => {
    const doc = new Y.Doc();
    const content = blocksToProseMirror(EVERY_BLOCK);
    // The editor's schema accepts it…
    schema.nodeFromJSON({ type: 'doc', content }).check();
    // …and y-prosemirror's mapping of it is what the server reads.
    prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content }, reportFragment(doc));
    const read = readReport(doc);
    const expected = blocksToDoc(EVERY_BLOCK);
    // The javascript: link is gone: its text stays, as text.
    (expected[2] as { content: { link?: string }[] }).content[7] = { text: 'kwade link' } as never;
    expect(docText(read)).toEqual(docText(expected));
    expect(read.map((b) => b.type)).toEqual(expected.map((b) => b.type));
    const para = read[2] as { content: { text: string; bold?: boolean; italic?: boolean; link?: string }[] };
    expect(para.content.find((i) => i.bold)?.text).toBe('vet');
    expect(para.content.find((i) => i.italic)?.text).toBe('schuin');
    expect(para.content.filter((i) => i.link)).toEqual([
      { text: 'link', link: 'https://example.org/a?b=1&c=2' },
    ]);
    expect(para.content.some((i) => i.text === '\n')).toBe(true);
  });

  it('[REPORT3] the server-written template is a valid editor document (y-tiptap reads it)', () => {
    const doc = new Y.Doc();
    appendBlocks(doc, blocksToDoc(EVERY_BLOCK));
    const json = yXmlFragmentToProsemirrorJSON(reportFragment(doc));
    const node = schema.nodeFromJSON(json);
    node.check();
    expect(node.child(0).type.name).toBe('heading');
    expect(node.child(0).attrs.level).toBe(1);
    expect(node.child(0).textContent).toBe('Verslag <script>alert(1)</script>');
    expect(node.child(4).type.name).toBe('bulletList');
    expect(node.child(6).type.name).toBe('blockquote');
    const marks = node.child(2).content.content.flatMap((t) => t.marks.map((m) => m.type.name));
    expect(marks).toEqual(expect.arrayContaining(['bold', 'italic', 'link']));
    expect(docText(readReport(doc))).toEqual(docText(blocksToDoc(EVERY_BLOCK)));
  });

  it('[REPORT8] unknown nodes and hostile attributes are read as plain text', () => {
    const doc = new Y.Doc();
    const frag = reportFragment(doc);
    const weird = new Y.XmlElement('iframe');
    const t = new Y.XmlText();
    t.insert(0, 'binnenin', { link: { href: 'javascript:alert(1)' }, onclick: 'x' });
    weird.insert(0, [t]);
    const h = new Y.XmlElement('heading');
    h.setAttribute('level', 99 as unknown as string);
    const ht = new Y.XmlText();
    ht.insert(0, 'Kop');
    h.insert(0, [ht]);
    frag.insert(0, [weird, h]);
    expect(readReport(doc)).toEqual([
      { type: 'paragraph', content: [{ text: 'binnenin' }] },
      { type: 'heading', level: 4, content: [{ text: 'Kop' }] },
    ]);
  });

  it('[REPORT8] only http(s) and mailto links survive', () => {
    expect(safeHref('https://oogst.example.nl/x')).toBe('https://oogst.example.nl/x');
    expect(safeHref('mailto:a@b.nl')).toBe('mailto:a@b.nl');
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<b>',
      'vbscript:x',
      '/relative',
      '',
    ]) {
      expect(safeHref(bad)).toBeNull();
    }
  });
});

describe('template and harvest', () => {
  it('[REPORT3] the template follows the agenda in the shape of seed 000', () => {
    const blocks = templateBlocks({ title: 'Begeleidingsgroep 31 maart', date: '2021-03-31' }, [
      { title: 'Gezamenlijke plaatsbepaling' },
      { title: 'Afsluiting' },
    ]);
    expect(blocks.filter((b) => b.type === 'heading').map((b) => (b as { text: string }).text)).toEqual([
      'Verslag Begeleidingsgroep 31 maart',
      'Inleiding',
      'Gezamenlijke plaatsbepaling',
      'Afsluiting',
    ]);
    expect(docText(blocksToDoc(blocks))).toContain('De volgende bijeenkomst is op …');
    expect(templateBlocks({ title: 'Verslag van de groep', date: null }, [])[0]).toEqual({
      type: 'heading',
      level: 1,
      text: 'Verslag van de groep',
    });
  });

  it('[REPORT5] a scale poll: counts per level, then explanations under a heading per level, no names', () => {
    const blocks = harvest(scale, scaleResults, 'nl');
    expect(blocks).toEqual([
      {
        type: 'paragraph',
        content: [{ text: 'Op de vraag “Hoe tevreden bent u?” gaven 4 deelnemers antwoord:' }],
      },
      {
        type: 'bulletList',
        items: [
          [{ text: 'Helemaal niet tevreden: 2' }],
          [{ text: 'Beetje tevreden: 0' }],
          [{ text: 'Enigszins tevreden: 2' }],
          [{ text: 'Zeer tevreden: 0' }],
        ],
      },
      { type: 'paragraph', content: [{ text: 'De toelichtingen, per antwoord:' }] },
      { type: 'heading', level: 3, text: 'Helemaal niet tevreden' },
      { type: 'bulletList', items: [[{ text: 'Het zijn bubbels.' }], [{ text: 'Participatie is lastig.' }]] },
      { type: 'heading', level: 3, text: 'Enigszins tevreden' },
      { type: 'bulletList', items: [[{ text: 'Het besef neemt toe.' }]] },
    ]);
    expect(JSON.stringify(blocks)).not.toContain('Naam');
    expect(harvest(scale, scaleResults, 'en')[0]).toEqual({
      type: 'paragraph',
      content: [{ text: '4 participants answered the question “Hoe tevreden bent u?”:' }],
    });
    const none = harvest(scale, tallyScale(scale.id, scale.spec, []), 'nl');
    expect(none).toEqual([
      {
        type: 'paragraph',
        content: [{ text: 'Op de vraag “Hoe tevreden bent u?” is nog niet geantwoord.' }],
      },
    ]);
  });

  it('[REPORT12] CSV rows of a scale poll: a count per level, then every explanation with its name', () => {
    const rows = csvRows(scale, scaleResults, 'nl');
    expect(rows.slice(0, 4).map((r) => [r.part, r.count])).toEqual([
      ['Helemaal niet tevreden', 2],
      ['Beetje tevreden', 0],
      ['Enigszins tevreden', 2],
      ['Zeer tevreden', 0],
    ]);
    expect(rows[4]).toEqual({
      part: 'Helemaal niet tevreden (toelichting)',
      count: null,
      text: 'Het zijn bubbels.',
      author: 'Naam p1',
    });
    expect(Object.keys(REPORT_KINDS)).toEqual(['scale', 'statements', 'choice', 'words', 'breakout']);
  });
});

describe('a harvest without a cursor', () => {
  const agenda = [{ title: 'Gezamenlijke plaatsbepaling' }, { title: 'Verdieping Koplopers' }];
  const headings = (doc: Y.Doc) =>
    readReport(doc).map((b) =>
      b.type === 'heading' ? `${'#'.repeat(b.level)} ${docText([b])}` : `${b.type}: ${docText([b])}`,
    );

  it('[REPORT6] goes under its agenda item’s heading, at the end of that section — never above the title', () => {
    const doc = new Y.Doc();
    appendBlocks(doc, blocksToDoc(templateBlocks({ title: 'Begeleidingsgroep', date: null }, agenda)));
    insertUnderItem(doc, 'Verdieping Koplopers', blocksToDoc([h(3, 'Thema A'), bullets(['Een post-it'])]));
    // A second harvest of the same item comes after the first; one of another item under its own.
    insertUnderItem(doc, 'Verdieping Koplopers', blocksToDoc([h(3, 'Thema B')]));
    insertUnderItem(doc, 'Gezamenlijke plaatsbepaling', blocksToDoc([p('Op de vraag…')]));
    expect(headings(doc)).toEqual([
      '# Verslag Begeleidingsgroep',
      '## Inleiding',
      'paragraph: ',
      '## Gezamenlijke plaatsbepaling',
      'paragraph: Op de vraag…',
      'paragraph: ',
      '## Verdieping Koplopers',
      '### Thema A',
      'bulletList: Een post-it',
      '### Thema B',
      // The empty line to type in stays below the harvests.
      'paragraph: ',
      '## Afsluiting',
      'paragraph: De volgende bijeenkomst is op …',
    ]);
    // Without an agenda item (or once its heading is gone): at the end, not above the title.
    insertUnderItem(doc, null, blocksToDoc([p('Los')]));
    insertUnderItem(doc, 'Bestaat niet', blocksToDoc([p('Ook los')]));
    expect(headings(doc).slice(-2)).toEqual(['paragraph: Los', 'paragraph: Ook los']);
    expect(headings(doc)[0]).toBe('# Verslag Begeleidingsgroep');
  });

  it('[REPORT6] the section ends at the next heading of its level or higher; text typed there stays above', () => {
    const top = (type: string, text: string, level?: number) => ({ type, text, ...(level ? { level } : {}) });
    const blocks = [
      top('heading', 'Verslag', 1),
      top('heading', 'Verdieping', 2),
      top('paragraph', 'Wat de secretaris al schreef'),
      top('heading', 'Een eigen kopje', 3),
      top('paragraph', ''),
      top('paragraph', ' '),
      top('heading', 'Signaleren', 2),
    ];
    expect(harvestIndex(blocks, 'verdieping ')).toBe(4);
    expect(harvestIndex(blocks, 'Signaleren')).toBe(7);
    expect(harvestIndex(blocks, 'Verslag')).toBe(7);
    expect(harvestIndex([], 'Verdieping')).toBe(0);
    // The same blocks read from a Y.Doc.
    const doc = new Y.Doc();
    appendBlocks(doc, blocksToDoc([h(1, 'Verslag'), h(2, 'Verdieping'), p('tekst'), bullets(['a'])]));
    expect(topBlocks(doc).map((b) => b.type)).toEqual(['heading', 'heading', 'paragraph', 'bulletList']);
    expect(harvestIndex(topBlocks(doc), 'Verdieping')).toBe(4);
  });
});

describe('export helpers', () => {
  it('[REPORT12] CSV cells: formula starts, tab and CR neutralised; separators, quotes and newlines quoted', () => {
    expect(csvCell('=1+1', ',')).toBe("'=1+1");
    expect(csvCell('  @SUM(A1)', ',')).toBe("'  @SUM(A1)");
    expect(csvCell('\tx', ',')).toBe(`"'\tx"`);
    expect(csvCell('\rx', ';')).toBe(`"'\rx"`);
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a;b', ',')).toBe('a;b');
    expect(csvCell('zei "ja"', ',')).toBe('"zei ""ja"""');
    expect(csvCell(-3, ',')).toBe('-3');
    expect(csvCell(null, ',')).toBe('');
  });

  it('[REPORT10] word-level bidi: RTL runs reversed in an LTR line, LTR runs kept in an RTL line', () => {
    const cls = (w: string) => textClass(w);
    expect(visualOrder(['Dit', 'is', 'שלום', 'עולם', 'ok'], cls, 'ltr')).toEqual([
      'Dit',
      'is',
      'עולם',
      'שלום',
      'ok',
    ]);
    expect(visualOrder(['שלום', 'en', 'nog', 'עולם', '!'], cls, 'rtl')).toEqual([
      '!',
      'עולם',
      'en',
      'nog',
      'שלום',
    ]);
    expect(paragraphDirection('  123 עברית abc')).toBe('rtl');
    expect(paragraphDirection('“Citaat” עברית')).toBe('ltr');
    expect(directionalRuns('ab שלום עולם cd')).toEqual([
      { text: 'ab ', rtl: false },
      { text: 'שלום עולם', rtl: true },
      { text: ' cd', rtl: false },
    ]);
  });
});
