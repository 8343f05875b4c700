import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overlaps, themeRect } from '../../shared/domain/board/layout';
import { newId } from '../../shared/domain/ids';
import { breakoutOf, note, openBreakout } from '../helpers/boards';
import { ok, startServer, type TestServer, type TestSocket } from '../helpers/server';
import {
  type BrowserKit,
  expectNoAxeViolations,
  hasBrowser,
  joinAs,
  openBrowser,
  tabTo,
  type WindowOptions,
} from './helpers';

/**
 * What newcomers stumbled on (issue 12): voting that could not be found on the board, boards that
 * phones could not read, room votes that vanished in the synthesis, themes on top of each other.
 */
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

const DESKTOP: WindowOptions = { width: 1366, height: 768 };
const PHONE: WindowOptions = {
  width: 390,
  height: 844,
  device: { deviceScaleFactor: 3, isMobile: true, hasTouch: true },
};

/** A new person in their own browser context, joined by the participant link. */
async function meeting(spec: Parameters<typeof openBreakout>[1]) {
  const m = await srv.createMeeting('Verdieping koplopers');
  const facilitator = await srv.connect(m.code, m.facilitatorToken);
  const activity = await openBreakout(facilitator, spec);
  const { view } = await breakoutOf(facilitator, activity.id);
  return { m, facilitator, activity, view, link: `${srv.url}/m/${m.code}` };
}

/** A running break-out with one room, two post-its and voting open (3 votes each). */
async function votingRoom() {
  const { facilitator, view, activity, link } = await meeting({
    rooms: { by: 'count', count: 1 },
    questions: ['Wat kunnen koplopers betekenen?'],
  });
  const boardId = view.boards[0]!.id;
  const first = await ok(
    facilitator,
    'note:create',
    note(boardId, 'Koplopers laten zien dat het kan', { x: 40, y: 40 }),
  );
  await ok(facilitator, 'note:create', note(boardId, 'Ze kennen de buurt', { x: 260, y: 40 }));
  await ok(facilitator, 'board:voting', { boardId, open: true, limit: 3 });
  return { facilitator, activity, link, boardId, first };
}

/** A running break-out with one room whose board has 30 post-its, ten in a row (wider than a screen). */
async function thirtyNotes() {
  const { facilitator, view, link } = await meeting({
    rooms: { by: 'count', count: 1 },
    questions: ['Hoe leggen ze verbindingen met de buurt?'],
  });
  const boardId = view.boards[0]!.id;
  for (let i = 0; i < 30; i++) {
    const at = { x: 40 + (i % 10) * 196, y: 40 + Math.floor(i / 10) * 136 };
    await ok(facilitator, 'note:create', note(boardId, `Punt ${i + 1}: koplopers en de buurt`, at));
  }
  return { link };
}

const voteButtons = (p: Page) => p.getByRole('button', { name: /^Stem op „/ });
const stored = async (s: TestSocket, boardId: string) => ok(s, 'board:sync', { boardId });
/** On-screen height of a locator in device pixels (what the eye sees). */
const deviceHeight = async (l: Locator, dpr: number) => (await l.boundingBox())!.height * dpr;

describe.runIf(hasBrowser)('a board for newcomers, in Chromium', () => {
  it('[BOARD12][BOARD17] while voting is open every post-it has a vote button with my votes on it, a counter of votes left and a way back — by pointer, keyboard and in the list', async () => {
    const { facilitator, boardId, first, link } = await votingRoom();
    const ann = await joinAs(kit, link, 'Ann', DESKTOP);
    await ann.getByText(/Je hebt nog 3 van 3 stemmen/).waitFor();

    // Every post-it has its own vote button, on the board itself.
    await expect.poll(() => voteButtons(ann).count()).toBe(2);
    const vote = ann.getByRole('button', { name: /^Stem op „Koplopers laten zien/ });
    await vote.click();
    await ann.getByText(/Je hebt nog 2 van 3 stemmen/).waitFor();
    // Dot voting: a second vote on the same post-it; the button shows my votes on it.
    await ann
      .getByRole('button', { name: 'Stem op „Koplopers laten zien dat het kan”. Je hebt er 1 gegeven.' })
      .click();
    await ann.getByText(/Je hebt nog 1 van 3 stemmen/).waitFor();
    const mine = ann.getByRole('button', { name: /^Stem op „Koplopers laten zien.*Je hebt er 2 gegeven\.$/ });
    expect(await mine.textContent()).toContain('2');
    // A press on the vote button neither drags nor selects the post-it.
    const card = ann.getByRole('button', { name: /^Koplopers laten zien dat het kan\./ });
    expect(await card.getAttribute('aria-pressed')).toBe('false');
    expect((await stored(facilitator, boardId)).notes.find((n) => n.id === first.id)).toMatchObject({
      x: first.note!.x,
      y: first.note!.y,
    });
    // Taking one back.
    await ann
      .getByRole('button', { name: /^Neem een stem terug van „Koplopers laten zien.*2 gegeven/ })
      .click();
    await ann.getByText(/Je hebt nog 2 van 3 stemmen/).waitFor();
    // By keyboard: Tab reaches the other post-it's vote button; Enter votes.
    await tabTo(ann, { role: 'button', name: /^Stem op „Ze kennen de buurt/ });
    await ann.keyboard.press('Enter');
    await ann.getByText(/Je hebt nog 1 van 3 stemmen/).waitFor();
    await expect
      .poll(async () => Object.values((await stored(facilitator, boardId)).counts ?? {}).sort())
      .toEqual([1, 1]);
    await expectNoAxeViolations(ann, 'board with vote buttons');
    await ann.getByRole('button', { name: 'Lijst' }).click();
    await ann.getByRole('button', { name: /^Neem een stem terug van „Ze kennen de buurt/ }).click();
    await ann.getByText(/Je hebt nog 2 van 3 stemmen/).waitFor();
    await expectNoAxeViolations(ann, 'list with vote buttons');
    expect(kit.pageErrors).toEqual([]);
  });

  it('[BOARD12] on a phone the same vote buttons; once the break-outs end, room boards say nothing of voting', async () => {
    const { facilitator, activity, link } = await votingRoom();
    const ann = await joinAs(kit, link, 'Ann', DESKTOP);
    const bert = await joinAs(kit, link, 'Bert', PHONE);
    await ann.getByText(/Je hebt nog 3 van 3 stemmen/).waitFor();
    await expect.poll(() => voteButtons(ann).count()).toBe(2);
    await bert.getByText(/Je hebt nog 3 van 3 stemmen/).waitFor();
    await bert.getByRole('button', { name: /^Stem op „Ze kennen de buurt/ }).click();
    await bert.getByText(/Je hebt nog 2 van 3 stemmen/).waitFor();
    await expectNoAxeViolations(bert, 'phone with vote buttons');

    // The break-outs end: room boards are read-only, and say nothing of voting.
    await ok(facilitator, 'activity:close', { id: activity.id });
    for (const p of [ann, bert]) {
      await p.getByText('Alleen bekijken.').first().waitFor();
      await expect.poll(() => p.getByText(/Stemmen is open/).count()).toBe(0);
      expect(await voteButtons(p).count()).toBe(0);
    }
    expect(kit.pageErrors).toEqual([]);
  });

  it('[BOARD17] a phone can read the board: the list by default (the choice is remembered), and the board at a readable zoom on the newest post-its', async () => {
    const { link } = await thirtyNotes();
    const lastText = 'Punt 30: koplopers en de buurt';

    // A phone opens the list, in the page's own text size.
    const phone = await joinAs(kit, link, 'Fleur', PHONE);
    await phone.getByText(lastText, { exact: true }).waitFor();
    expect(await phone.getByRole('button', { name: 'Lijst' }).getAttribute('aria-pressed')).toBe('true');
    const listPx = await phone
      .locator('.board-list__text')
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(listPx).toBeGreaterThanOrEqual(14);
    await expectNoAxeViolations(phone, 'phone: the board as a list');
    // Chosen the board: readable (never blank cards), on the newest post-it; the choice is remembered.
    await phone.getByRole('button', { name: 'Bord' }).click();
    const newest = phone.getByRole('button', { name: new RegExp(`^${lastText}`) });
    await newest.waitFor();
    expect(
      Number.parseInt((await phone.locator('.board__zoom-level').textContent()) ?? '', 10),
    ).toBeGreaterThanOrEqual(84);
    expect(await phone.locator('.board__world--far').count()).toBe(0);
    // The camera is written to the DOM on the next animation frame, and follows the viewport's size
    // until the reader pans: wait for both (a loaded machine paints late), then the newest post-it is
    // wholly in view.
    await expect
      .poll(
        async () => {
          const vp = (await phone.locator('.board__viewport').boundingBox())!;
          const nb = (await newest.boundingBox())!;
          return nb.x >= vp.x && nb.x + nb.width <= vp.x + vp.width;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    // Post-it text of 13 board units: at least 11 CSS px on screen.
    expect(((await newest.boundingBox())!.height / 120) * 13).toBeGreaterThanOrEqual(11);
    await expectNoAxeViolations(phone, 'phone: the board');
    await phone.reload();
    await phone.getByText(/Je zit in Kamer 1/).waitFor();
    await expect
      .poll(() => phone.getByRole('button', { name: 'Bord' }).getAttribute('aria-pressed'))
      .toBe('true');
    expect(kit.pageErrors).toEqual([]);
  });

  it('[BOARD17] board text grows with 200 % browser zoom and with a larger text size (WCAG 1.4.4), and still fits its post-it', async () => {
    const { link } = await thirtyNotes();
    // Browser zoom 200 %: half the CSS pixels, each twice as big. Text on the board doubles.
    const noteOf = (p: Page) => p.getByRole('button', { name: /^Punt 1: / });
    const normal = await joinAs(kit, link, 'Gijs', DESKTOP);
    await noteOf(normal).waitFor();
    const zoomed = await joinAs(kit, link, 'Hanna', {
      width: 683,
      height: 384,
      device: { deviceScaleFactor: 2 },
    });
    await noteOf(zoomed).waitFor();
    const base = await deviceHeight(noteOf(normal), 1);
    expect(await deviceHeight(noteOf(zoomed), 2)).toBeGreaterThanOrEqual(1.9 * base);
    expect(await zoomed.locator('.board__world--far').count()).toBe(0);
    await expectNoAxeViolations(zoomed, 'board at 200 % browser zoom');

    // A larger text size (root font 200 %): the board opens twice as large, text still fits its post-it.
    await normal.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    await normal.getByRole('button', { name: 'Lijst' }).click();
    await normal.getByRole('button', { name: 'Bord' }).click();
    await expect.poll(() => deviceHeight(noteOf(normal), 1)).toBeGreaterThanOrEqual(1.9 * base);
    const fits = await noteOf(normal)
      .locator('.note__text')
      .evaluate(
        (el) =>
          Number.parseFloat(getComputedStyle(el).fontSize) / (el.parentElement as HTMLElement).offsetHeight,
      );
    expect(fits).toBeCloseTo(13 / 120, 2);
    expect(kit.pageErrors).toEqual([]);
  });

  it('[BOARD13] the synthesis shows room votes per room and summed, on the board and in the list', async () => {
    const { m, facilitator, activity, view } = await meeting({
      rooms: { by: 'count', count: 2 },
      assignment: 'manual',
      questions: ['Wat zou hierin beter of anders moeten?'],
    });
    const room2 = [...view.rooms].sort((a, b) => a.index - b.index)[1]!;
    const board = view.boards.find((b) => b.roomId === room2.id)!;
    const people = [];
    for (const name of ['Ann', 'Bert', 'Carla']) {
      const j = await srv.join(m.code, name);
      await ok(facilitator, 'breakout:move', {
        activityId: activity.id,
        participantId: j.participant.id,
        roomId: room2.id,
      });
      people.push(await srv.connect(m.code, j.token));
    }
    const n = await ok(people[0]!, 'note:create', note(board.id, 'Instituties moeten mee veranderen'));
    await ok(facilitator, 'board:voting', { boardId: board.id, open: true, limit: 3 });
    for (const s of people) await ok(s, 'vote:cast', { id: newId(), noteId: n.id });
    await ok(facilitator, 'activity:close', { id: activity.id });
    const after = await ok(facilitator, 'breakout:synthesis', { activityId: activity.id });
    const syn = after.boards.find((b) => b.roomId === null)!;

    const fac = await (await kit.context({ width: 1366, height: 768 })).newPage();
    await fac.goto(`${srv.url}/m/${m.code}/leiding#${m.facilitatorToken}`);
    await fac.getByRole('button', { name: 'Alle kamers samen bekijken' }).click();
    const dialog = fac.getByRole('dialog');
    await dialog
      .getByRole('button', { name: /^Instituties moeten mee veranderen\..*3 stemmen in Kamer 2/ })
      .waitFor();
    await dialog.getByText('● 3 (Kamer 2)').waitFor();
    await expectNoAxeViolations(fac, 'synthesis with room votes');
    await dialog.getByRole('button', { name: 'Lijst' }).click();
    await dialog.getByText(/3 stemmen in Kamer 2/).waitFor();

    // Participants see the same once the facilitator shows the synthesis board's votes.
    await ok(facilitator, 'board:voting', { boardId: syn.id, revealed: true });
    const dirk = await joinAs(kit, `${srv.url}/m/${m.code}`, 'Dirk', DESKTOP);
    await dirk
      .getByRole('button', { name: /^Instituties moeten mee veranderen\..*3 stemmen in Kamer 2/ })
      .waitFor();
    expect(kit.pageErrors).toEqual([]);
  });

  it('[BOARD11][BOARD17] new themes land in free space, never on another theme’s heading; a double click on the empty board writes a post-it there', async () => {
    const { facilitator, view, link } = await meeting({
      rooms: { by: 'count', count: 1 },
      questions: ['Hoe werken koplopers en instituties samen?'],
      participantsCluster: true,
    });
    const boardId = view.boards[0]!.id;
    await ok(facilitator, 'note:create', note(boardId, 'Samen optrekken', { x: 40, y: 40 }));
    await ok(facilitator, 'note:create', note(boardId, 'Elkaars taal spreken', { x: 236, y: 40 }));
    const ann = await joinAs(kit, link, 'Ann', DESKTOP);
    await ann.getByRole('button', { name: /^Samen optrekken/ }).waitFor();

    const newTheme = async (heading: string) => {
      await ann.getByRole('button', { name: /^(Nieuw thema|Naar thema…)$/ }).click();
      const d = ann.getByRole('dialog', { name: /Naar thema…/ });
      await d.getByRole('radio', { name: 'Nieuw thema' }).check();
      await d.getByLabel('Kop van het thema').fill(heading);
      await d.getByRole('button', { name: 'Toepassen' }).click();
      await ann.getByRole('button', { name: new RegExp(`^${heading}\\.`) }).waitFor();
    };
    await newTheme('Eerste thema');
    await newTheme('Tweede thema');
    // Two selected post-its into a third theme.
    await ann.getByRole('button', { name: /^Samen optrekken/ }).click();
    await ann.getByRole('button', { name: /^Elkaars taal spreken/ }).click({ modifiers: ['Shift'] });
    await ann.getByText('2 geselecteerd').first().waitFor();
    await newTheme('Derde thema');

    const state = await stored(facilitator, boardId);
    expect(state.themes).toHaveLength(3);
    const frames = state.themes.map((t) => ({
      t,
      r: themeRect(t, state.notes.filter((n) => n.themeId === t.id).length),
    }));
    for (const a of frames) for (const b of frames) if (a !== b) expect(overlaps(a.r, b.r)).toBe(false);
    // Every heading can be seen and pressed: nothing is drawn over it.
    await ann.getByRole('button', { name: 'Alles in beeld' }).click();
    await ann.locator('.board__viewport').scrollIntoViewIfNeeded();
    for (const heading of ['Eerste thema', 'Tweede thema', 'Derde thema']) {
      const head = ann.getByRole('button', { name: new RegExp(`^${heading}\\.`) });
      const box = (await head.boundingBox())!;
      const hit = await ann.evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.closest('.theme__head')?.textContent ?? '',
        [box.x + box.width / 2, box.y + box.height / 2],
      );
      expect(hit).toContain(heading);
    }

    // Double click on an empty spot of the board: a new post-it right there.
    const spot = await ann.evaluate(() => {
      const vp = document.querySelector('.board__viewport')!.getBoundingClientRect();
      const things = [...document.querySelectorAll('.note, .theme')].map((e) => e.getBoundingClientRect());
      for (let y = vp.bottom - 80; y > vp.top + 80; y -= 20) {
        // From the right: left of what is on the board lie negative board coordinates.
        for (let x = vp.right - 100; x > vp.left + 100; x -= 20) {
          const clear = things.every(
            (r) => x < r.left - 120 || x > r.right + 120 || y < r.top - 90 || y > r.bottom + 90,
          );
          if (clear && document.elementFromPoint(x, y)?.closest('.board__viewport')) return { x, y };
        }
      }
      return null;
    });
    expect(spot).not.toBeNull();
    await ann.mouse.dblclick(spot!.x, spot!.y);
    const d = ann.getByRole('dialog', { name: 'Nieuwe post-it' });
    await d.getByLabel('Tekst').fill('Hier geschreven');
    await d.getByRole('button', { name: 'Opslaan' }).click();
    const made = ann.getByRole('button', { name: /^Hier geschreven/ });
    await made.waitFor();
    const box = (await made.boundingBox())!;
    expect(Math.abs(box.x + box.width / 2 - spot!.x)).toBeLessThan(4);
    expect(Math.abs(box.y + box.height / 2 - spot!.y)).toBeLessThan(4);
    await expectNoAxeViolations(ann, 'board with three themes');
    expect(kit.pageErrors).toEqual([]);
  });
});
