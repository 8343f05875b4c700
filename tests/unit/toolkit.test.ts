import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkChoiceValue,
  checkStatementsValue,
  hideWord,
  mergeWords,
  normaliseWord,
  redactWords,
  splitWords,
  tallyChoice,
  tallyStatements,
  tallyWords,
} from '../../shared/domain/activities';
import { type ChatMessageView, chatDigest, extractLinks, splitLinks } from '../../shared/domain/chat';
import { isScope } from '../../shared/domain/scopes';
import { buildTemplate, instantiateTemplate } from '../../shared/domain/template';
import { applyTimerOp, formatRemaining, idleTimer, remainingAt } from '../../shared/domain/timer';
import type { ActivityView } from '../../shared/domain/types';
import type {
  ActivitySpec,
  ChoiceSpec,
  Position,
  StatementsSpec,
  StatementsValue,
  WordsSpec,
} from '../../shared/protocol/schemas/activity';
import {
  choiceTable,
  harvestChat,
  harvestChoice,
  harvestRoomChat,
  harvestStatements,
  harvestWords,
  rankingLine,
  statementsTable,
  wordsTable,
} from '../../shared/report/toolkit';

const r = <V>(participantId: string, value: V, note = '', updatedAt = 1) => ({
  id: participantId,
  participantId,
  value,
  note,
  updatedAt,
});
const view = <S extends ActivitySpec>(spec: S): ActivityView<S> => ({
  id: 'a',
  agendaItemId: null,
  anonymous: false,
  status: 'closed',
  revealed: true,
  spec,
  createdAt: 1,
});

const STMT: StatementsSpec = {
  kind: 'statements',
  question: 'Stellingen',
  statements: ['Vrolijk aan de slag, die kaders komen later wel', 'Kaders eerst'],
  labels: { agree: 'Eens', neutral: 'Neutraal', disagree: 'Oneens' },
  neutral: true,
};

describe('statements', () => {
  it('[STMT2] one answer per statement, at least one given, neutral only when offered', () => {
    expect(checkStatementsValue(STMT, { answers: [{ position: 'agree' }, null] })).toBeNull();
    expect(checkStatementsValue(STMT, { answers: [{ position: 'agree' }] })).toMatch(
      /one answer per statement/,
    );
    expect(checkStatementsValue(STMT, { answers: [null, null] })).toMatch(/at least one/);
    expect(
      checkStatementsValue({ ...STMT, neutral: false }, { answers: [{ position: 'neutral' }, null] }),
    ).toMatch(/no neutral/);
  });

  it('[STMT4][STMT8] tally and the verslag sentence "Een meerderheid (14 van 20) is het eens …"', () => {
    const answers = Array.from({ length: 20 }, (_, i) =>
      r<StatementsValue>(`p${i}`, {
        answers: [
          {
            position: (i < 14 ? 'agree' : i < 16 ? 'neutral' : 'disagree') as Position,
            ...(i === 0 ? { note: 'Lerend aan de slag' } : {}),
          },
          { position: i % 2 ? 'agree' : 'disagree' },
        ],
      }),
    );
    const res = tallyStatements('a', STMT, answers, (id) => (id === 'p0' ? 'Ann' : undefined));
    expect(res.total).toBe(20);
    expect(res.statements[0]).toMatchObject({ agree: 14, neutral: 2, disagree: 4, answered: 20 });
    expect(res.statements[0]!.notes).toEqual([
      { position: 'agree', text: 'Lerend aan de slag', author: 'Ann' },
    ]);
    const blocks = harvestStatements(view(STMT), res, 'nl');
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      content: [
        {
          text: 'Een meerderheid (14 van 20) is het eens met de stelling ‘Vrolijk aan de slag, die kaders komen later wel’. Verdeling: Eens 14, Neutraal 2, Oneens 4.',
        },
      ],
    });
    expect(JSON.stringify(blocks)).not.toContain('Ann');
    const divided = harvestStatements(view(STMT), res, 'nl').find((b) =>
      JSON.stringify(b).includes('Kaders eerst'),
    );
    expect(JSON.stringify(divided)).toContain(
      'De meningen over de stelling ‘Kaders eerst’ zijn verdeeld: 10 eens, 0 neutraal, 10 oneens.',
    );
    expect(JSON.stringify(harvestStatements(view(STMT), res, 'en'))).toContain(
      'A majority (14 of 20) agrees',
    );
  });
});

const KADERS = ['Gelijkwaardigheid', 'Vertrouwen', 'Transparantie'];
const choice = (mode: ChoiceSpec['mode'], extra: Partial<ChoiceSpec> = {}): ChoiceSpec => ({
  kind: 'choice',
  question: 'Welke kaders zijn belangrijk?',
  options: KADERS,
  mode,
  ...extra,
});

describe('choice and ranking', () => {
  it('[CHOICE2] values must fit the mode', () => {
    expect(checkChoiceValue(choice('single'), { selected: [1] })).toBeNull();
    expect(checkChoiceValue(choice('single'), { selected: [0, 1] })).toMatch(/exactly one/);
    expect(checkChoiceValue(choice('multiple', { maxChoices: 2 }), { selected: [0, 1, 2] })).toMatch(
      /at most 2/,
    );
    expect(checkChoiceValue(choice('rank'), { order: [2, 0, 1] })).toBeNull();
    expect(checkChoiceValue(choice('rank'), { order: [2, 2, 1] })).toMatch(/every option/);
    expect(checkChoiceValue(choice('points', { budget: 5 }), { points: [3, 3, 0] })).toMatch(/at most 5/);
  });

  it('[CHOICE4] a Borda ranking hands out n(n+1)/2 points per person, always (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }), { maxLength: 40 }),
        (orders) => {
          const res = tallyChoice(
            'a',
            choice('rank'),
            orders.map((order, i) => r(`p${i}`, { order })),
          );
          const sum = res.options.reduce((a, o) => a + o.score, 0);
          expect(sum).toBe(orders.length * 6);
          expect(res.options.reduce((a, o) => a + o.count, 0)).toBe(orders.length);
          // The ranking is sorted and places are consistent with scores.
          for (let i = 1; i < res.ranking.length; i++) {
            expect(res.ranking[i]!.score).toBeLessThanOrEqual(res.ranking[i - 1]!.score);
            expect(res.ranking[i]!.place).toBe(
              res.ranking[i]!.score === res.ranking[i - 1]!.score ? res.ranking[i - 1]!.place : i + 1,
            );
          }
        },
      ),
    );
  });

  it('[CHOICE8] "1. Gelijkwaardigheid 14 · 2. Vertrouwen 12" and the verslag sentence', () => {
    const answers = [
      ...Array.from({ length: 14 }, (_, i) => r(`a${i}`, { selected: [0] })),
      ...Array.from({ length: 12 }, (_, i) => r(`b${i}`, { selected: [1] })),
    ];
    const spec = choice('single');
    const res = tallyChoice('a', spec, answers);
    expect(rankingLine(spec, res)).toBe('1. Gelijkwaardigheid 14 · 2. Vertrouwen 12 · 3. Transparantie 0');
    const blocks = harvestChoice(view(spec), res, 'nl');
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      content: [
        {
          text: 'Uit de antwoorden van 26 deelnemers op de vraag ‘Welke kaders zijn belangrijk?’ blijkt: ‘Gelijkwaardigheid’ staat voorop (14 stemmen), gevolgd door ‘Vertrouwen’ (12 stemmen).',
        },
      ],
    });
    expect(blocks[1]).toMatchObject({
      type: 'orderedList',
      items: [[{ text: 'Gelijkwaardigheid — 14 stemmen' }], expect.anything(), expect.anything()],
    });
    const rank = tallyChoice('a', choice('rank'), [
      r('x', { order: [0, 1, 2] }),
      r('y', { order: [1, 0, 2] }),
    ]);
    expect(
      (harvestChoice(view(choice('rank')), rank, 'nl')[0] as { content: { text: string }[] }).content[0]!
        .text,
    ).toContain(
      '‘Gelijkwaardigheid’ en ‘Vertrouwen’ staan samen voorop (gemiddeld plaats 1,5), gevolgd door ‘Transparantie’ (gemiddeld plaats 3)',
    );
  });
});

describe('open words', () => {
  const SPEC: WordsSpec = { kind: 'words', question: 'Kern van samenwerken?', maxWords: 3 };
  it('[WORDS2] spellings normalise to one key', () => {
    expect(normaliseWord('  Vertrouwen! ')).toBe('vertrouwen');
    expect(normaliseWord('"Gelijk  waardig"')).toBe('gelijk waardig');
    expect(normaliseWord('Ｃｏ２')).toBe('co2');
    expect(normaliseWord('!!!')).toBe('!!!');
  });

  it('[WORDS3][WORDS4][WORDS5] merge, split, hide; redacted results drop hidden words and spellings', () => {
    const answers = [
      r('a', { words: ['Kader', 'geld'] }),
      r('b', { words: ['kaders', 'Kaders'] }),
      r('c', { words: ['regels'] }),
    ];
    let c = mergeWords({ groups: [], hidden: [] }, ['kader', 'kaders'], 'Kaders');
    c = hideWord(c, 'Geld', true);
    const res = tallyWords('a', SPEC, answers, undefined, c);
    expect(res.words.map((w) => [w.text, w.count, w.hidden ?? false])).toEqual([
      ['Kaders', 2, false],
      ['geld', 1, true],
      ['regels', 1, false],
    ]);
    const pub = redactWords(res);
    expect(pub.words.map((w) => w.text)).toEqual(['Kaders', 'regels']);
    expect(JSON.stringify(pub)).not.toMatch(/geld|variants/);
    // Merging a group into a new label takes its members along; splitting restores the words.
    const bigger = mergeWords(c, ['kaders', 'regels'], 'Kaders en regels');
    expect(tallyWords('a', SPEC, answers, undefined, bigger).words[0]).toMatchObject({
      text: 'Kaders en regels',
      count: 3,
    });
    const back = splitWords(bigger, 'kaders en regels');
    expect(tallyWords('a', SPEC, answers, undefined, back).words.map((w) => w.text)).toContain('Kader');
    const blocks = harvestWords(view(SPEC), res, 'nl');
    expect(JSON.stringify(blocks)).not.toContain('geld');
    expect((blocks[0] as { content: { text: string }[] }).content[0]!.text).toBe(
      'Op de vraag ‘Kern van samenwerken?’ gaven 3 deelnemers samen 2 verschillende antwoorden. Het vaakst genoemd: Kaders (2) en regels (1).',
    );
  });
});

describe('timer', () => {
  it('[TIMER2] start, pause, resume, extend, stop on the server clock', () => {
    const max = 4 * 3600_000;
    let t = applyTimerOp(idleTimer('meeting'), { op: 'start', durationMs: 60_000 }, 1000, max);
    expect(remainingAt(t, 31_000)).toBe(30_000);
    t = applyTimerOp(t, { op: 'pause' }, 31_000, max);
    expect(remainingAt(t, 99_000)).toBe(30_000);
    t = applyTimerOp(t, { op: 'extend', byMs: 15_000 }, 40_000, max);
    t = applyTimerOp(t, { op: 'resume' }, 50_000, max);
    expect(t.endsAt).toBe(95_000);
    expect(applyTimerOp(t, { op: 'resume' }, 60_000, max)).toBe(t);
    t = applyTimerOp(t, { op: 'extend', byMs: -999_999 }, 60_000, max);
    expect(remainingAt(t, 60_000)).toBe(0);
    expect(applyTimerOp(t, { op: 'stop' }, 61_000, max)).toMatchObject({ status: 'idle', endsAt: null });
    expect(formatRemaining(61_001)).toBe('01:02');
    expect(formatRemaining(3_600_000)).toBe('1:00:00');
    expect(formatRemaining(-5)).toBe('00:00');
  });
});

const msg = (seq: number, text: string, extra: Partial<ChatMessageView> = {}): ChatMessageView => ({
  id: `m${seq}`,
  channel: 'meeting',
  seq,
  authorId: 'p',
  authorName: 'Ann',
  authorRole: 'participant',
  text,
  createdAt: seq,
  votes: 0,
  tip: false,
  tipByStaff: false,
  pinned: false,
  hidden: false,
  ...extra,
});

describe('chat', () => {
  it('[CHAT6] links: http(s) only, trailing punctuation dropped, each once', () => {
    expect(
      extractLinks(
        'Zie https://klimaatverbond.nl/publicatie/whitepaper/. En (https://a.nl/x). javascript:alert(1) http://a.nl/x http://a.nl/x',
      ),
    ).toEqual(['https://klimaatverbond.nl/publicatie/whitepaper/', 'https://a.nl/x', 'http://a.nl/x']);
    expect(extractLinks('data:text/html,<script>x</script> ftp://x.nl')).toEqual([]);
    expect(splitLinks('Zie https://a.nl/x. Mooi')).toEqual([
      { text: 'Zie ' },
      { text: 'https://a.nl/x', url: 'https://a.nl/x' },
      { text: '. Mooi' },
    ]);
  });

  it('[CHAT7][CHAT8] digest and verslag blocks in the shape of seed 004', () => {
    const all = [
      msg(1, 'Goedemorgen!'),
      ...Array.from({ length: 12 }, (_, i) => msg(i + 2, `Tip ${i + 1}`, { tip: true, votes: i })),
      msg(20, 'Zie https://klimaatverbond.nl/publicatie/'),
      msg(21, 'verborgen https://spam.example', { hidden: true, tip: true, votes: 99 }),
    ];
    const d = chatDigest(all);
    expect(d.topTips.map((m) => m.text)).toEqual(Array.from({ length: 10 }, (_, i) => `Tip ${12 - i}`));
    expect(d.others.map((m) => m.text)).toEqual([
      'Goedemorgen!',
      'Tip 1',
      'Tip 2',
      'Zie https://klimaatverbond.nl/publicatie/',
    ]);
    expect(d.links.map((l) => l.url)).toEqual(['https://klimaatverbond.nl/publicatie/']);
    const blocks = harvestChat(d, 'nl');
    expect(blocks.filter((b) => b.type === 'heading').map((b) => (b as { text: string }).text)).toEqual([
      'Tips (top 10) uit de chat',
      'Wat is er nog meer in de chat gezegd?',
      'Getipte documenten en links',
    ]);
    expect(blocks.at(-1)).toEqual({
      type: 'bulletList',
      items: [
        [{ text: 'https://klimaatverbond.nl/publicatie/', link: 'https://klimaatverbond.nl/publicatie/' }],
      ],
    });
    expect(JSON.stringify(blocks)).not.toMatch(/spam|Ann/);
    expect(harvestChat(chatDigest([]), 'en')).toEqual([]);
  });

  it('[REPORT14] a room chat goes under a heading naming the room, its parts one level deeper', () => {
    const room = (seq: number, text: string, extra: Partial<ChatMessageView> = {}) =>
      msg(seq, text, { channel: 'room:00000000-0000-4000-8000-000000000001', ...extra });
    const d = chatDigest([
      room(1, 'Wie schrijft mee?'),
      room(2, 'Begin bij de buurt', { tip: true, votes: 2 }),
    ]);
    expect(harvestRoomChat(d, 'nl', 'Kamer 2')).toEqual([
      { type: 'heading', level: 3, text: 'Uit de chat van Kamer 2' },
      { type: 'heading', level: 4, text: 'Tips (top 1) uit de chat' },
      { type: 'orderedList', items: [[{ text: 'Begin bij de buurt' }]] },
      { type: 'heading', level: 4, text: 'Wat is er nog meer in de chat gezegd?' },
      { type: 'bulletList', items: [[{ text: 'Wie schrijft mee?' }]] },
    ]);
    expect(harvestRoomChat(d, 'en', 'Room 2')[0]).toEqual({
      type: 'heading',
      level: 3,
      text: 'From the chat of Room 2',
    });
    expect(harvestRoomChat(chatDigest([]), 'nl', 'Kamer 2')).toEqual([]);
  });
});

describe('scopes and templates', () => {
  it('[SCOPE1] a scope is the meeting or room:<uuid>', () => {
    expect(isScope('meeting')).toBe(true);
    expect(isScope('room:0b7e1f4e-2c49-4d2a-9d8f-5d2f0e0f1a2b')).toBe(true);
    expect(isScope('room:1')).toBe(false);
    expect(isScope('meeting ')).toBe(false);
  });

  it('[TPL2][TPL3] a template keeps agenda and activity settings only, and instantiates with new ids', () => {
    const agenda = [
      { id: 'i1', title: 'Inleiding', body: '' },
      { id: 'i2', title: 'Plaatsbepaling', body: 'De schaal' },
    ];
    const acts = [
      { ...view(STMT), id: 'x2', agendaItemId: 'i2', createdAt: 2 },
      { ...view(choice('rank')), id: 'x1', agendaItemId: 'gone', createdAt: 1, anonymous: true },
    ];
    const content = buildTemplate(agenda, acts);
    expect(content.activities.map((a) => [a.spec.kind, a.agendaRef, a.anonymous])).toEqual([
      ['choice', null, true],
      ['statements', 'a2', false],
    ]);
    expect(JSON.stringify(content)).not.toMatch(/closed|revealed|"x1"|"i1"/);
    let n = 0;
    const made = instantiateTemplate(content, () => `new-${++n}`);
    expect(made.agenda.map((a) => a.id)).toEqual(['new-1', 'new-2']);
    expect(made.activities.map((a) => a.agendaItemId)).toEqual([null, 'new-2']);
  });
});

describe('CSV tables', () => {
  it('[CHAT7][STMT4][CHOICE4][WORDS3] results as flat tables for CSV, hidden words left out', () => {
    const st = tallyStatements('a', STMT, [r('p', { answers: [{ position: 'agree' as const }, null] })]);
    expect(statementsTable(view(STMT), st)).toEqual({
      headers: ['Stelling', 'Oneens', 'Neutraal', 'Eens', 'Beantwoord'],
      rows: [
        ['Vrolijk aan de slag, die kaders komen later wel', 0, 0, 1, 1],
        ['Kaders eerst', 0, 0, 0, 0],
      ],
    });
    const spec = choice('rank');
    const ch = tallyChoice('a', spec, [r('p', { order: [1, 0, 2] })]);
    expect(choiceTable(view(spec), ch).rows[0]).toEqual([1, 'Vertrouwen', 3, 1]);
    const w = tallyWords(
      'a',
      { kind: 'words', question: 'q', maxWords: 2 },
      [r('p', { words: ['a', 'b'] })],
      undefined,
      {
        groups: [],
        hidden: ['b'],
      },
    );
    expect(wordsTable(view({ kind: 'words', question: 'q', maxWords: 2 }), w).rows).toEqual([['a', 1, 'a']]);
  });
});
