import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boardAccess, mayDeleteNote, mayEditNote, type Viewer } from '../../shared/domain/board/access';
import { emptyContent, removeNote, upsertNotes } from '../../shared/domain/board/apply';
import { assignRooms, placeLateJoiner, roomCount } from '../../shared/domain/board/assign';
import {
  freeSpot,
  NOTE_H,
  NOTE_W,
  noteRect,
  overlaps,
  synthesisLayout,
  themeRect,
  themeSlot,
} from '../../shared/domain/board/layout';
import { COLOUR_HEX, NOTE_COLOURS } from '../../shared/domain/board/palette';
import {
  type BoardSummary,
  type BreakoutResults,
  type NoteSummary,
  summariseBoard,
} from '../../shared/domain/board/results';
import type { NoteView } from '../../shared/domain/board/types';
import { BreakoutSpec, NoteCreate } from '../../shared/protocol/schemas/board';
import { boardToBlocks, breakoutToBlocks } from '../../shared/report/board';

const person = (id: string, orgType: 'gemeente' | 'rijk' | 'bewonersinitiatief' | null = null) => ({
  id,
  orgType,
});

describe('placing people in rooms', () => {
  it('[BOARD2] rooms by count, or enough rooms of the set size', () => {
    expect(roomCount({ rooms: { by: 'count', count: 5 } }, 3)).toBe(5);
    expect(roomCount({ rooms: { by: 'size', size: 4 } }, 9)).toBe(3);
    expect(roomCount({ rooms: { by: 'size', size: 4 } }, 0)).toBe(1);
  });

  it('[BOARD3] random: room sizes differ by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 9 }), (n, r) => {
        const people = Array.from({ length: n }, (_, i) => person(`p${i}`));
        const rooms = Array.from({ length: r }, (_, i) => `r${i}`);
        const plan = assignRooms(people, rooms, 'random');
        expect(plan.size).toBe(n);
        const sizes = rooms.map((room) => [...plan.values()].filter((x) => x === room).length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('[BOARD3] mixed: every organisation type is spread over the rooms as evenly as it can be', () => {
    const orgs = ['gemeente', 'rijk', 'bewonersinitiatief', null] as const;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...orgs), { maxLength: 50 }),
        fc.integer({ min: 1, max: 6 }),
        (types, r) => {
          const people = types.map((t, i) => person(`p${i}`, t));
          const rooms = Array.from({ length: r }, (_, i) => `r${i}`);
          const plan = assignRooms(people, rooms, 'mixed');
          for (const org of orgs) {
            const per = rooms.map(
              (room) => people.filter((p) => p.orgType === org && plan.get(p.id) === room).length,
            );
            expect(Math.max(...per) - Math.min(...per)).toBeLessThanOrEqual(1);
          }
          const sizes = rooms.map((room) => [...plan.values()].filter((x) => x === room).length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('[BOARD2][BOARD3] a late joiner goes to the emptiest room (mixed: fewest of their type first)', () => {
    const rooms = [
      { id: 'a', members: [person('1', 'gemeente'), person('2', 'rijk')] },
      { id: 'b', members: [person('3', 'rijk')] },
      { id: 'c', members: [person('4', 'gemeente'), person('5', 'gemeente'), person('6', 'rijk')] },
    ];
    expect(placeLateJoiner(person('x', 'gemeente'), rooms, 'random')).toBe('b');
    expect(placeLateJoiner(person('x', 'gemeente'), rooms, 'mixed')).toBe('b');
    // Mixed puts spreading the type before room size: a has no 'bewonersinitiatief' yet, nor has b.
    const withB = [rooms[0]!, { id: 'b', members: [person('3', 'bewonersinitiatief')] }, rooms[2]!];
    expect(placeLateJoiner(person('x', 'bewonersinitiatief'), withB, 'mixed')).toBe('a');
    expect(placeLateJoiner(person('x'), [], 'random')).toBeNull();
  });
});

describe('who may do what on a board', () => {
  const bo = {
    status: 'open' as const,
    spec: { seeOtherRooms: false, participantsCluster: false },
    synthesis: false,
  };
  const room = { roomId: 'r1', locked: false, voting: { open: false } };
  const ann: Viewer = { role: 'participant', participantId: 'ann', roomId: 'r1' };
  const bert: Viewer = { role: 'participant', participantId: 'bert', roomId: 'r2' };

  it('[BOARD5][BOARD7][BOARD10][BOARD11][BOARD12] participants, staff and observers', () => {
    expect(boardAccess(ann, room, bo)).toEqual({
      read: true,
      write: true,
      cluster: false,
      vote: false,
      manage: false,
    });
    expect(boardAccess(bert, room, bo)).toMatchObject({ read: false, write: false });
    expect(boardAccess(bert, room, { ...bo, spec: { ...bo.spec, seeOtherRooms: true } })).toMatchObject({
      read: true,
      write: false,
      vote: false,
    });
    expect(boardAccess(ann, { ...room, locked: true }, bo)).toMatchObject({ read: true, write: false });
    expect(boardAccess(ann, { ...room, locked: true, voting: { open: true } }, bo)).toMatchObject({
      vote: true,
    });
    expect(boardAccess(ann, room, { ...bo, status: 'closed' })).toMatchObject({ read: true, write: false });
    expect(boardAccess(ann, room, { ...bo, spec: { ...bo.spec, participantsCluster: true } }).cluster).toBe(
      true,
    );
    const fac: Viewer = { role: 'facilitator', participantId: null, roomId: null };
    expect(boardAccess(fac, { ...room, locked: true }, bo)).toEqual({
      read: true,
      write: true,
      cluster: true,
      vote: false,
      manage: true,
    });
    expect(boardAccess({ ...fac, role: 'secretary' }, room, bo).manage).toBe(false);
    const obs: Viewer = { role: 'observer', participantId: null, roomId: null };
    expect(boardAccess(obs, room, bo).read).toBe(false);
    const synthesis = { ...room, roomId: null };
    expect(boardAccess(obs, synthesis, bo).read).toBe(false);
    expect(boardAccess(obs, synthesis, { ...bo, synthesis: true })).toMatchObject({
      read: true,
      write: false,
    });
    expect(boardAccess(bert, synthesis, { ...bo, synthesis: true })).toMatchObject({
      read: true,
      write: true,
    });
  });

  it('[BOARD7] text is the writer’s; the facilitator may delete any post-it', () => {
    const n = { authorId: 'ann', byStaff: false };
    expect(mayEditNote(ann, n)).toBe(true);
    expect(mayEditNote(bert, n)).toBe(false);
    expect(mayDeleteNote(bert, n)).toBe(false);
    const fac: Viewer = { role: 'facilitator', participantId: null, roomId: null };
    expect(mayEditNote(fac, n)).toBe(false);
    expect(mayDeleteNote(fac, n)).toBe(true);
    expect(mayEditNote({ ...fac, role: 'secretary' }, { authorId: null, byStaff: true })).toBe(true);
  });
});

const nv = (id: string, version: number, over: Partial<NoteView> = {}): NoteView => ({
  id,
  boardId: 'b',
  text: `t${version}`,
  colour: 'geel',
  x: version,
  y: 0,
  themeId: null,
  author: null,
  byStaff: false,
  roomLabel: null,
  version,
  createdAt: 1,
  ...over,
});

describe('convergence', () => {
  it('[BOARD8] whatever order updates and a delete arrive in, every client ends in the server state', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.boolean(), fc.integer(), (n, deleted, seed) => {
        // The server's history of one post-it: versions 1..n, optionally then deleted at n+1.
        const events: ({ kind: 'up'; note: NoteView } | { kind: 'del'; version: number })[] = [];
        for (let v = 1; v <= n; v++) events.push({ kind: 'up', note: nv('x', v) });
        if (deleted) events.push({ kind: 'del', version: n + 1 });
        // Deliver them in a shuffled order, some twice.
        const rnd = fc.sample(fc.shuffledSubarray([...events, ...events], { minLength: 2 * events.length }), {
          seed,
          numRuns: 1,
        })[0]!;
        let c = emptyContent();
        for (const e of rnd) c = e.kind === 'up' ? upsertNotes(c, [e.note]) : removeNote(c, 'x', e.version);
        if (deleted) expect(c.notes.x).toBeUndefined();
        else expect(c.notes.x?.version).toBe(n);
      }),
    );
  });
});

describe('layout', () => {
  it('[BOARD17] a free spot never overlaps a post-it or a theme frame', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: 0, max: 2000 }), y: fc.integer({ min: 0, max: 2000 }) }), {
          maxLength: 60,
        }),
        fc.record({ x: fc.integer({ min: 0, max: 2000 }), y: fc.integer({ min: 0, max: 2000 }) }),
        (spots, near) => {
          const taken = [...spots.map(noteRect), themeRect({ x: 300, y: 300 }, 5)];
          const p = freeSpot(taken, near);
          expect(taken.some((r) => overlaps(noteRect(p), r))).toBe(false);
        },
      ),
    );
  });

  it('[BOARD11][BOARD13] theme slots lie inside the frame; synthesis blocks do not overlap', () => {
    for (const count of [0, 1, 2, 5, 9]) {
      const frame = themeRect({ x: 10, y: 20 }, count);
      for (let i = 0; i < count; i++) {
        const s = themeSlot({ x: 10, y: 20 }, i, count);
        expect(s.x + NOTE_W).toBeLessThanOrEqual(frame.x + frame.w);
        expect(s.y + NOTE_H).toBeLessThanOrEqual(frame.y + frame.h);
      }
    }
    const pts = synthesisLayout([3, 10, 0, 7, 2, 1, 4, 8]).flat().map(noteRect);
    for (let i = 0; i < pts.length; i++)
      for (let j = i + 1; j < pts.length; j++) expect(overlaps(pts[i]!, pts[j]!)).toBe(false);
  });

  it('[BOARD6] at least six named colours, light enough for dark text', () => {
    expect(NOTE_COLOURS.length).toBeGreaterThanOrEqual(6);
    const lum = (hex: string) => {
      const c = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
      const l = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * l[0]! + 0.7152 * l[1]! + 0.0722 * l[2]!;
    };
    for (const name of NOTE_COLOURS) {
      expect((lum(COLOUR_HEX[name]) + 0.05) / (lum('#1b1f1c') + 0.05)).toBeGreaterThan(7);
    }
  });
});

describe('schemas', () => {
  it('[BOARD1][BOARD6] a break-out has 1–8 questions; a post-it 1–500 characters, a named colour', () => {
    const base = {
      kind: 'breakout',
      questions: ['V'],
      rooms: { by: 'count', count: 3 },
      assignment: 'mixed',
      timeboxMinutes: 15,
      seeOtherRooms: false,
      participantsCluster: true,
      colourBy: 'orgType',
    };
    expect(BreakoutSpec.safeParse(base).success).toBe(true);
    expect(BreakoutSpec.safeParse({ ...base, questions: Array(8).fill('v') }).success).toBe(true);
    expect(BreakoutSpec.safeParse({ ...base, questions: Array(9).fill('v') }).success).toBe(false);
    expect(BreakoutSpec.safeParse({ ...base, timeboxMinutes: 0 }).success).toBe(false);
    const n = {
      id: crypto.randomUUID(),
      boardId: crypto.randomUUID(),
      text: 'x',
      colour: 'geel',
      x: 1.6,
      y: 0,
    };
    expect(NoteCreate.parse(n).x).toBe(2);
    expect(NoteCreate.safeParse({ ...n, text: 'x'.repeat(501) }).success).toBe(false);
    expect(NoteCreate.safeParse({ ...n, text: '   ' }).success).toBe(false);
    expect(NoteCreate.safeParse({ ...n, colour: '#ff0000' }).success).toBe(false);
    expect(NoteCreate.safeParse({ ...n, x: -1 }).success).toBe(false);
    expect(NoteCreate.safeParse({ ...n, x: Number.NaN }).success).toBe(false);
  });
});

describe('harvest to the verslag', () => {
  it('[BOARD15] themes become headings with their post-its as bullets, most votes first, vote counts shown', () => {
    const notes = [
      nv('1', 1, { text: 'Andere rollen kunnen net zozeer koploper zijn', themeId: 't1', createdAt: 1 }),
      nv('2', 1, { text: 'Denk aan de voetbalclub', themeId: 't1', createdAt: 2 }),
      nv('3', 1, { text: 'Koplopers dragen bij', themeId: 't2', createdAt: 3 }),
      nv('4', 1, { text: 'Los punt', createdAt: 4 }),
      nv('5', 1, { text: 'Verweesd thema', themeId: 'weg', createdAt: 5 }),
    ];
    const themes = [
      {
        id: 't2',
        boardId: 'b',
        heading: 'De waarde van koplopende bewoners',
        x: 0,
        y: 400,
        version: 1,
        createdAt: 1,
      },
      {
        id: 't1',
        boardId: 'b',
        heading: '‘Koplopers’ gaat niet alleen over bewoners',
        x: 0,
        y: 0,
        version: 1,
        createdAt: 2,
      },
    ];
    const s = summariseBoard(
      { id: 'b', roomId: null, questionIndex: 0, question: 'V', revealed: true },
      null,
      notes,
      themes,
      { '2': 3, '1': 1 },
    );
    expect(s.themes.map((t) => t.heading)).toEqual([
      '‘Koplopers’ gaat niet alleen over bewoners',
      'De waarde van koplopende bewoners',
    ]);
    expect(s.themes[0]!.notes.map((n) => n.id)).toEqual(['2', '1']);
    expect(s.unthemed.map((n) => n.id)).toEqual(['4', '5']);
    expect(boardToBlocks(s)).toEqual([
      { type: 'heading', level: 3, text: '‘Koplopers’ gaat niet alleen over bewoners' },
      {
        type: 'bulletList',
        items: [
          [{ text: 'Denk aan de voetbalclub (3 stemmen)' }],
          [{ text: 'Andere rollen kunnen net zozeer koploper zijn (1 stem)' }],
        ],
      },
      { type: 'heading', level: 3, text: 'De waarde van koplopende bewoners' },
      { type: 'bulletList', items: [[{ text: 'Koplopers dragen bij' }]] },
      { type: 'heading', level: 3, text: 'Overige punten' },
      { type: 'bulletList', items: [[{ text: 'Los punt' }], [{ text: 'Verweesd thema' }]] },
    ]);
    expect(boardToBlocks(s, { votes: false, lang: 'en' })[5]).toMatchObject({
      items: [[{ text: 'Los punt' }], expect.anything()],
    });
    expect(boardToBlocks(s, { lang: 'en' })[4]).toEqual({ type: 'heading', level: 3, text: 'Other points' });
  });
});

describe('a break-out in the verslag', () => {
  const n = (id: string, text: string, votes = 0, roomLabel: string | null = 'Kamer 1') => ({
    id,
    text,
    colour: 'geel' as const,
    votes,
    author: null,
    roomLabel,
  });
  const board = (questionIndex: number, over: Partial<BoardSummary> = {}): BoardSummary => ({
    boardId: `b${questionIndex}`,
    roomId: null,
    roomLabel: null,
    questionIndex,
    question: `Vraag ${questionIndex + 1}`,
    noteCount: 0,
    votesRevealed: true,
    themes: [],
    unthemed: [],
    ...over,
  });
  const texts = (blocks: ReturnType<typeof breakoutToBlocks>) =>
    blocks.map((b) =>
      b.type === 'heading'
        ? `${'#'.repeat(b.level)} ${b.text}`
        : b.type === 'paragraph'
          ? b.content.map((c) => c.text).join('')
          : b.type === 'bulletList'
            ? b.items.map((i) => `- ${i.map((c) => c.text).join('')}`).join('\n')
            : b.type,
    );

  it('[BOARD15] per question a sub-heading, its synthesis themes with their post-its and votes, then its own “Overige punten”, as in seed 000', () => {
    const results: BreakoutResults = {
      kind: 'breakout',
      activityId: 'a',
      total: 6,
      rooms: [],
      questions: [
        {
          index: 0,
          question: 'Wat kunnen koplopers betekenen?',
          rooms: [],
          synthesis: board(0, {
            noteCount: 3,
            themes: [
              {
                id: 't1',
                heading: '‘Koplopers’ gaat niet alleen over bewoners',
                votes: 2,
                notes: [n('1', 'Ook ambtenaren', 2)],
              },
              {
                id: 't2',
                heading: 'De waarde van koplopende bewoners',
                votes: 0,
                notes: [n('2', 'Voorbeeld')],
              },
            ],
            unthemed: [n('3', 'Los punt')],
          }),
        },
        {
          index: 1,
          question: 'Hoe leggen ze verbindingen?',
          rooms: [],
          synthesis: board(1, {
            noteCount: 2,
            themes: [
              {
                id: 't3',
                heading: 'Koplopende bewoners en hun verbinding met de rest van de buurt',
                votes: 0,
                notes: [n('4', 'Netwerkrol')],
              },
            ],
            unthemed: [n('6', 'Nog een los punt', 1)],
          }),
        },
        {
          index: 2,
          question: 'Wat zou beter moeten?',
          rooms: [
            board(2, { roomId: 'r1', roomLabel: 'Kamer 1', noteCount: 1, unthemed: [n('5', 'Ruimte')] }),
          ],
          synthesis: null,
        },
      ],
    };
    expect(texts(breakoutToBlocks(results))).toEqual([
      'De groep ging in break-outs uiteen. De deelnemers schreven hun antwoorden op post-its, bij deze vragen:',
      '“Wat kunnen koplopers betekenen?”',
      '“Hoe leggen ze verbindingen?”',
      '“Wat zou beter moeten?”',
      'Hieronder een overzicht van belangrijke inzichten uit de verschillende gesprekken:',
      '### Wat kunnen koplopers betekenen?',
      '#### ‘Koplopers’ gaat niet alleen over bewoners',
      '- Ook ambtenaren (2 stemmen)',
      '#### De waarde van koplopende bewoners',
      '- Voorbeeld',
      // The post-its of question 1 in no theme: under question 1, not at the end.
      '#### Overige punten',
      '- Los punt',
      '### Hoe leggen ze verbindingen?',
      '#### Koplopende bewoners en hun verbinding met de rest van de buurt',
      '- Netwerkrol',
      '#### Overige punten',
      '- Nog een los punt (1 stem)',
      // No synthesis for this question: its rooms' boards, under the question.
      '### Wat zou beter moeten?',
      '#### Kamer 1',
      '- Ruimte',
    ]);
  });

  it('[BOARD15] one question: its themes are the headings, “Overige punten” after them; room votes carried into the synthesis are part of the count, and said where only part came from the room', () => {
    const results: BreakoutResults = {
      kind: 'breakout',
      activityId: 'a',
      total: 3,
      rooms: [],
      questions: [
        {
          index: 0,
          question: 'Wat kunnen koplopers betekenen?',
          rooms: [],
          synthesis: board(0, {
            noteCount: 3,
            themes: [
              {
                id: 't1',
                heading: 'Niet alleen bewoners',
                votes: 3,
                notes: [{ ...n('1', 'Ook ambtenaren', 3), roomVotes: 2 } as NoteSummary, n('2', 'De club')],
              },
            ],
            unthemed: [{ ...n('3', 'Los punt', 1), roomVotes: 1 } as NoteSummary],
          }),
        },
      ],
    };
    expect(texts(breakoutToBlocks(results))).toEqual([
      'De groep ging in break-outs uiteen. De deelnemers schreven hun antwoorden op post-its, bij deze vraag:',
      '“Wat kunnen koplopers betekenen?”',
      'Hieronder een overzicht van belangrijke inzichten uit de verschillende gesprekken:',
      '### Niet alleen bewoners',
      '- Ook ambtenaren (3 stemmen, waarvan 2 in de kamer)\n- De club',
      '### Overige punten',
      '- Los punt (1 stem)',
    ]);
  });
});
