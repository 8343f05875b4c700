import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreakoutView } from '../../shared/domain/board/types';
import { newId } from '../../shared/domain/ids';
import { note, openBreakout } from '../helpers/boards';
import { ok, startServer, type TestServer, type TestSocket } from '../helpers/server';
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

async function setup(spec: Parameters<typeof openBreakout>[1], names: string[]) {
  const meeting = await srv.createMeeting('Verdieping koplopers');
  const facilitator = await srv.connect(meeting.code, meeting.facilitatorToken);
  const link = `${srv.url}/m/${meeting.code}`;
  const pages = [];
  for (const name of names) pages.push(await joinAs(kit, link, name));
  const activity = await openBreakout(facilitator, spec);
  const view = (await ok(facilitator, 'session:sync')).breakouts.find(
    (b) => b.activityId === activity.id,
  ) as BreakoutView;
  return { meeting, facilitator, link, pages, activity, view };
}

const serverNotes = async (s: TestSocket, boardId: string) => (await ok(s, 'board:sync', { boardId })).notes;

/** The drawn position of a post-it (its CSS translate). */
const drawnAt = (page: Page, text: string) =>
  page.getByRole('button', { name: new RegExp(`^${text}`) }).evaluate((el) => {
    const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec((el as HTMLElement).style.transform);
    return m ? { x: Number(m[1]), y: Number(m[2]) } : null;
  });

describe.runIf(hasBrowser)('post-it boards in Chromium', () => {
  it('[BOARD6][BOARD9][BOARD14] two participants in one room see each other’s post-its appear and move, live', async () => {
    const { pages, facilitator, view } = await setup(
      { rooms: { by: 'count', count: 1 }, questions: ['Wat kunnen koplopers betekenen?'] },
      ['Ann', 'Bert'],
    );
    const [ann, bert] = pages as [Page, Page];
    for (const p of [ann, bert]) await p.getByText('Je zit in Kamer 1.').waitFor();
    const boardId = view.boards[0]!.id;

    // Ann writes a post-it; Bert sees it appear.
    await ann.getByRole('button', { name: '+ Post-it toevoegen' }).click();
    await ann.getByLabel('Tekst').fill('Koplopers laten zien dat het kan');
    await ann.getByRole('radio', { name: 'blauw' }).check();
    await ann.getByRole('button', { name: 'Opslaan' }).click();
    const onBert = bert.getByRole('button', {
      name: /^Koplopers laten zien dat het kan\. kleur blauw\. van Ann/,
    });
    await onBert.waitFor();
    // And Bert's appears at Ann's.
    await bert.getByRole('button', { name: '+ Post-it toevoegen' }).click();
    await bert.getByLabel('Tekst').fill('Ze kennen de buurt');
    await bert.getByRole('button', { name: 'Opslaan' }).click();
    await ann.getByRole('button', { name: /^Ze kennen de buurt\. kleur geel\. van Bert/ }).waitFor();

    // Bert drags Ann's post-it: while he drags, Ann sees it move with his name on it; then it lands.
    const before = await drawnAt(ann, 'Koplopers laten zien');
    const box = (await onBert.boundingBox())!;
    await bert.mouse.move(box.x + 40, box.y + 30);
    await bert.mouse.down();
    await bert.mouse.move(box.x + 140, box.y + 90, { steps: 8 });
    await bert.mouse.move(box.x + 240, box.y + 150, { steps: 8 });
    await ann.getByText('Bert verplaatst dit').waitFor();
    expect((await drawnAt(ann, 'Koplopers laten zien'))!.x).toBeGreaterThan(before!.x);
    await bert.mouse.up();
    await expect.poll(() => ann.getByText('Bert verplaatst dit').count()).toBe(0);
    await expect
      .poll(
        async () => (await serverNotes(facilitator, boardId)).find((n) => n.text.startsWith('Koplopers'))!.x,
      )
      .toBeGreaterThan(before!.x + 150);
    const stored = (await serverNotes(facilitator, boardId)).find((n) => n.text.startsWith('Koplopers'))!;
    await expect.poll(() => drawnAt(ann, 'Koplopers laten zien')).toEqual({ x: stored.x, y: stored.y });
    await expect.poll(() => drawnAt(bert, 'Koplopers laten zien')).toEqual({ x: stored.x, y: stored.y });

    // Both drag the same post-it at once: each sees their own drag, never pulled away by the other;
    // the later drop wins, the same on both screens.
    const onAnn = ann.getByRole('button', { name: /^Koplopers laten zien/ });
    // The post-it now sits lower on the page: both bring it into their window first.
    await onAnn.scrollIntoViewIfNeeded();
    await onBert.scrollIntoViewIfNeeded();
    const a = (await onAnn.boundingBox())!;
    await ann.mouse.move(a.x + 30, a.y + 30);
    await ann.mouse.down();
    await ann.mouse.move(a.x + 30, a.y - 70, { steps: 8 });
    const annLocal = await drawnAt(ann, 'Koplopers laten zien');
    // Bert grabs it where he sees it now: where Ann is dragging it.
    await expect.poll(() => drawnAt(bert, 'Koplopers laten zien')).toEqual(annLocal);
    const b = (await onBert.boundingBox())!;
    await bert.mouse.move(b.x + 30, b.y + 30);
    await bert.mouse.down();
    await bert.mouse.move(b.x + 280, b.y + 30, { steps: 8 });
    // Ann's post-it stays under Ann's pointer although Bert's drag reaches her.
    await ann.waitForTimeout(300);
    expect(await drawnAt(ann, 'Koplopers laten zien')).toEqual(annLocal);
    await bert.mouse.up();
    await expect
      .poll(
        async () => (await serverNotes(facilitator, boardId)).find((n) => n.text.startsWith('Koplopers'))!.x,
      )
      .toBeGreaterThan(annLocal!.x + 200);
    await ann.waitForTimeout(200);
    expect(await drawnAt(ann, 'Koplopers laten zien')).toEqual(annLocal);
    await ann.mouse.up();
    await expect
      .poll(
        async () => (await serverNotes(facilitator, boardId)).find((n) => n.text.startsWith('Koplopers'))!,
      )
      .toMatchObject({ x: annLocal!.x, y: annLocal!.y });
    await expect.poll(() => drawnAt(bert, 'Koplopers laten zien')).toEqual(annLocal);
    await expect.poll(() => drawnAt(ann, 'Koplopers laten zien')).toEqual(annLocal);
    expect(kit.pageErrors).toEqual([]);
  });

  it('[BOARD11][BOARD12][BOARD17] keyboard only: add, move, cluster into a theme, and vote', async () => {
    const { pages, facilitator, view } = await setup(
      {
        rooms: { by: 'count', count: 1 },
        questions: ['Hoe leggen ze verbindingen met de buurt?'],
        participantsCluster: true,
      },
      ['Carla'],
    );
    const carla = pages[0]!;
    const boardId = view.boards[0]!.id;
    await carla.getByText('Je zit in Kamer 1.').waitFor();
    await ok(facilitator, 'board:voting', { boardId, open: true, limit: 3 });
    await carla.getByText(/Je hebt nog 3 van 3 stemmen/).waitFor();

    // Add: Tab to the button, Enter, type, Ctrl+Enter saves.
    await tabTo(carla, { role: 'button', name: '+ Post-it toevoegen' });
    await carla.keyboard.press('Enter');
    await carla.keyboard.type('Koplopers zijn niet representatief');
    await carla.keyboard.press('Control+Enter');
    const card = carla.getByRole('button', { name: /^Koplopers zijn niet representatief/ });
    await card.waitFor();
    await expect.poll(async () => (await serverNotes(facilitator, boardId)).length).toBe(1);
    const start = (await serverNotes(facilitator, boardId))[0]!;

    // Move with arrow keys (and the N shortcut gives a second post-it).
    await tabTo(carla, { role: 'button', name: /^Koplopers zijn niet representatief/ });
    await carla.keyboard.press('ArrowRight');
    await carla.keyboard.press('Shift+ArrowDown');
    await expect
      .poll(async () => (await serverNotes(facilitator, boardId))[0]!)
      .toMatchObject({ x: start.x + 12, y: start.y + 60 });
    await carla.keyboard.press('n');
    await carla.keyboard.type('Instituties hebben de systeemverantwoordelijkheid');
    await carla.keyboard.press('Control+Enter');
    await carla.getByRole('button', { name: /^Instituties hebben/ }).waitFor();
    // Focus came back to the first post-it: "Verplaats naar…" (M) without dragging.
    await expect
      .poll(() => carla.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''))
      .toMatch(/^Koplopers/);
    await carla.keyboard.press('m');
    await carla.getByRole('dialog', { name: 'Verplaats naar…' }).waitFor();
    await carla.keyboard.press('ArrowDown'); // Rechts naast de rest
    await carla.keyboard.press('Enter');
    await carla.getByText('Verplaatst.').waitFor();

    // Cluster: select both with Space, then "Naar thema…" (T) makes a new theme with a heading.
    await carla.keyboard.press(' ');
    await tabTo(carla, { role: 'button', name: /^Instituties hebben/ });
    await carla.keyboard.press(' ');
    await carla.getByText('2 geselecteerd').first().waitFor();
    await carla.keyboard.press('t');
    await carla.getByRole('dialog', { name: /Naar thema…/ }).waitFor();
    await tabTo(carla, { role: 'textbox', name: 'Kop van het thema' });
    await carla.keyboard.type('Koplopende bewoners en de buurt');
    await carla.keyboard.press('Enter');
    await carla.getByRole('button', { name: /^Koplopende bewoners en de buurt\. 2 post-its/ }).waitFor();
    const clustered = await ok(facilitator, 'board:sync', { boardId });
    expect(clustered.themes.map((t) => t.heading)).toEqual(['Koplopende bewoners en de buurt']);
    expect(clustered.notes.every((n) => n.themeId === clustered.themes[0]!.id)).toBe(true);

    // Vote: V on a post-it, twice; Shift+V takes one back.
    await tabTo(carla, { role: 'button', name: /^Koplopers zijn niet representatief/ });
    await carla.keyboard.press('v');
    await carla.getByText(/Je hebt nog 2 van 3 stemmen/).waitFor();
    await carla.keyboard.press('v');
    await carla.getByText(/Je hebt nog 1 van 3 stemmen/).waitFor();
    await carla.keyboard.press('Shift+V');
    await carla.getByText(/Je hebt nog 2 van 3 stemmen/).waitFor();
    const counts = (await ok(facilitator, 'board:sync', { boardId })).counts!;
    expect(Object.values(counts)).toEqual([1]);
    expect(kit.pageErrors).toEqual([]);
  });

  it('[BOARD17] axe-core: no WCAG A/AA violations on a board with 100 post-its (canvas, list, dialog, console)', async () => {
    const { pages, facilitator, meeting, view, activity } = await setup(
      {
        rooms: { by: 'count', count: 1 },
        questions: ['Wat zou hierin beter of anders moeten?', 'Tweede vraag'],
        participantsCluster: true,
      },
      ['Dirk'],
    );
    const dirk = pages[0]!;
    const boardId = view.boards.find((b) => b.questionIndex === 0)!.id;
    const colours = ['geel', 'oranje', 'roze', 'paars', 'blauw', 'groen', 'grijs'] as const;
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) {
      const n = note(boardId, `Punt ${i + 1}: ${'koplopers en instituties '.repeat(1 + (i % 4))}`, {
        colour: colours[i % colours.length],
        x: 40 + (i % 10) * 200,
        y: 40 + Math.floor(i / 10) * 140,
      });
      ids.push(n.id);
      await ok(facilitator, 'note:create', n);
    }
    await ok(facilitator, 'theme:create', {
      id: newId(),
      boardId,
      heading: 'Cultuurverandering',
      x: 2200,
      y: 40,
      noteIds: ids.slice(0, 6),
    });
    await ok(facilitator, 'board:voting', { boardId, open: true, revealed: true });
    await expect.poll(() => dirk.locator('.note').count(), { timeout: 15_000 }).toBe(100);
    await expectNoAxeViolations(dirk, 'board with 100 post-its');
    await dirk.getByRole('button', { name: 'Lijst' }).click();
    await dirk.getByRole('heading', { name: /Cultuurverandering/ }).waitFor();
    await expectNoAxeViolations(dirk, 'list view with 100 post-its');
    await dirk.getByRole('button', { name: /^Verplaats naar…: Punt 7:/ }).click();
    await dirk.getByRole('dialog', { name: 'Verplaats naar…' }).waitFor();
    await expectNoAxeViolations(dirk, 'move dialog');
    await dirk.keyboard.press('Escape');

    const fac = await kit.page();
    await fac.goto(`${srv.url}/m/${meeting.code}/leiding#${meeting.facilitatorToken}`);
    await fac.getByRole('button', { name: 'Kamer 1 bekijken: borden en chat' }).waitFor();
    await expectNoAxeViolations(fac, 'facilitator with break-outs');
    await fac.getByRole('button', { name: 'Kamer 1 bekijken: borden en chat' }).click();
    await expect.poll(() => fac.locator('dialog .note').count(), { timeout: 15_000 }).toBe(100);
    await expectNoAxeViolations(fac, 'facilitator visiting a room');
    expect(activity.status).toBe('open');
    expect(kit.pageErrors).toEqual([]);
  });
});
