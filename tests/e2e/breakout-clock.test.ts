import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids';
import { ok, startServer, type TestServer } from '../helpers/server';
import { type BrowserKit, expectNoAxeViolations, hasBrowser, openBrowser } from './helpers';
import { participantPage } from './toolkit-helpers';

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

/** `mm:ss` in seconds. */
const toSeconds = (text: string) =>
  (/(\d+):(\d\d)/.exec(text) ?? []).slice(1).reduce((acc, part) => acc * 60 + Number(part), 0);
/** The seconds a page's countdown shows: its `role=timer` (participants, screen) or a text line (staff). */
const shown = async (p: Page, where: { timer: string } | { line: RegExp }) =>
  'timer' in where
    ? toSeconds((await p.getByRole('timer', { name: where.timer }).textContent()) ?? '')
    : toSeconds((await p.getByText(where.line).first().textContent()) ?? '');

/** A meeting with a break-out of one room and a 10-minute time box (not started yet). */
async function breakoutMeeting() {
  const meeting = await srv.createMeeting('Verdieping koplopers');
  const socket = await srv.connect(meeting.code, meeting.facilitatorToken);
  await ok(socket, 'activity:create', {
    id: newId(),
    agendaItemId: null,
    anonymous: false,
    spec: {
      kind: 'breakout',
      questions: ['Wat kunnen koplopers betekenen?'],
      rooms: { by: 'count', count: 1 },
      assignment: 'random',
      timeboxMinutes: 10,
      seeOtherRooms: false,
      participantsCluster: false,
      colourBy: 'choice',
    },
  });
  const fac = await kit.page({ width: 1366, height: 900 });
  await fac.goto(meeting.links.facilitator);
  return { meeting, fac };
}
const screenOf = async (code: string) => {
  const screen = await kit.page({ width: 1280, height: 800 });
  await screen.goto(`${srv.url}/m/${code}/scherm`);
  return screen;
};
const closeAll = (...pages: Page[]) => Promise.all(pages.map((p) => p.context().close()));

describe.runIf(hasBrowser)('the break-outs’ one clock in Chromium', () => {
  it('[BOARD18][SCOPE3][TIMER1] starting the break-outs starts one countdown that participants (laptop, phone), facilitator and screen show alike, ticking by the second', async () => {
    // The facilitator's console is open well before the start (the old "Nog 12 minuten").
    const { meeting, fac } = await breakoutMeeting();
    const ann = await participantPage(kit, meeting.links.participant, 'Ann', 1280);
    const bert = await participantPage(kit, meeting.links.participant, 'Bert', 390);
    const screen = await screenOf(meeting.code);
    await fac.getByRole('button', { name: 'Break-outs starten' }).click();

    // One clock, from the start: ten minutes, with seconds, the same everywhere.
    const staffLine = { line: /^Tijd in alle kamers: \d\d:\d\d/ };
    await fac.getByText(staffLine.line).waitFor();
    for (const p of [ann, bert]) await p.getByRole('timer', { name: 'Tijd in Kamer 1' }).waitFor();
    await screen.getByRole('timer', { name: 'Tijd in alle kamers' }).waitFor();
    // Read at once (one after the other, a loaded machine would add its own seconds).
    const times = await Promise.all([
      shown(fac, staffLine),
      shown(ann, { timer: 'Tijd in Kamer 1' }),
      shown(bert, { timer: 'Tijd in Kamer 1' }),
      shown(screen, { timer: 'Tijd in alle kamers' }),
    ]);
    for (const s of times) {
      expect(s).toBeLessThanOrEqual(600);
      expect(s).toBeGreaterThan(570);
    }
    expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(3);
    expect(await screen.getByText('Geen timer').count()).toBe(0);
    expect(await fac.getByText(/Nog \d+ minuten/).count()).toBe(0);
    // It ticks by the second (not every 15 seconds).
    const first = await shown(fac, staffLine);
    await expect.poll(() => shown(fac, staffLine), { timeout: 3000 }).toBeLessThan(first);
    await expectNoAxeViolations(bert, 'participant on a phone with the break-outs’ clock');
    await closeAll(fac, ann, bert, screen);
    expect(kit.pageErrors).toEqual([]);
  });

  it('[BOARD18] ending asks first (keyboard, Escape keeps them going), offers 60 seconds that every view counts down alike, and stops every room’s timer', async () => {
    const { meeting, fac } = await breakoutMeeting();
    const bert = await participantPage(kit, meeting.links.participant, 'Bert', 390);
    const screen = await screenOf(meeting.code);
    await fac.getByRole('button', { name: 'Break-outs starten' }).click();
    await bert.getByRole('timer', { name: 'Tijd in Kamer 1' }).waitFor();

    // "Break-outs beëindigen" asks first, in a dialog; Escape keeps the break-outs going.
    const end = fac.getByRole('button', { name: 'Break-outs beëindigen' });
    await end.click();
    const dialog = fac.getByRole('dialog', { name: 'Break-outs beëindigen?' });
    await dialog.waitFor();
    await expect
      .poll(() => fac.evaluate(() => document.activeElement?.textContent))
      .toBe('Einde over 60 seconden');
    await expectNoAxeViolations(fac, 'facilitator asked to end the break-outs');
    await fac.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => fac.evaluate(() => document.activeElement?.textContent))
      .toBe('Break-outs beëindigen');
    expect(await bert.getByText('De break-outs lopen.').count()).toBe(1);

    // Enter picks the default: the rooms close in 60 seconds, everyone sees the same countdown.
    await fac.keyboard.press('Enter');
    await dialog.waitFor();
    await fac.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await bert.getByText('De kamers sluiten bijna. Rond het gesprek af.').waitFor();
    await bert.getByRole('timer', { name: 'Kamers sluiten over' }).waitFor();
    await screen.getByRole('timer', { name: 'Kamers sluiten over' }).waitFor();
    const closing = { line: /^Kamers sluiten over: \d\d:\d\d/ };
    await fac.getByText(closing.line).waitFor();
    const countdown = await Promise.all([
      shown(fac, closing),
      shown(bert, { timer: 'Kamers sluiten over' }),
      shown(screen, { timer: 'Kamers sluiten over' }),
    ]);
    expect(Math.max(...countdown) - Math.min(...countdown)).toBeLessThanOrEqual(3);
    for (const s of countdown) {
      expect(s).toBeLessThanOrEqual(60);
      expect(s).toBeGreaterThan(50);
    }
    // (Kept short: the server ends the rooms by itself when the minute is over.)
    await expectNoAxeViolations(bert, 'participant on a phone while the rooms close');

    // Asked again, only "now" is left; ending stops every room's timer.
    await end.click();
    await dialog.waitFor();
    expect(await dialog.getByRole('button', { name: 'Einde over 60 seconden' }).count()).toBe(0);
    await expect.poll(() => fac.evaluate(() => document.activeElement?.textContent)).toBe('Nu beëindigen');
    await fac.keyboard.press('Enter');
    await bert.getByText('De break-outs zijn afgelopen.').waitFor();
    await expect.poll(() => bert.getByRole('timer').count()).toBe(0);
    await screen.getByText('De break-outs zijn afgelopen.').waitFor();
    await expect.poll(() => screen.getByRole('timer').count()).toBe(0);
    await fac.getByRole('button', { name: 'Break-outs weer starten' }).waitFor();
    // No room's timer runs on: nothing counts down on the facilitator's page either.
    await expect.poll(() => fac.getByText(/\d\d:\d\d · (loopt|pauze)/).count()).toBe(0);
    expect(kit.pageErrors).toEqual([]);
  });
});
