import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChoiceResults } from '../../shared/domain/activities/choice';
import { newId } from '../../shared/domain/ids';
import type { ActivityView } from '../../shared/domain/types';
import type { ChoiceSpec } from '../../shared/protocol/schemas/activity';
import { ResultsAnswer } from '../../shared/protocol/schemas/http';
import { choiceSentence } from '../../shared/report/choice';
import { breakoutOf, openBreakout } from '../helpers/boards';
import { joinMany } from '../helpers/fixtures';
import { parseCsv } from '../helpers/parse';
import { type CreatedMeeting, ok, startServer, type TestServer, type TestSocket } from '../helpers/server';
import { createActivity, submit } from '../helpers/toolkit';

/**
 * [REPORT12] The results CSV: a ranking's rows carry its points and the average place the verslag
 * quotes; the chat follows, one row per visible message with votes, tip, pin and links.
 */
let srv: TestServer;
let m: CreatedMeeting;
let fac: TestSocket;
let ranking: ActivityView;
let roomLabel = '';

const OPTIONS = ['Gelijkwaardigheid', 'Vertrouwen', 'Transparantie'];
const HYPERLINK = '=HYPERLINK("http://evil.example","klik")';
const MULTILINE = 'Regel een\nregel twee; met "aanhalingstekens", en komma';

beforeAll(async () => {
  srv = await startServer();
  m = await srv.createMeeting('CSV met chat', '2021-01-26');
  fac = await srv.connect(m.code, m.facilitatorToken);
  const kaders = newId();
  const deelsessies = newId();
  await ok(fac, 'agenda:add', { id: kaders, title: 'Kaders' });
  await ok(fac, 'agenda:add', { id: deelsessies, title: 'Deelsessies' });
  const question = 'Welke kaders zijn het belangrijkst in de samenwerking?';
  ranking = await createActivity(
    fac,
    { kind: 'choice', question, options: OPTIONS, mode: 'rank' },
    { agendaItemId: kaders },
  );
  const points = await createActivity(
    fac,
    { kind: 'choice', question: 'Verdeel 10 punten', options: OPTIONS, mode: 'points', budget: 10 },
    { agendaItemId: kaders },
  );
  const people = await joinMany(srv, m.code, 4);
  const orders = [
    [0, 1, 2],
    [0, 2, 1],
    [1, 0, 2],
    [0, 1, 2],
  ];
  for (const [i, p] of people.entries()) {
    expect((await submit(p.socket, ranking.id, { order: orders[i] })).ok).toBe(true);
  }
  expect((await submit(people[0]!.socket, points.id, { points: [6, 4, 0] })).ok).toBe(true);
  expect((await submit(people[1]!.socket, points.id, { points: [5, 0, 5] })).ok).toBe(true);

  // The meeting chat: a tip with two votes and two links, a formula, staff's pinned welcome, a
  // hidden message, a multi-line message with a vote.
  const say = (s: TestSocket, text: string, channel = 'meeting') =>
    ok(s, 'chat:send', { id: newId(), channel, text });
  const [p1, p2, p3, p4] = people.map((p) => p.socket) as [TestSocket, TestSocket, TestSocket, TestSocket];
  const m1 = await say(p1, 'Zie https://example.org/a en https://example.org/b.');
  await say(p2, HYPERLINK);
  const m3 = await say(fac, 'Welkom allemaal');
  const m4 = await say(p3, 'Verborgen bericht');
  const m5 = await say(p4, MULTILINE);
  await ok(fac, 'chat:tip', { messageId: m1.id, on: true });
  await ok(fac, 'chat:pin', { messageId: m3.id, on: true });
  await ok(fac, 'chat:hide', { messageId: m4.id, on: true });
  await ok(p2, 'chat:vote', { messageId: m1.id, up: true });
  await ok(p3, 'chat:vote', { messageId: m1.id, up: true });
  await ok(p1, 'chat:vote', { messageId: m5.id, up: true });

  // A break-out under "Deelsessies": one line in a room's chat.
  const breakout = await openBreakout(fac, { rooms: { by: 'count', count: 2 } });
  await ok(fac, 'activity:update', { id: breakout.id, agendaItemId: deelsessies });
  const { view, roomId } = await breakoutOf(p1, breakout.id);
  roomLabel = view.rooms.find((r) => r.id === roomId)!.label;
  await say(p1, 'In de kamer gezegd', `room:${roomId}`);
});
afterAll(async () => {
  await srv?.close();
});

const csv = async (extra = '') => {
  const res = await fetch(`${srv.url}/api/meetings/${m.id}/export?format=csv${extra}`, {
    headers: { authorization: `Bearer ${m.secretaryToken}` },
  });
  expect(res.status).toBe(200);
  const sep = extra ? ';' : ',';
  return parseCsv((await res.text()).replace(/^\uFEFF/, ''), sep);
};

describe('the results CSV', () => {
  it('[REPORT12][CHOICE8] a ranking: Aantal (put first), Punten and the average place the verslag sentence quotes', async () => {
    const rows = await csv();
    expect(rows[0]).toEqual([
      'Agendapunt',
      'Soort',
      'Vraag',
      'Onderdeel',
      'Aantal',
      'Tekst',
      'Naam',
      'Punten',
      'Gemiddelde plaats',
      'Tip',
      'Vastgepind',
      'Links',
    ]);
    for (const r of rows) expect(r).toHaveLength(12);
    const of = (question: string) =>
      rows.filter((r) => r[2] === question).map((r) => [r[0], r[1], r[3], r[4], r[7], r[8]]);
    // Borda points: first of three gets 3. Average places 1.25, 2 and 2.75, rounded to one decimal.
    expect(of(ranking.spec.kind === 'choice' ? ranking.spec.question : '')).toEqual([
      ['Kaders', 'Keuze of rangorde', '1. Gelijkwaardigheid', '3', '11', '1.3'],
      ['Kaders', 'Keuze of rangorde', '2. Vertrouwen', '1', '8', '2'],
      ['Kaders', 'Keuze of rangorde', '3. Transparantie', '0', '5', '2.8'],
    ]);
    expect(of('Verdeel 10 punten')).toEqual([
      ['Kaders', 'Keuze of rangorde', '1. Gelijkwaardigheid', '2', '11', ''],
      ['Kaders', 'Keuze of rangorde', '2. Transparantie', '1', '5', ''],
      ['Kaders', 'Keuze of rangorde', '3. Vertrouwen', '1', '4', ''],
    ]);
    // The same number as the verslag's sentence.
    const api = ResultsAnswer.parse(
      await (
        await fetch(`${srv.url}/api/meetings/${m.id}/results`, {
          headers: { authorization: `Bearer ${m.secretaryToken}` },
        })
      ).json(),
    );
    const results = api.activities.find((a) => a.activity.id === ranking.id)!.results as ChoiceResults;
    expect(choiceSentence(ranking.spec as ChoiceSpec, results, 'nl')).toContain(
      '‘Gelijkwaardigheid’ staat voorop (gemiddeld plaats 1,3), gevolgd door ‘Vertrouwen’ (gemiddeld plaats 2)',
    );
    // A Dutch spreadsheet reads `;` files with decimal commas.
    const semi = await csv('&sep=semicolon');
    expect(semi.find((r) => r[3] === '3. Transparantie' && r[7] === '5')?.[8]).toBe('2,8');
  });

  it('[REPORT12][CHAT7] the chat: one row per visible message with channel, votes, name, tip, pin and links; formulas neutralised', async () => {
    const rows = await csv();
    const chat = rows.filter((r) => r[1] === 'Chat');
    expect(chat).toEqual([
      [
        '',
        'Chat',
        'Chat met iedereen',
        '',
        '2',
        'Zie https://example.org/a en https://example.org/b.',
        'Deelnemer 1',
        '',
        '',
        'ja',
        'nee',
        'https://example.org/a https://example.org/b',
      ],
      [
        '',
        'Chat',
        'Chat met iedereen',
        '',
        '0',
        `'${HYPERLINK}`,
        'Deelnemer 2',
        '',
        '',
        'nee',
        'nee',
        'http://evil.example',
      ],
      [
        '',
        'Chat',
        'Chat met iedereen',
        '',
        '0',
        'Welkom allemaal',
        'Gespreksleider',
        '',
        '',
        'nee',
        'ja',
        '',
      ],
      ['', 'Chat', 'Chat met iedereen', '', '1', MULTILINE, 'Deelnemer 4', '', '', 'nee', 'nee', ''],
      [
        'Deelsessies',
        'Chat',
        `Chat in ${roomLabel}`,
        '',
        '0',
        'In de kamer gezegd',
        'Deelnemer 1',
        '',
        '',
        'nee',
        'nee',
        '',
      ],
    ]);
    expect(rows.flat().join(' ')).not.toContain('Verborgen');
    for (const cell of rows.flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    // English headers and words with lang=en.
    const res = await fetch(`${srv.url}/api/meetings/${m.id}/export?format=csv&lang=en`, {
      headers: { authorization: `Bearer ${m.secretaryToken}` },
    });
    const en = parseCsv((await res.text()).replace(/^\uFEFF/, ''), ',');
    expect(en[0]!.slice(7)).toEqual(['Points', 'Average place', 'Tip', 'Pinned', 'Links']);
    expect(en.find((r) => r[5] === 'Welkom allemaal')).toEqual(
      expect.arrayContaining(['Chat with everyone', 'Facilitator', 'yes']),
    );
  });
});
