import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids';
import { openScalePoll } from '../helpers/fixtures';
import { type CreatedMeeting, ok, startServer, type TestServer } from '../helpers/server';
import { type BrowserKit, expectNoAxeViolations, hasBrowser, joinAs, openBrowser, tabTo } from './helpers';

let srv: TestServer;
let kit: BrowserKit;
let m: CreatedMeeting;

beforeAll(async () => {
  if (!hasBrowser) return;
  srv = await startServer();
  kit = await openBrowser();
  m = await srv.createMeeting('Begeleidingsgroep participatie in aardgasvrije wijken', '2021-03-31');
  const fac = await srv.connect(m.code, m.facilitatorToken);
  const itemId = newId();
  for (const title of ['Gezamenlijke plaatsbepaling', 'Update OFL']) {
    await ok(fac, 'agenda:add', { id: title === 'Update OFL' ? newId() : itemId, title });
  }
  const poll = await openScalePoll(fac);
  await ok(fac, 'activity:update', { id: poll.id, agendaItemId: itemId });
  const notes: [number, string][] = [
    [0, 'De dialoog is goed, maar het zijn bubbels.'],
    [2, 'Bij gemeenten neemt het besef toe.'],
  ];
  for (const [i, [level, note]] of notes.entries()) {
    const j = await srv.join(m.code, `Deelnemer ${i + 1}`);
    const s = await srv.connect(m.code, j.token);
    await ok(s, 'response:submit', { id: newId(), activityId: poll.id, value: { level }, note });
    s.disconnect();
  }
  await ok(fac, 'activity:reveal', { id: poll.id });
  fac.disconnect();
});
afterAll(async () => {
  await kit?.close();
  await srv?.close();
});

const editorOf = (p: Page) => p.getByRole('textbox', { name: 'Verslag', exact: true });

/** Puts the cursor at the end of the line under a section heading of the verslag. */
async function cursorUnder(p: Page, heading: string) {
  await editorOf(p).locator('h2', { hasText: heading }).click();
  await p.keyboard.press('End');
  await p.keyboard.press('ArrowDown');
  await p.keyboard.press('End');
}

async function openSecretary(name: string): Promise<Page> {
  const p = await kit.page({ width: 1366, height: 900 });
  await p.goto(m.links.secretary);
  await editorOf(p).waitFor();
  await p.getByLabel('Je naam bij je cursor').fill(name);
  return p;
}

async function openParticipantReader(): Promise<Page> {
  const p = await joinAs(kit, m.links.participant, 'Lezer', { width: 420, height: 900 });
  await p.getByText('Verslag meelezen').click();
  await p.locator('.report-view').waitFor();
  return p;
}

describe.runIf(hasBrowser)('the verslag in Chromium', () => {
  it('[REPORT1][REPORT3][REPORT4] two secretaries type at once; a participant sees both edits live and cannot type', async () => {
    const anna = await openSecretary('Anna');
    const bob = await openSecretary('Bob');
    const reader = await openParticipantReader();
    // The template from the agenda, once.
    await expect
      .poll(() => reader.locator('.report-view h4').allTextContents())
      .toEqual(['Inleiding', 'Gezamenlijke plaatsbepaling', 'Update OFL', 'Afsluiting']);
    await cursorUnder(anna, 'Inleiding');
    await cursorUnder(bob, 'Update OFL');
    await Promise.all([
      anna.keyboard.type('Op 31 maart 2021 kwam de begeleidingsgroep bijeen.', { delay: 15 }),
      bob.keyboard.type('Het OFL heeft als rol om signalen af te geven.', { delay: 15 }),
    ]);
    for (const p of [anna, bob]) {
      await expect
        .poll(() => editorOf(p).textContent())
        .toContain('Op 31 maart 2021 kwam de begeleidingsgroep bijeen.');
      await expect
        .poll(() => editorOf(p).textContent())
        .toContain('Het OFL heeft als rol om signalen af te geven.');
    }
    const view = reader.locator('.report-view');
    await expect
      .poll(() => view.textContent())
      .toContain('Op 31 maart 2021 kwam de begeleidingsgroep bijeen.');
    await expect.poll(() => view.textContent()).toContain('Het OFL heeft als rol om signalen af te geven.');
    // Each sees the other's named cursor.
    await expect.poll(() => anna.locator('.collab-caret__label').allTextContents()).toContain('Bob');
    await expect.poll(() => anna.getByText('Ook in het verslag: Bob').count()).toBe(1);
    // The participant's view is not editable, and publishes no presence.
    expect(await reader.locator('[contenteditable="true"]').count()).toBe(0);
    const room = srv.app.ctx.collab.loaded(m.id)!;
    expect(room.awareness.getStates().size).toBe(2);
    await expectNoAxeViolations(anna, 'secretary verslag view');
    await expectNoAxeViolations(reader, 'participant reading the verslag');
    expect(kit.pageErrors).toEqual([]);
  });

  it('[REPORT5][REPORT6][REPORT7] harvest a revealed poll at the cursor (twice is twice); toolbar by keyboard', async () => {
    const sec = await openSecretary('Carla');
    const reader = await openParticipantReader();
    await cursorUnder(sec, 'Gezamenlijke plaatsbepaling');
    await sec.getByRole('button', { name: /^In verslag zetten.*Hoe tevreden/ }).click();
    const editor = editorOf(sec);
    await expect.poll(() => editor.textContent()).toContain('gaven 2 deelnemers antwoord');
    await expect
      .poll(() => editor.locator('h3').allTextContents())
      .toEqual(['Helemaal niet tevreden', 'Enigszins tevreden']);
    await expect
      .poll(() => reader.locator('.report-view').textContent())
      .toContain('De dialoog is goed, maar het zijn bubbels.');
    // The harvested text is ordinary text: edit it.
    await editor.getByText('De dialoog is goed, maar het zijn bubbels.').click();
    await sec.keyboard.press('End');
    await sec.keyboard.type(' (aangevuld)');
    await expect.poll(() => reader.locator('.report-view').textContent()).toContain('bubbels. (aangevuld)');
    // A second click inserts a second copy; nothing is overwritten.
    await sec.getByRole('button', { name: /^In verslag zetten.*Hoe tevreden/ }).click();
    await expect.poll(() => editor.locator('h3').count()).toBe(4);
    await expect.poll(() => editor.textContent()).toContain('bubbels. (aangevuld)');

    // Keyboard: reach the toolbar with Tab, arrows move inside it, the state is announced.
    await cursorUnder(sec, 'Afsluiting');
    await sec.keyboard.type(' Vet getypt');
    for (let i = 0; i < 'Vet getypt'.length; i++) {
      await sec.keyboard.press('Shift+ArrowLeft');
      await sec.waitForTimeout(25);
    }
    await sec.keyboard.press('Control+b');
    await expect
      .poll(() => editor.locator('strong', { hasText: 'Vet getypt' }).count(), {
        message: await editor.innerHTML(),
      })
      .toBe(1);
    const bold = sec.getByRole('button', { name: 'Vet' });
    await expect.poll(() => bold.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => bold.getAttribute('aria-keyshortcuts')).toBe('Control+B');
    await tabTo(sec, { role: 'button', name: /Gewone tekst$/ }, 80, true);
    await sec.keyboard.press('ArrowRight');
    await expect.poll(() => sec.evaluate(() => document.activeElement?.textContent)).toBe('H1Titel');
    expect(await sec.getByRole('toolbar', { name: 'Opmaak' }).locator('[tabindex="0"]').count()).toBe(1);
    await expectNoAxeViolations(sec, 'secretary after harvest');
  });

  it('[REPORT13] harvest the chat as seed 004: top tips by votes, the rest, the shared links', async () => {
    const fac = await srv.connect(m.code, m.facilitatorToken);
    const people = await Promise.all(
      ['Eva', 'Frank', 'Gijs'].map(async (name) => srv.connect(m.code, (await srv.join(m.code, name)).token)),
    );
    const say = async (s: (typeof people)[number], text: string) =>
      (await ok(s, 'chat:send', { id: newId(), channel: 'meeting', text })).id;
    const tipA = await say(people[0]!, 'Begin klein, met één straat');
    const tipB = await say(people[1]!, 'Zie https://www.hieropgewekt.nl/kennisdossiers');
    await say(people[2]!, 'Goed gesprek vandaag');
    const hidden = await say(people[2]!, 'Dit hoort niet in het verslag');
    for (const id of [tipA, tipB]) await ok(fac, 'chat:tip', { messageId: id, on: true });
    await ok(people[2]!, 'chat:vote', { messageId: tipB, up: true });
    await ok(fac, 'chat:hide', { messageId: hidden, on: true });

    const sec = await openSecretary('Hanna');
    await cursorUnder(sec, 'Afsluiting');
    await sec.getByRole('button', { name: /^In verslag zetten.*Chat/ }).click();
    const editor = editorOf(sec);
    await expect
      .poll(() => editor.locator('h2').allTextContents())
      .toEqual(
        expect.arrayContaining([
          'Tips (top 2) uit de chat',
          'Wat is er nog meer in de chat gezegd?',
          'Getipte documenten en links',
        ]),
      );
    // Most votes first; hidden messages stay out.
    await expect
      .poll(() => editor.locator('ol').first().locator('li').allTextContents())
      .toEqual(['Zie https://www.hieropgewekt.nl/kennisdossiers', 'Begin klein, met één straat']);
    await expect.poll(() => editor.textContent()).toContain('Goed gesprek vandaag');
    expect(await editor.textContent()).not.toContain('Dit hoort niet in het verslag');
    await expectNoAxeViolations(sec, 'secretary after chat harvest');
  });

  it('[REPORT9] a secretary who loses the connection keeps typing; the edits merge on reconnect', async () => {
    const sec = await openSecretary('Dirk');
    const reader = await openParticipantReader();
    await cursorUnder(sec, 'Update OFL');
    await sec.context().setOffline(true);
    // Cut the live connections (going offline alone does not end open websockets).
    for (const conn of srv.app.ctx.collab.loaded(m.id)!.conns.values())
      if (conn.canWrite) conn.peer.terminate();
    await sec.getByText(/Verslag: geen verbinding/).waitFor();
    await sec.keyboard.type('Offline geschreven zin.');
    await sec.getByText(/Je wijzigingen wachten/).waitFor();
    await new Promise((r) => setTimeout(r, 300));
    expect(await reader.locator('.report-view').textContent()).not.toContain('Offline geschreven zin.');
    await sec.context().setOffline(false);
    await sec.getByText('Verslag: verbonden, wijzigingen worden opgeslagen').waitFor({ timeout: 20_000 });
    await expect
      .poll(() => reader.locator('.report-view').textContent())
      .toContain('Offline geschreven zin.');
  });

  it('[REPORT10] export from the verslag view; the facilitator reaches the editor too', async () => {
    const sec = await openSecretary('Eva');
    const [download] = await Promise.all([
      sec.waitForEvent('download'),
      sec.getByRole('button', { name: 'Word (.docx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'verslag-begeleidingsgroep-participatie-in-aardgasvrije-wijken-2021-03-31.docx',
    );
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    await sec.getByText(/is gedownload\./).waitFor();

    const fac = await kit.page({ width: 1366, height: 900 });
    await fac.goto(m.links.facilitator);
    const link = fac.getByRole('link', { name: 'Verslag schrijven' });
    await link.waitFor();
    await fac.goto(await link.evaluate((a) => (a as HTMLAnchorElement).href));
    await editorOf(fac).waitFor();
    await expect.poll(() => editorOf(fac).textContent()).toContain('Het OFL heeft als rol');
    await expectNoAxeViolations(fac, 'facilitator verslag view');
    expect(kit.pageErrors).toEqual([]);
  });
});
