import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChoiceResults } from '../../shared/domain/activities';
import { ok, startServer, type TestServer } from '../helpers/server';
import { createActivity } from '../helpers/toolkit';
import { type BrowserKit, expectNoAxeViolations, hasBrowser, openBrowser, tabTo } from './helpers';
import { card, facilitatorPage, participantPage } from './toolkit-helpers';

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

const S1 = 'Vrolijk aan de slag, die kaders komen later wel';
const S2 = 'Zonder heldere kaders geen goede samenwerking';

describe.runIf(hasBrowser)('toolkit activities in Chromium', () => {
  it('[STMT1][STMT2][STMT4][STMT5] statements: made in the editor, answered by mouse and by keyboard only, revealed as a diverging bar', async () => {
    const { meeting, fac } = await facilitatorPage(kit, srv);
    await fac.getByRole('button', { name: '+ Stellingen' }).last().click();
    await fac.getByLabel('Stelling 1', { exact: true }).fill(S1);
    await fac.getByRole('button', { name: 'Stelling toevoegen' }).click();
    await expect.poll(() => fac.evaluate(() => document.activeElement?.id)).toBeTruthy();
    await fac.keyboard.type(S2);
    await fac.getByLabel('Eens', { exact: true }).fill('Mee eens');
    await expectNoAxeViolations(fac, 'statements editor');
    await fac.getByRole('button', { name: 'Stellingen maken' }).click();
    await fac.getByRole('button', { name: 'Openen' }).click();

    const ann = await participantPage(kit, meeting.links.participant, 'Ann');
    const bert = await participantPage(kit, meeting.links.participant, 'Bert');
    // Ann: mouse.
    const s1 = ann.getByRole('group', { name: S1 });
    await s1.getByRole('radio', { name: 'Mee eens' }).check();
    await ann.getByLabel('Toelichting (niet verplicht)').first().fill('Lerend aan de slag.');
    await ann.getByRole('group', { name: S2 }).getByRole('radio', { name: 'Neutraal' }).check();
    await expectNoAxeViolations(ann, 'participant answering statements');
    await ann.getByRole('button', { name: 'Antwoorden opslaan' }).click();
    await ann.getByText('Je antwoord is opgeslagen.').waitFor();
    // Bert: keyboard only. Tab into the first statement, arrows choose, Space picks in the second.
    await tabTo(bert, { role: 'radio', name: 'Mee eens' });
    await bert.keyboard.press('ArrowRight');
    await bert.keyboard.press('ArrowRight');
    await expect
      .poll(() => bert.getByRole('group', { name: S1 }).getByRole('radio', { name: 'Oneens' }).isChecked())
      .toBe(true);
    await bert.keyboard.press('Tab'); // "Deze stelling overslaan"
    await tabTo(bert, { role: 'radio', name: 'Mee eens' });
    await bert.keyboard.press('Space');
    await tabTo(bert, { role: 'button', name: 'Antwoorden opslaan' });
    await bert.keyboard.press('Enter');
    await bert.getByText('Je antwoord is opgeslagen.').waitFor();

    await fac.getByText('2 van 2 beantwoord').waitFor();
    // Nothing of the answers reaches a participant before the reveal.
    expect(await ann.getByText('Antwoorden per stelling').count()).toBe(0);
    await fac.getByRole('button', { name: 'Uitslag tonen aan iedereen' }).click();
    for (const p of [ann, bert]) {
      const items = card(p, 'Stellingen').locator('.diverging-item');
      await expect.poll(() => items.nth(0).innerText()).toMatch(/Oneens 1 · Neutraal 0 · Mee eens 1/);
      await expect.poll(() => items.nth(1).innerText()).toMatch(/Oneens 0 · Neutraal 1 · Mee eens 1/);
    }
    await expect.poll(() => bert.getByText('Lerend aan de slag.').count()).toBe(1);
    await expectNoAxeViolations(bert, 'participant with statement results');
    const screen = await kit.page({ width: 1280, height: 720 });
    await screen.goto(`${meeting.links.participant}/scherm`);
    await screen.locator('.diverging-item').first().waitFor();
    await expectNoAxeViolations(screen, 'projector with statement results');
    expect(kit.pageErrors).toEqual([]);
  });

  it('[CHOICE1][CHOICE2][CHOICE4] ranking: ordered with the keyboard (buttons and Alt+arrows) and by dragging; results as ordered bars', async () => {
    const { meeting, fac } = await facilitatorPage(kit, srv);
    await fac.getByRole('button', { name: '+ Keuze of rangorde' }).last().click();
    await fac
      .getByLabel('Vraag', { exact: true })
      .fill('Welke kaders zijn het belangrijkst in de samenwerking?');
    await fac.getByLabel('Keuze 1', { exact: true }).fill('Gelijkwaardigheid');
    await fac.getByLabel('Keuze 2', { exact: true }).fill('Transparantie');
    await fac.getByRole('button', { name: 'Keuze toevoegen' }).click();
    await fac.getByLabel('Keuze 3', { exact: true }).fill('Vertrouwen');
    await fac.getByLabel('Op volgorde zetten (rangorde)').check();
    await expectNoAxeViolations(fac, 'choice editor');
    await fac.getByRole('button', { name: 'Keuzevraag maken' }).click();
    await fac.getByRole('button', { name: 'Openen' }).click();

    const order = (p: import('playwright-core').Page) =>
      card(p, 'Keuze of rangorde').locator('.rank-item__label').allInnerTexts();
    const names = async (p: import('playwright-core').Page) =>
      (await order(p)).map((s) => s.replace(/\s*\(.*\)\s*$/, ''));

    // Carla, keyboard only: Vertrouwen up twice with the button (focus stays on it), then Alt+↓ on Transparantie.
    const carla = await participantPage(kit, meeting.links.participant, 'Carla');
    await tabTo(carla, { role: 'button', name: 'Vertrouwen hoger zetten' });
    await carla.keyboard.press('Enter');
    await expect.poll(() => names(carla)).toEqual(['Gelijkwaardigheid', 'Vertrouwen', 'Transparantie']);
    await expect
      .poll(() => carla.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Vertrouwen hoger zetten');
    await carla.keyboard.press('Enter');
    await expect.poll(() => names(carla)).toEqual(['Vertrouwen', 'Gelijkwaardigheid', 'Transparantie']);
    // At the top the up button is off: focus moved to the down button of the same option.
    await expect
      .poll(() => carla.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Vertrouwen lager zetten');
    await carla.getByText('Vertrouwen staat nu op plaats 1 van 3.').waitFor();
    await tabTo(carla, { role: 'button', name: 'Gelijkwaardigheid lager zetten' });
    await carla.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => names(carla)).toEqual(['Vertrouwen', 'Transparantie', 'Gelijkwaardigheid']);
    await expectNoAxeViolations(carla, 'participant ranking');
    await tabTo(carla, { role: 'button', name: 'Antwoord opslaan' });
    await carla.keyboard.press('Enter');
    await carla.getByText('Je antwoord is opgeslagen.').waitFor();

    // Dirk, mouse: drags Vertrouwen onto the first place.
    const dirk = await participantPage(kit, meeting.links.participant, 'Dirk', 1100);
    const items = card(dirk, 'Keuze of rangorde').locator('.rank-item');
    await items.nth(2).dragTo(items.nth(0));
    await expect.poll(() => names(dirk)).toEqual(['Vertrouwen', 'Gelijkwaardigheid', 'Transparantie']);
    await card(dirk, 'Keuze of rangorde').getByRole('button', { name: 'Antwoord opslaan' }).click();
    await dirk.getByText('Je antwoord is opgeslagen.').waitFor();

    await fac.getByText('2 van 2 beantwoord').waitFor();
    await fac.getByRole('button', { name: 'Uitslag tonen aan iedereen' }).click();
    // Borda: Vertrouwen 3+3, Gelijkwaardigheid 1+2, Transparantie 2+1.
    const rows = card(dirk, 'Keuze of rangorde').locator('.ranking__row');
    await expect.poll(() => rows.count()).toBe(3);
    const text = (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    expect(text[0]).toMatch(/^1\. Vertrouwen 6/);
    expect(text[1]).toMatch(/^2\. Gelijkwaardigheid 3/);
    expect(text[2]).toMatch(/^2\. Transparantie 3/);
    await expectNoAxeViolations(dirk, 'participant with ranking results');
    expect(kit.pageErrors).toEqual([]);
  });

  it('[CHOICE2] multiple choice (max 2) and dividing points, by keyboard only', async () => {
    const meeting = await srv.createMeeting('Keuzes');
    const facSocket = await srv.connect(meeting.code, meeting.facilitatorToken);
    const options = ['Gelijkwaardigheid', 'Vertrouwen', 'Transparantie'];
    const multi = await createActivity(facSocket, {
      kind: 'choice',
      question: 'Welke twee kaders kies je?',
      options,
      mode: 'multiple',
      maxChoices: 2,
    });
    const points = await createActivity(facSocket, {
      kind: 'choice',
      question: 'Verdeel je punten',
      options,
      mode: 'points',
      budget: 10,
    });
    const gert = await participantPage(kit, meeting.links.participant, 'Gert');
    const multiCard = gert.getByRole('group', { name: 'Welke twee kaders kies je?' });
    await tabTo(gert, { role: 'checkbox', name: 'Gelijkwaardigheid' });
    await gert.keyboard.press('Space');
    await gert.keyboard.press('Tab');
    await gert.keyboard.press('Space');
    // Two chosen: the third is off until one is unchecked.
    await expect
      .poll(() => multiCard.getByRole('checkbox', { name: 'Transparantie' }).isDisabled())
      .toBe(true);
    await tabTo(gert, { role: 'button', name: 'Antwoord opslaan' });
    await gert.keyboard.press('Enter');
    await gert.getByText('Je antwoord is opgeslagen.').first().waitFor();
    await tabTo(gert, { role: 'textbox', name: 'Gelijkwaardigheid' });
    await gert.keyboard.press('Control+A');
    await gert.keyboard.type('7');
    await gert.keyboard.press('Tab');
    await gert.keyboard.press('Control+A');
    await gert.keyboard.type('5');
    await gert.getByText('Je hebt meer dan 10 punten verdeeld. Haal er wat weg.').first().waitFor();
    await gert.keyboard.press('Control+A');
    await gert.keyboard.type('3');
    await gert.getByText('Nog 0 van 10 punten te verdelen.').waitFor();
    await expectNoAxeViolations(gert, 'participant dividing points');
    await tabTo(gert, { role: 'button', name: 'Antwoord opslaan' }, 60);
    await gert.keyboard.press('Enter');
    await expect.poll(() => gert.getByText('Je antwoord is opgeslagen.').count()).toBe(2);
    const snap = await ok(facSocket, 'session:sync');
    const m = snap.results.find((r) => r.activityId === multi.id) as ChoiceResults;
    const p = snap.results.find((r) => r.activityId === points.id) as ChoiceResults;
    expect(m.options.map((o) => o.count)).toEqual([1, 1, 0]);
    expect(p.options.map((o) => o.score)).toEqual([7, 3, 0]);
    expect(kit.pageErrors).toEqual([]);
  });

  it('[WORDS1][WORDS3][WORDS4][WORDS5] word cloud: answered, revealed, spellings merged and a word hidden by the facilitator (keyboard only)', async () => {
    const { meeting, fac } = await facilitatorPage(kit, srv);
    await fac.getByRole('button', { name: '+ Woordwolk' }).last().click();
    await fac.getByLabel('Vraag', { exact: true }).fill('Wat is voor jou de kern van samenwerken?');
    await fac.getByRole('button', { name: 'Woordwolk maken' }).click();
    await fac.getByRole('button', { name: 'Openen' }).click();
    const eva = await participantPage(kit, meeting.links.participant, 'Eva');
    const fred = await participantPage(kit, meeting.links.participant, 'Fred');
    await tabTo(eva, { role: 'textbox', name: 'Woord 1' });
    await eva.keyboard.type('Vertrouwen');
    await eva.keyboard.press('Tab');
    await eva.keyboard.type('onzin');
    await eva.keyboard.press('Enter');
    await eva.getByText('Je antwoord is opgeslagen.').waitFor();
    await fred.getByLabel('Woord 1').fill('vertrouwen!');
    await fred.getByLabel('Woord 2').fill('Tijd');
    await fred.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await fac.getByText('2 van 2 beantwoord').waitFor();
    await fac.getByRole('button', { name: 'Uitslag tonen aan iedereen' }).click();
    const cloud = card(eva, 'Woordwolk').locator('.cloud__word');
    // "Vertrouwen" and "vertrouwen!" are one word already: 2.
    const flat = async (l: typeof cloud) => (await l.allInnerTexts()).map((x) => x.replace(/\s+/g, ''));
    await expect.poll(() => flat(cloud)).toEqual(['Vertrouwen(2)', 'onzin(1)', 'Tijd(1)']);

    // The facilitator, keyboard only: hide "onzin", merge Vertrouwen and Tijd as "Vertrouwen en tijd".
    await tabTo(fac, { role: 'button', name: 'Woorden samenvoegen of verbergen' });
    await fac.keyboard.press('Enter');
    await expectNoAxeViolations(fac, 'word cloud curation');
    await tabTo(fac, { role: 'button', name: 'Verbergen onzin' });
    await fac.keyboard.press('Enter');
    await fac.getByText('onzin is verborgen.').waitFor();
    await tabTo(fac, { role: 'checkbox', name: /^Vertrouwen \(2\)/ }, 80, true);
    await fac.keyboard.press('Space');
    await tabTo(fac, { role: 'checkbox', name: /^Tijd \(1\)/ });
    await fac.keyboard.press('Space');
    await tabTo(fac, { role: 'textbox', name: 'Naam na samenvoegen' });
    await fac.keyboard.type('Vertrouwen en tijd');
    await fac.keyboard.press('Enter');
    await fac.getByText('Samengevoegd als Vertrouwen en tijd.').waitFor();
    for (const p of [eva, fred]) {
      const words = card(p, 'Woordwolk').locator('.cloud__word');
      await expect.poll(() => words.allInnerTexts()).toHaveLength(1);
      expect((await words.innerText()).replace(/\s+/g, '')).toBe('Vertrouwenentijd(2)');
      expect(await card(p, 'Woordwolk').innerText()).not.toContain('onzin');
    }
    await expectNoAxeViolations(eva, 'participant with word cloud');
    expect(kit.pageErrors).toEqual([]);
  });
});
