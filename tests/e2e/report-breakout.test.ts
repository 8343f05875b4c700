import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INSIGHTS, DEMO_QUESTIONS } from '../../server/demo/data';
import { newId } from '../../shared/domain/ids';
import { breakoutOf, note, openBreakout } from '../helpers/boards';
import { ok, startServer, type TestServer } from '../helpers/server';
import { type BrowserKit, expectNoAxeViolations, hasBrowser, joinAs, openBrowser, tabTo } from './helpers';

let srv: TestServer;
let kit: BrowserKit;

beforeAll(async () => {
  if (!hasBrowser) return;
  srv = await startServer();
  kit = await openBrowser();
});
afterAll(async () => {
  await kit?.close();
  await srv?.close();
});

const SECTION = 'Verdieping Koplopers en lokaal eigendom';
const LOOSE = 'Vraag de buurt zelf wat zij nodig heeft.';
const VOTED = DEMO_INSIGHTS[0]!.notes[0]!;

describe.runIf(hasBrowser)('a break-out harvested into the verslag, in Chromium', () => {
  it('[BOARD15][REPORT6] before the secretary clicks into the text, the harvest goes under its agenda heading; per question its heading, themes with votes, and its own “Overige punten” (desktop and phone)', async () => {
    const meeting = await srv.createMeeting('Begeleidingsgroep participatie', '2021-03-31');
    const fac = await srv.connect(meeting.code, meeting.facilitatorToken);
    const itemId = newId();
    await ok(fac, 'agenda:add', { id: newId(), title: 'Gezamenlijke plaatsbepaling' });
    await ok(fac, 'agenda:add', { id: itemId, title: SECTION });
    await ok(fac, 'agenda:add', { id: newId(), title: 'Signaleren van nieuwe praktijken' });
    const people = await Promise.all(
      ['Ans', 'Bram', 'Carmen', 'Dirk'].map(async (name) =>
        srv.connect(meeting.code, (await srv.join(meeting.code, name)).token),
      ),
    );
    const a = await openBreakout(fac, { questions: DEMO_QUESTIONS, rooms: { by: 'count', count: 2 } });
    await ok(fac, 'activity:update', { id: a.id, agendaItemId: itemId });
    const placed = await Promise.all(people.map(async (s) => ({ s, ...(await breakoutOf(s, a.id)) })));
    let k = 0;
    for (const insight of DEMO_INSIGHTS) {
      for (const text of insight.notes) {
        const who = placed[k % placed.length]!;
        const board = who.view.boards.find(
          (b) => b.roomId === who.roomId && b.questionIndex === insight.question,
        )!;
        await ok(who.s, 'note:create', note(board.id, text, { x: 40 + (k % 3) * 200, y: 80 }));
        k += 1;
      }
    }
    const q2 = placed[0]!.view.boards.find((b) => b.roomId === placed[0]!.roomId && b.questionIndex === 1)!;
    await ok(placed[0]!.s, 'note:create', note(q2.id, LOOSE, { x: 40, y: 500 }));
    await ok(fac, 'activity:close', { id: a.id });
    await ok(fac, 'breakout:synthesis', { activityId: a.id });
    const { view } = await breakoutOf(fac, a.id);
    for (const insight of DEMO_INSIGHTS) {
      const board = view.boards.find((b) => b.roomId === null && b.questionIndex === insight.question)!;
      const state = await ok(fac, 'board:sync', { boardId: board.id });
      await ok(fac, 'theme:create', {
        id: newId(),
        boardId: board.id,
        heading: insight.theme,
        x: 40 + state.themes.length * 700,
        y: 40,
        noteIds: state.notes.filter((n) => insight.notes.includes(n.text)).map((n) => n.id),
      });
    }
    // Two votes on one insight of question 1, revealed.
    const syn = view.boards.find((b) => b.roomId === null && b.questionIndex === 0)!;
    const voted = (await ok(fac, 'board:sync', { boardId: syn.id })).notes.find((n) => n.text === VOTED)!;
    await ok(fac, 'board:voting', { boardId: syn.id, open: true });
    for (const s of people.slice(0, 2)) {
      await ok(s, 'board:sync', { boardId: syn.id });
      await ok(s, 'vote:cast', { id: newId(), noteId: voted.id });
    }
    await ok(fac, 'board:voting', { boardId: syn.id, open: false, revealed: true });

    // The secretary opens the verslag and, without clicking into the text, harvests by keyboard.
    const sec = await kit.page({ width: 1366, height: 900 });
    await sec.goto(meeting.links.secretary);
    const editor = sec.getByRole('textbox', { name: 'Verslag', exact: true });
    await editor.locator('h2', { hasText: SECTION }).waitFor();
    await tabTo(sec, { role: 'button', name: /^In verslag zetten.*Wat kunnen koplopers/ }, 200);
    await sec.keyboard.press('Enter');
    await expect.poll(() => editor.locator('h4').count()).toBeGreaterThan(0);

    // The title stays first; the harvest sits in its section, before the next agenda item.
    const outline = await editor.evaluate((el) =>
      [...el.children].map((c) => `${c.tagName.toLowerCase()} ${c.textContent ?? ''}`.trim()),
    );
    expect(outline[0]).toBe('h1 Verslag Begeleidingsgroep participatie');
    const headings = outline.filter((l) => /^h[1-4] /.test(l));
    expect(headings).toEqual([
      'h1 Verslag Begeleidingsgroep participatie',
      'h2 Inleiding',
      'h2 Gezamenlijke plaatsbepaling',
      `h2 ${SECTION}`,
      ...DEMO_QUESTIONS.flatMap((q, i) => [
        `h3 ${q}`,
        ...DEMO_INSIGHTS.filter((x) => x.question === i).map((x) => `h4 ${x.theme}`),
        ...(i === 1 ? ['h4 Overige punten'] : []),
      ]),
      'h2 Signaleren van nieuwe praktijken',
      'h2 Afsluiting',
    ]);
    const rest = outline.indexOf('h4 Overige punten');
    expect(outline[rest + 1]).toBe(`ul ${LOOSE}`);
    expect(outline.find((l) => l.startsWith('ul') && l.includes(VOTED))).toContain(`${VOTED} (2 stemmen)`);
    await expectNoAxeViolations(sec, 'secretary after a harvest without a cursor');

    // A participant reads the same verslag on a phone: the same nesting.
    const reader = await joinAs(kit, meeting.links.participant, 'Eva', { width: 390, height: 844 });
    await reader.getByText('Verslag meelezen').click();
    // (The reader shifts every heading down to fit under the page's own: the steps stay the same.)
    await reader.getByRole('heading', { name: 'Overige punten' }).waitFor();
    const level = (name: string) =>
      reader
        .getByRole('heading', { name, exact: true })
        .first()
        .evaluate((el) => Number(el.tagName.slice(1)));
    const section = await level(SECTION);
    expect(await level(DEMO_QUESTIONS[1]!)).toBe(section + 1);
    expect(await level(DEMO_INSIGHTS[2]!.theme)).toBe(section + 2);
    expect(await level('Overige punten')).toBe(section + 2);
    await expectNoAxeViolations(reader, 'participant reading the verslag on a phone');
    expect(kit.pageErrors).toEqual([]);
  });
});
