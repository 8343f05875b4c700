import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids';
import type { AgendaItem } from '../../shared/domain/types';
import { ok, startServer, type TestServer } from '../helpers/server';
import { createActivity } from '../helpers/toolkit';
import { type BrowserKit, expectNoAxeViolations, hasBrowser, openBrowser, tabTo } from './helpers';
import { facilitatorPage, participantPage } from './toolkit-helpers';

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

/** `mm:ss` or `h:mm:ss` on a page's timer, in seconds. */
async function shownSeconds(p: Page): Promise<number> {
  const text = (await p.getByRole('timer').innerText()).trim();
  return text.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}

describe.runIf(hasBrowser)('the meeting in Chromium: flow, timer, chat, templates, screen', () => {
  it('[FLOW1][FLOW2] participants follow the facilitator from item to item and look back read-only (keyboard only)', async () => {
    const { meeting, fac } = await facilitatorPage(kit, srv);
    const socket = await srv.connect(meeting.code, meeting.facilitatorToken);
    let agenda: AgendaItem[] = [];
    for (const title of ['Inleiding', 'Gezamenlijke plaatsbepaling', 'Afsluiting']) {
      agenda = await ok(socket, 'agenda:add', { id: newId(), title, body: `Over ${title}` });
    }
    await createActivity(
      socket,
      { kind: 'scale', question: 'Hoe tevreden ben je?', levels: ['laag', 'hoog'] },
      { agendaItemId: agenda[0]!.id },
    );
    const ann = await participantPage(kit, meeting.links.participant, 'Ann');
    await fac.getByRole('button', { name: 'Begin met Inleiding →' }).click();
    await ann.getByRole('heading', { name: 'Inleiding', level: 2 }).waitFor();
    await ann.getByText('Agendapunt 1 van 3').waitFor();
    await ann.getByRole('radio', { name: 'hoog' }).check();
    await ann.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await ann.getByText('Je antwoord is opgeslagen.').waitFor();
    await expectNoAxeViolations(fac, 'facilitator with the flow bar');

    await fac.getByRole('button', { name: 'Volgende: Gezamenlijke plaatsbepaling →' }).click();
    // [FLOW5] The poll is still open: asked first, the facilitator leaves it open this time.
    await fac
      .getByRole('dialog', { name: 'Peiling sluiten?' })
      .getByRole('button', { name: 'Open laten en verder' })
      .click();
    await ann.getByRole('heading', { name: 'Gezamenlijke plaatsbepaling', level: 2 }).waitFor();
    await ann.getByText('De bijeenkomst is nu bij agendapunt 2: Gezamenlijke plaatsbepaling').waitFor();
    // The poll of item 1 is still open: it is offered under "Ook nog open".
    await ann.getByRole('heading', { name: 'Ook nog open' }).waitFor();
    // Looking back, by keyboard: the earlier item, its answer shown, nothing to change.
    await tabTo(ann, { role: 'button', name: 'Terugkijken Inleiding' });
    await ann.keyboard.press('Enter');
    await ann.getByText('Je kijkt terug naar een eerder agendapunt.').waitFor();
    await expect.poll(() => ann.evaluate(() => document.activeElement?.textContent)).toBe('Inleiding');
    await expect.poll(() => ann.getByRole('radio', { name: 'hoog' }).isChecked()).toBe(true);
    expect(await ann.getByRole('radio', { name: 'hoog' }).isDisabled()).toBe(true);
    expect(await ann.getByRole('button', { name: 'Antwoord wijzigen' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(ann, 'participant looking back');
    await tabTo(ann, { role: 'button', name: 'Terug naar nu' }, 60, true);
    await ann.keyboard.press('Enter');
    await ann.getByRole('heading', { name: 'Gezamenlijke plaatsbepaling', level: 2 }).waitFor();
    // Looking back again; the facilitator moves on: the participant follows.
    await ann.getByRole('button', { name: 'Terugkijken Inleiding' }).click();
    await fac.getByRole('button', { name: 'Naar dit punt Afsluiting' }).click();
    await ann.getByRole('heading', { name: 'Afsluiting', level: 2 }).waitFor();
    expect(await ann.getByText('Je kijkt terug naar een eerder agendapunt.').count()).toBe(0);
    await ann
      .getByText(/Nu bij|Agendapunt 3 van 3/)
      .first()
      .waitFor();
    expect(kit.pageErrors).toEqual([]);
  });

  it('[TIMER1][TIMER3][TIMER5] three browsers (one clock 5 min fast, one joining late) show the same time within 1 s; a calm signal at the end', async () => {
    const { meeting, fac } = await facilitatorPage(kit, srv);
    const ann = await participantPage(kit, meeting.links.participant, 'Ann');
    // Bert's computer clock is 5 minutes fast: Oogst must count on the server's clock, not his.
    const bertPage = await kit.page({ width: 420, height: 900 });
    await bertPage.addInitScript(() => {
      const real = Date.now.bind(Date);
      Date.now = () => real() + 5 * 60_000;
    });
    await bertPage.goto(meeting.links.participant);
    await bertPage.getByLabel('Je naam').fill('Bert');
    await bertPage.getByRole('button', { name: 'Meedoen' }).click();
    await bertPage.getByText('Je doet mee als Bert.').waitFor();

    // The facilitator starts 3 minutes by keyboard.
    await tabTo(fac, { role: 'button', name: '3 min' });
    await fac.keyboard.press('Enter');
    await tabTo(fac, { role: 'textbox', name: 'Waarvoor (niet verplicht)' });
    await fac.keyboard.type('Break-outs');
    await tabTo(fac, { role: 'button', name: 'Timer starten' });
    await fac.keyboard.press('Enter');
    await ann.getByRole('timer').waitFor();
    await bertPage.getByRole('timer').waitFor();
    await new Promise((r) => setTimeout(r, 1500));
    const carla = await participantPage(kit, meeting.links.participant, 'Carla');
    await carla.getByRole('timer').waitFor();
    const pages = [fac, ann, bertPage, carla];
    const shown = await Promise.all(pages.map(shownSeconds));
    expect(Math.max(...shown) - Math.min(...shown)).toBeLessThanOrEqual(1);
    expect(Math.min(...shown)).toBeGreaterThan(170);
    expect(Math.max(...shown)).toBeLessThanOrEqual(179);
    const ms = await Promise.all(
      pages.map(async (p) => Number(await p.getByRole('timer').getAttribute('data-remaining-ms'))),
    );
    console.log(`[TIMER1] shown seconds ${shown.join(', ')}; remaining ms ${ms.join(', ')}`);
    await expectNoAxeViolations(carla, 'participant with a running timer');

    // Pause shows the same on every page.
    await fac.getByRole('button', { name: 'Pauze' }).click();
    for (const p of [ann, bertPage, carla]) await p.getByText('gepauzeerd').waitFor();
    const paused = await Promise.all(pages.map(shownSeconds));
    expect(new Set(paused).size).toBe(1);

    // A short timer to see the end: 3 seconds. One page asks for reduced motion: no animation.
    await fac.getByRole('button', { name: 'Stoppen' }).click();
    await carla.emulateMedia({ reducedMotion: 'reduce' });
    await fac.getByLabel('Minuten').fill('0,05');
    await fac.getByRole('button', { name: 'Timer starten' }).click();
    for (const p of [ann, carla])
      await p.getByText('De tijd is om', { exact: true }).waitFor({ timeout: 8000 });
    expect(await ann.locator('.timer--done').count()).toBe(1);
    const anim = (p: Page) => p.locator('.timer--done').evaluate((el) => getComputedStyle(el).animationName);
    expect(await anim(ann)).toBe('timer-done');
    expect(await anim(carla)).toBe('none');
    await expectNoAxeViolations(ann, 'participant at the end of the timer');
    expect(kit.pageErrors).toEqual([]);
  });

  it('[CHAT1][CHAT2][CHAT3][CHAT4][CHAT6] chat: send by keyboard, links as anchors, text inert, vote, tip, hide', async () => {
    const { meeting, fac } = await facilitatorPage(kit, srv);
    const ann = await participantPage(kit, meeting.links.participant, 'Ann', 1200);
    const bert = await participantPage(kit, meeting.links.participant, 'Bert', 1200);
    const chat = (p: Page) => p.getByRole('region', { name: 'Chat' });
    await tabTo(ann, { role: 'textbox', name: 'Je bericht' });
    await ann.keyboard.type(
      'Zie https://klimaatverbond.nl/publicatie/whitepaper/. Super! <img src=x onerror="window.__pwned=1">',
    );
    await ann.keyboard.press('Enter');
    const msg = bert.getByRole('log').getByRole('listitem').filter({ hasText: 'Super!' });
    await msg.waitFor();
    const link = msg.getByRole('link', { name: 'https://klimaatverbond.nl/publicatie/whitepaper/' });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow ugc');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await msg.innerText()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await bert.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Bert votes and marks it as a tip; Ann sees both live.
    await msg.getByRole('button', { name: /stem hierop/ }).click();
    await expect
      .poll(() => msg.getByRole('button', { name: /1 stem/ }).getAttribute('aria-pressed'))
      .toBe('true');
    await msg.getByRole('button', { name: /Markeer als tip/ }).click();
    const annMsg = ann.getByRole('log').getByRole('listitem').filter({ hasText: 'Super!' });
    await annMsg.getByText('1 stem').waitFor();
    await annMsg.getByText('Tip', { exact: true }).waitFor();
    // Ann cannot vote for her own message.
    expect(await annMsg.getByRole('button', { name: /stem hierop/ }).count()).toBe(0);
    await chat(ann).getByRole('button', { name: 'Tips (1)' }).click();
    await chat(ann).getByText('1 stem').waitFor();
    await chat(ann).getByRole('button', { name: 'Links (1)' }).click();
    await chat(ann).getByRole('link', { name: 'https://klimaatverbond.nl/publicatie/whitepaper/' }).waitFor();
    await expectNoAxeViolations(ann, 'participant chat links view');
    await chat(ann).getByRole('button', { name: 'Alle berichten' }).click();
    // The facilitator hides another message: gone for participants, marked for staff.
    await bert.getByLabel('Je bericht').fill('Reclame: koop nu!');
    await bert.getByRole('button', { name: 'Versturen' }).click();
    await ann.getByText('Reclame: koop nu!').waitFor();
    const spam = fac.getByRole('log').getByRole('listitem').filter({ hasText: 'Reclame' });
    await spam.getByRole('button', { name: /^Verbergen/ }).click();
    await spam.getByText('Verborgen', { exact: true }).waitFor();
    await expect.poll(() => ann.getByText('Reclame: koop nu!').count()).toBe(0);
    await expect.poll(() => bert.getByText('Reclame: koop nu!').count()).toBe(0);
    await expectNoAxeViolations(fac, 'facilitator with chat curation');
    const sec = await kit.page({ width: 1366, height: 900 });
    await sec.goto(meeting.links.secretary);
    await sec.getByRole('log').getByText('Reclame: koop nu!').waitFor();
    await expectNoAxeViolations(sec, 'secretary view');
    expect(kit.pageErrors).toEqual([]);
  });

  it('[TPL2][TPL3][TPL4] save as template, open its link on the start page, make a new meeting from it', async () => {
    const { meeting, fac } = await facilitatorPage(kit, srv, 'Bron van het sjabloon');
    const socket = await srv.connect(meeting.code, meeting.facilitatorToken);
    for (const title of ['Inleiding', 'Stellingen', 'Afsluiting']) {
      await ok(socket, 'agenda:add', { id: newId(), title });
    }
    await createActivity(
      socket,
      { kind: 'words', question: 'Welk woord neem je mee?', maxWords: 1 },
      { open: false },
    );
    await fac.getByLabel('Naam van het sjabloon').fill('Begeleidingsgroep (sjabloon)');
    await fac.getByRole('button', { name: 'Opslaan als sjabloon' }).click();
    const link = await fac.getByLabel('Link naar het sjabloon (geheim)').inputValue();
    expect(link).toMatch(new RegExp(`^${srv.url}/\\?sjabloon=[0-9a-f-]{36}#.+`));

    // A colleague opens the link in another browser.
    const colleague = await kit.page({ width: 1000, height: 900 });
    await colleague.goto(link);
    await colleague.getByText('Sjabloon Begeleidingsgroep (sjabloon) staat klaar.').waitFor();
    expect(new URL(colleague.url()).hash).toBe('');
    await expect
      .poll(() =>
        colleague
          .getByLabel('Begin met')
          .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent),
      )
      .toBe('Begeleidingsgroep (sjabloon) — 3 agendapunten, 1 activiteit');
    await expectNoAxeViolations(colleague, 'start page with a template');
    await colleague.getByLabel('Naam van de bijeenkomst').fill('Begeleidingsgroep 8 juli');
    await colleague.getByRole('button', { name: 'Bijeenkomst maken' }).click();
    await colleague.getByRole('link', { name: 'Naar de bijeenkomst als gespreksleider' }).click();
    await colleague.getByRole('heading', { name: /1\.\s*Inleiding/ }).waitFor();
    await colleague.getByRole('heading', { name: /3\.\s*Afsluiting/ }).waitFor();
    await colleague.getByText('Welk woord neem je mee?').waitFor();
    expect(kit.pageErrors).toEqual([]);
  });

  it('[SCREEN1][SCREEN2] the projector: current item, live results once revealed, timer and join code; read-only and axe-clean', async () => {
    const meeting = await srv.createMeeting('Scherm');
    const socket = await srv.connect(meeting.code, meeting.facilitatorToken);
    const [item] = await ok(socket, 'agenda:add', { id: newId(), title: 'Plaatsbepaling' });
    const poll = await createActivity(
      socket,
      {
        kind: 'choice',
        question: 'Wat is het belangrijkst?',
        options: ['Gelijkwaardigheid', 'Vertrouwen'],
        mode: 'single',
      },
      { agendaItemId: item!.id },
    );
    await ok(socket, 'meeting:goto', { itemId: item!.id });
    await ok(socket, 'timer:start', { id: newId(), scope: 'meeting', durationMs: 600_000 });
    const screen = await kit.page({ width: 1280, height: 720 });
    await screen.goto(`${meeting.links.participant}/scherm`);
    await screen.getByRole('heading', { name: 'Plaatsbepaling', level: 1 }).waitFor();
    await screen.getByText('Beantwoord de vraag nu op je telefoon of laptop.').waitFor();
    await screen.getByRole('timer').waitFor();
    const code = screen.locator('.screen__join .join-code');
    expect(await code.innerText()).toBe(meeting.displayCode);
    // Large enough to read from the back of a room, and on the first screen without scrolling.
    const box = await code.boundingBox();
    expect(box!.y + box!.height).toBeLessThan(720);
    expect(
      await code.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(48);
    await expectNoAxeViolations(screen, 'projector before reveal');
    const p = await participantPage(kit, meeting.links.participant, 'Ann');
    await p.getByRole('radio', { name: 'Vertrouwen' }).check();
    await p.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await ok(socket, 'activity:reveal', { id: poll.id });
    const first = screen.locator('.ranking__row').first();
    await expect
      .poll(async () => (await first.innerText()).replace(/\s+/g, ' '))
      .toMatch(/^1\. Vertrouwen 1/);
    // Live: a second answer shows without a reload.
    const q = await participantPage(kit, meeting.links.participant, 'Bert');
    await q.getByRole('radio', { name: 'Vertrouwen' }).check();
    await q.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await expect
      .poll(async () => (await first.innerText()).replace(/\s+/g, ' '))
      .toMatch(/^1\. Vertrouwen 2/);
    await expectNoAxeViolations(screen, 'projector with results');
    // Read-only: no forms, no chat.
    expect(await screen.locator('form, textarea, input:not([type=checkbox])').count()).toBe(0);
    expect(await screen.getByRole('log').count()).toBe(0);
    expect(kit.pageErrors).toEqual([]);
  });
});
