import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SCALE_LEVELS,
  DEFAULT_SCALE_QUESTION,
  SEED_SCALE_LEVELS,
} from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import { breakoutOf, note, openBreakout } from '../helpers/boards';
import { type CreatedMeeting, ok, startServer, type TestServer, type TestSocket } from '../helpers/server';
import { addParagraph, yClient } from '../helpers/yjs';
import { type BrowserKit, expectNoAxeViolations, hasBrowser, joinAs, openBrowser } from './helpers';

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

/** A meeting with one agenda item, the facilitator's socket and the item's id. */
async function meeting(title: string) {
  const m = await srv.createMeeting(title);
  const fac = await srv.connect(m.code, m.facilitatorToken);
  const itemId = newId();
  await ok(fac, 'agenda:add', { id: itemId, title: 'Waar staan we?' });
  return { m, fac, itemId };
}

/**
 * The secretary puts a revealed poll into the verslag and downloads the Markdown: two status
 * messages ("Uitslag in het verslag gezet: …", "… is gedownload.").
 */
async function secretaryHarvests(m: CreatedMeeting, question: string): Promise<Page> {
  const sec = await kit.page({ width: 1366, height: 900 });
  await sec.goto(m.links.secretary);
  await sec.getByRole('textbox', { name: 'Verslag', exact: true }).waitFor();
  await sec
    .getByRole('button', { name: new RegExp(`^In verslag zetten.*${question.replace('?', '\\?')}`) })
    .click();
  await sec.getByText(`Uitslag in het verslag gezet: ${question}`).waitFor({ state: 'attached' });
  const download = sec.waitForEvent('download');
  await sec.getByRole('button', { name: 'Markdown (.md)' }).click();
  await download;
  await sec.getByText(/\.md is gedownload\.$/).waitFor();
  return sec;
}

/** [A11Y3] No live region or status line still says something in Dutch (people's own text aside). */
async function expectNoDutchSaid(p: Page) {
  const DUTCH = /\b(je|het|de|nu|nog|gezet|gedownload|opgeslagen|loopt|bijeenkomst|verbonden)\b/i;
  const people = ['Hoe tevreden ben je?', 'Waar staan we?', 'Redelijk tevreden'];
  const said = await p.locator('[aria-live], [role="status"], [role="alert"]').evaluateAll((els) =>
    els
      .filter((e) => !e.closest('[lang="nl"]') && !e.querySelector('[lang="nl"]'))
      .map((e) => (e.textContent ?? '').trim())
      .filter(Boolean),
  );
  expect(said.length).toBeGreaterThan(0);
  for (const text of said) {
    const ours = people.reduce((acc, x) => acc.replaceAll(x, ''), text);
    expect(ours, text).not.toMatch(DUTCH);
  }
}

/** Words the issue found not B1, or naming one thing twice; none may show on a screen. */
const NOT_OUR_WORDS =
  /werkvorm|synthese|plenair|groot scherm|schaalpeiling|plaatsbepaling|\bbent u\b|\bmen gaf\b/i;

describe.runIf(hasBrowser)('words, languages and the CSP in Chromium', () => {
  it('[A11Y4][POLL1] a new poll asks with "je" on an unmistakable scale (the earlier words a choice); the join page says truthfully who sees a name', async () => {
    const { m } = await meeting('Woorden');
    const page = await kit.page({ width: 1280, height: 900 });
    await page.goto(m.links.facilitator);
    await page.getByRole('button', { name: '+ Peiling bij Waar staan we?' }).click();
    const question = page.getByLabel('Vraag', { exact: true });
    expect(await question.inputValue()).toMatch(/^Hoe tevreden ben je /);
    const levels = () =>
      page
        .locator('.levels-editor ol input')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(await levels()).toEqual([...DEFAULT_SCALE_LEVELS]);
    expect(DEFAULT_SCALE_LEVELS).toEqual([
      'Helemaal niet tevreden',
      'Een beetje tevreden',
      'Redelijk tevreden',
      'Zeer tevreden',
    ]);
    // The earlier words stay available, for a group that compares with earlier meetings.
    const preset = page.getByLabel('Woorden van de schaal');
    await preset.selectOption({
      label: 'Zoals eerder gevraagd: helemaal niet – beetje – enigszins – zeer tevreden',
    });
    expect(await levels()).toEqual([...SEED_SCALE_LEVELS]);
    await preset.selectOption({ label: 'Helemaal niet – een beetje – redelijk – zeer tevreden' });
    expect(await levels()).toEqual([...DEFAULT_SCALE_LEVELS]);
    await page.getByLabel('Niveau 2', { exact: true }).fill('Een klein beetje tevreden');
    expect(await preset.inputValue()).toBe('own');
    await expectNoAxeViolations(page, 'the poll form with its ready-made scales');
    await page.getByRole('button', { name: 'Peiling maken' }).click();
    await page.getByRole('button', { name: 'Openen' }).click();
    await page.getByRole('heading', { name: 'Activiteiten zonder agendapunt' }).waitFor();

    // The join page says truthfully who sees a name (phone).
    const join = await kit.page({ width: 390, height: 844 });
    await join.goto(m.links.participant);
    await join
      .getByText(
        'Iedereen in de bijeenkomst kan deze naam zien: in de chat, op je post-its en op het gedeelde scherm. Behalve als een vraag anoniem is. Een voornaam is genoeg.',
      )
      .waitFor();
    await expectNoAxeViolations(join, 'the join page on a phone');
    await join.close();
    expect(kit.pageErrors).toEqual([]);
  });

  it('[A11Y4][REPORT12][BOARD15] one word for each thing on the screens, in the CSV and in the verslag: Peiling, activiteiten, "Alle kamers samen", "Volledig scherm"', async () => {
    const { m, fac, itemId } = await meeting('Woorden');
    await ok(fac, 'activity:create', {
      id: newId(),
      agendaItemId: itemId,
      anonymous: false,
      spec: { kind: 'scale', question: DEFAULT_SCALE_QUESTION, levels: [...DEFAULT_SCALE_LEVELS] },
    });
    const poll = (await ok(fac, 'session:sync')).activities[0]!;
    await ok(fac, 'activity:open', { id: poll.id });
    const page = await kit.page({ width: 1280, height: 900 });
    await page.goto(m.links.facilitator);
    await page.getByRole('heading', { name: 'Activiteiten zonder agendapunt' }).waitFor();
    // Break-outs with a board for all rooms together.
    const ann = await joinAs(kit, m.links.participant, 'Ann', { width: 390, height: 844 });
    await ann.getByRole('radio', { name: 'Redelijk tevreden' }).check();
    await ann.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await ann.getByText('Je antwoord is opgeslagen.').waitFor();
    const bo = await openBreakout(fac, { questions: ['Wat gaat goed?'], rooms: { by: 'count', count: 1 } });
    await ok(fac, 'activity:update', { id: bo.id, agendaItemId: itemId });
    await ann.getByRole('button', { name: 'Volledig scherm' }).waitFor();
    const { view } = await breakoutOf(fac, bo.id);
    await ok(fac, 'note:create', note(view.boards[0]!.id, 'Korte lijnen'));
    await page.getByRole('button', { name: 'Post-its van alle kamers samenbrengen' }).click();
    await page.getByText('De post-its van alle kamers staan nu samen klaar.').waitFor();
    await page.getByRole('button', { name: 'Alle kamers samen bekijken' }).waitFor();
    await ann.getByRole('heading', { name: 'Alle kamers samen' }).waitFor();
    for (const [p, label] of [
      [page, 'facilitator'],
      [ann, 'participant'],
    ] as const) {
      expect(await p.locator('body').innerText(), label).not.toMatch(NOT_OUR_WORDS);
    }
    await expectNoAxeViolations(ann, 'participant on a phone with the break-outs');

    // The results CSV names the poll as the screens do.
    const res = await fetch(`${srv.url}/api/meetings/${m.id}/export?format=csv`, {
      headers: { authorization: `Bearer ${m.secretaryToken}` },
    });
    const csv = (await res.text()).replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'Agendapunt,Soort,Vraag,Onderdeel,Aantal,Tekst,Naam,Punten,Gemiddelde plaats,Tip,Vastgepind,Links',
    );
    expect(csv).toContain(',Peiling,Hoe tevreden ben je ');
    expect(csv).toContain(',Break-outs,');
    expect(csv).not.toMatch(NOT_OUR_WORDS);

    // The verslag says in plain words what the groups did.
    const sec = await kit.page({ width: 1366, height: 900 });
    await sec.goto(m.links.secretary);
    const editor = sec.getByRole('textbox', { name: 'Verslag', exact: true });
    await editor.waitFor();
    await sec.getByRole('button', { name: /^In verslag zetten.*Wat gaat goed\?/ }).click();
    await expect
      .poll(() => editor.textContent())
      .toContain('De deelnemers schreven hun antwoorden op post-its, bij deze vraag:');
    expect(await editor.textContent()).not.toMatch(NOT_OUR_WORDS);
    expect(await sec.locator('body').innerText()).not.toMatch(NOT_OUR_WORDS);
    expect(kit.pageErrors).toEqual([]);
  });

  it('[A11Y3] a participant in English: the live messages are said again in English; people’s own text keeps lang="nl"', async () => {
    const { m, fac, itemId } = await meeting('Talen');
    const pollId = newId();
    await ok(fac, 'activity:create', {
      id: pollId,
      agendaItemId: itemId,
      anonymous: false,
      spec: { kind: 'scale', question: 'Hoe tevreden ben je?', levels: [...DEFAULT_SCALE_LEVELS] },
    });
    await ok(fac, 'activity:open', { id: pollId });
    const ann = await joinAs(kit, m.links.participant, 'Ann', { width: 390, height: 844 });
    await ann.getByRole('radio', { name: 'Redelijk tevreden' }).check();
    await ann.getByLabel('Toelichting (niet verplicht)').fill('We praten veel.');
    await ann.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await ann.getByText('Je antwoord is opgeslagen.').waitFor();
    await ok(fac, 'activity:reveal', { id: pollId });
    const bert = await srv.join(m.code, 'Bert');
    const bertSocket: TestSocket = await srv.connect(m.code, bert.token);
    await ok(bertSocket, 'chat:send', { id: newId(), channel: 'meeting', text: 'Goed gesprek vandaag.' });
    // Messages in live regions: the meeting moves on, a timer starts.
    await ok(fac, 'meeting:goto', { itemId });
    await ok(fac, 'timer:start', { id: newId(), scope: 'meeting', durationMs: 600_000 });
    const flow = ann.getByText('De bijeenkomst is nu bij agendapunt 1: Waar staan we?');
    await flow.waitFor({ state: 'attached' });
    await ann.getByText(/^De timer loopt: nog \d\d:\d\d\.$/).waitFor({ state: 'attached' });
    await ann.getByText('Goed gesprek vandaag.').waitFor();
    await ann.getByText('Verslag meelezen').click();
    // A secretary writes a line of the verslag; the participant reads along.
    const writer = yClient(srv.url, m.code, m.secretaryToken);
    await writer.synced();
    addParagraph(writer.doc, 'We praten veel.');
    await ann.locator('.report-view').getByText('We praten veel.').waitFor();
    writer.destroy();

    await ann.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => ann.evaluate(() => document.documentElement.lang)).toBe('en');
    await ann.getByText('The meeting is now at agenda item 1: Waar staan we?').waitFor({ state: 'attached' });
    await ann.getByText(/^The timer is running: \d\d:\d\d left\.$/).waitFor({ state: 'attached' });
    await ann
      .getByText('Your answer: Redelijk tevreden. You can change it while the question is open.')
      .waitFor();
    await expectNoDutchSaid(ann);

    // People's own text is marked Dutch; the screens' own words are English.
    const langOf = (p: Page, text: string) =>
      p
        .getByText(text, { exact: true })
        .first()
        .evaluate((el) => el.closest('[lang]')?.getAttribute('lang'));
    expect(await langOf(ann, 'Talen')).toBe('nl'); // the meeting's title in the header
    expect(await langOf(ann, 'Waar staan we?')).toBe('nl'); // the agenda item
    expect(await langOf(ann, 'Hoe tevreden ben je?')).toBe('nl'); // the question
    expect(await langOf(ann, 'Redelijk tevreden')).toBe('nl'); // a level
    expect(await langOf(ann, 'Goed gesprek vandaag.')).toBe('nl'); // a chat message
    const inReport = ann.locator('.report-view').getByText('We praten veel.').first();
    expect(await inReport.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe('nl'); // the verslag
    expect(await langOf(ann, 'Change answer')).toBe('en');
    await expectNoAxeViolations(ann, 'participant on a phone in English');
    expect(kit.pageErrors).toEqual([]);
  });

  it('[A11Y3] the secretary in English: the harvest and download messages are said again in English; the verslag keeps lang="nl"', async () => {
    const { m, fac, itemId } = await meeting('Talen');
    const pollId = newId();
    await ok(fac, 'activity:create', {
      id: pollId,
      agendaItemId: itemId,
      anonymous: false,
      spec: { kind: 'scale', question: 'Hoe tevreden ben je?', levels: [...DEFAULT_SCALE_LEVELS] },
    });
    await ok(fac, 'activity:open', { id: pollId });
    const j = await srv.join(m.code, 'Ann');
    const s = await srv.connect(m.code, j.token);
    await ok(s, 'response:submit', {
      id: newId(),
      activityId: pollId,
      value: { level: 2 },
      note: 'We praten veel.',
    });
    await ok(fac, 'activity:reveal', { id: pollId });
    const sec = await secretaryHarvests(m, 'Hoe tevreden ben je?');
    const editor = sec.getByRole('textbox', { name: 'Verslag', exact: true });
    await sec.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => sec.evaluate(() => document.documentElement.lang)).toBe('en');
    await sec.getByText('Results put in the report: Hoe tevreden ben je?').waitFor({ state: 'attached' });
    await sec.getByText(/\.md was downloaded\.$/).waitFor();
    await expectNoDutchSaid(sec);
    expect(await editor.getAttribute('lang')).toBe('nl');
    await expectNoAxeViolations(sec, 'secretary in English');
    expect(kit.pageErrors).toEqual([]);
  });

  it('[ABUSE6] the verslag views comply with the CSP: no inline style, no violation logged', async () => {
    const { m } = await meeting('Beleid');
    const violations: string[] = [];
    const watch = async (ctx: BrowserContext) => {
      await ctx.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      ctx.on('console', (msg) => {
        if (/Content Security Policy|CSP violation/.test(msg.text())) violations.push(msg.text());
      });
    };
    const secCtx = await kit.context({ width: 1366, height: 900 });
    await watch(secCtx);
    const sec = await secCtx.newPage();
    await sec.goto(m.links.secretary);
    const editor = sec.getByRole('textbox', { name: 'Verslag', exact: true });
    await editor.waitFor();
    await editor.click();
    await sec.keyboard.type('Een regel in het verslag.');
    const facCtx = await kit.context({ width: 1280, height: 900 });
    await watch(facCtx);
    const facPage = await facCtx.newPage();
    await facPage.goto(m.links.facilitator);
    await facPage.getByRole('heading', { name: 'Agenda', exact: true }).waitFor();
    await facPage.goto(`${srv.url}/m/${m.code}/leiding/verslag`);
    await facPage.getByRole('textbox', { name: 'Verslag', exact: true }).waitFor();
    const annCtx = await kit.context({ width: 390, height: 844 });
    await watch(annCtx);
    const ann = await annCtx.newPage();
    await ann.goto(m.links.participant);
    await ann.getByLabel('Je naam').fill('Ann');
    await ann.getByRole('button', { name: 'Meedoen' }).click();
    await ann.getByText('Verslag meelezen').click();
    await ann.locator('.report-view').getByText('Een regel in het verslag.').waitFor();
    const screen = await annCtx.newPage();
    await screen.goto(`${m.links.participant}/scherm`);
    await screen.getByText(m.displayCode).first().waitFor();
    // The editor's base styles are there, from a file: the caret keeps its place in the text.
    expect(await editor.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('break-spaces');
    expect(await sec.locator('style').count()).toBe(0);
    expect(violations).toEqual([]);
  });
});
