import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids';
import type { ActivityView, AgendaItem } from '../../shared/domain/types';
import { ok, startServer, type TestServer } from '../helpers/server';
import { createActivity } from '../helpers/toolkit';
import { type BrowserKit, expectNoAxeViolations, hasBrowser, openBrowser, tabTo } from './helpers';
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

describe.runIf(hasBrowser)('moving the meeting on in Chromium', () => {
  it('[FLOW5][FLOW2] moving on with a poll still open asks “Peiling sluiten?”; Enter closes it (the default), “open laten” keeps it under “Ook nog open” — keyboard, desktop and phone', async () => {
    const meeting = await srv.createMeeting('Begeleidingsgroep 8 december');
    const socket = await srv.connect(meeting.code, meeting.facilitatorToken);
    let agenda: AgendaItem[] = [];
    for (const title of ['Inleiding', 'Gezamenlijke plaatsbepaling', 'Updates', 'Afsluiting']) {
      agenda = await ok(socket, 'agenda:add', { id: newId(), title });
    }
    const poll = await createActivity(
      socket,
      { kind: 'scale', question: 'Hoe tevreden ben je?', levels: ['laag', 'hoog'] },
      { agendaItemId: agenda[1]!.id },
    );
    const words = await createActivity(
      socket,
      { kind: 'words', question: 'Eén woord voor vandaag?', maxWords: 3 },
      { agendaItemId: agenda[2]!.id },
    );
    await ok(socket, 'meeting:goto', { itemId: agenda[1]!.id });
    const status = async (id: string) =>
      (await ok(socket, 'session:sync')).activities.find((a: ActivityView) => a.id === id)?.status;
    expect(await status(poll.id)).toBe('open');

    const fac = await kit.page({ width: 1366, height: 900 });
    await fac.goto(meeting.links.facilitator);
    const ann = await participantPage(kit, meeting.links.participant, 'Ann', 390);
    await ann.getByRole('heading', { name: 'Gezamenlijke plaatsbepaling', level: 2 }).waitFor();

    // By keyboard: "Volgende" asks first; the focus is on "Sluiten en verder".
    await fac.locator('body').click({ position: { x: 5, y: 5 } });
    await tabTo(fac, { role: 'button', name: 'Volgende: Updates →' }, 200);
    await fac.keyboard.press('Enter');
    const ask = fac.getByRole('dialog', { name: 'Peiling sluiten?' });
    await ask.waitFor();
    await ask.getByText('Hoe tevreden ben je?').waitFor();
    await expect
      .poll(() => fac.evaluate(() => document.activeElement?.textContent))
      .toBe('Sluiten en verder');
    await expectNoAxeViolations(fac, 'facilitator asked to close the poll');
    // Escape: nothing happens, the focus is back on the button.
    await fac.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await status(poll.id)).toBe('open');
    await expect
      .poll(() => fac.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Volgende: Updates →');
    // Enter twice: ask, and take the default — closed, and the meeting moves on.
    await fac.keyboard.press('Enter');
    await ask.waitFor();
    await fac.keyboard.press('Enter');
    await ann.getByRole('heading', { name: 'Updates', level: 2 }).waitFor();
    expect(await status(poll.id)).toBe('closed');
    expect(await ann.getByRole('heading', { name: 'Ook nog open' }).count()).toBe(0);
    await expect
      .poll(() => fac.evaluate(() => document.activeElement?.textContent?.trim()))
      .toMatch(/^Volgende/);

    // On a phone, the facilitator leaves the word cloud open: participants keep it under "Ook nog open".
    const phone = await kit.page({ width: 390, height: 844 });
    await phone.goto(meeting.links.facilitator);
    await phone.getByRole('button', { name: 'Volgende: Afsluiting →' }).click();
    const ask2 = phone.getByRole('dialog', { name: 'Woordwolk sluiten?' });
    await ask2.waitFor();
    await expectNoAxeViolations(phone, 'facilitator on a phone asked to close the word cloud');
    await ask2.getByRole('button', { name: 'Open laten en verder' }).click();
    await ann.getByRole('heading', { name: 'Afsluiting', level: 2 }).waitFor();
    await ann.getByRole('heading', { name: 'Ook nog open' }).waitFor();
    expect(await status(words.id)).toBe('open');
    // Nothing open at this item: moving back goes at once.
    await phone.getByRole('button', { name: '← Terug naar Updates' }).click();
    await ann.getByRole('heading', { name: 'Updates', level: 2 }).waitFor();
    expect(await phone.getByRole('dialog').count()).toBe(0);
    expect(kit.pageErrors).toEqual([]);
  });
});
