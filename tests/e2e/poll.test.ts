import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { type BrowserKit, expectNoAxeViolations, hasBrowser, joinAs, openBrowser, tabTo } from './helpers';

const PHONE = { width: 420, height: 900 };

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

describe.runIf(hasBrowser)('the scale poll in Chromium', () => {
  it('[MEET1][MEET2][POLL1][POLL4][POLL7] create, join, answer, reveal: both participants see chart and grouped explanations', async () => {
    const fac = await kit.page();
    await fac.goto(srv.url);
    await expect.poll(() => fac.evaluate(() => document.documentElement.lang)).toBe('nl');
    await expectNoAxeViolations(fac, 'start page');
    await fac.getByLabel('Naam van de bijeenkomst').fill('Begeleidingsgroep 31 maart');
    await fac.getByRole('button', { name: 'Bijeenkomst maken' }).click();
    const link = await fac.getByLabel('Link voor deelnemers').inputValue();
    expect(link).toMatch(new RegExp(`^${srv.url}/m/[A-Z0-9]{8}$`));
    await expectNoAxeViolations(fac, 'start page with links');
    await fac.getByRole('link', { name: 'Naar de bijeenkomst als gespreksleider' }).click();
    await fac.getByRole('heading', { name: 'Agenda', exact: true }).waitFor();
    // The secret was taken out of the address bar.
    expect(new URL(fac.url()).hash).toBe('');

    await fac.getByText('Agendapunt toevoegen').click();
    await fac.getByLabel('Titel', { exact: true }).fill('Gezamenlijke plaatsbepaling');
    await fac.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await fac.getByRole('button', { name: 'Peiling bij Gezamenlijke plaatsbepaling' }).click();
    await fac.getByRole('button', { name: 'Peiling maken' }).click();
    await fac.getByRole('button', { name: 'Openen' }).click();
    await fac.getByText('0 van 0 beantwoord').waitFor();

    const joinPage = await kit.page({ width: 420, height: 900 });
    await joinPage.goto(link);
    await joinPage.getByLabel('Je naam').waitFor();
    await expectNoAxeViolations(joinPage, 'join view');
    await joinPage.close();

    const ann = await joinAs(kit, link, 'Ann', PHONE);
    const bert = await joinAs(kit, link, 'Bert', PHONE);
    await fac.getByText('2 online, 2 aangemeld').waitFor();

    await ann.getByLabel('Een beetje tevreden').check();
    await ann.getByLabel('Toelichting (niet verplicht)').fill('De dialoog is goed, maar het zijn bubbels.');
    await ann.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await ann.getByText('Je antwoord is opgeslagen.').waitFor();
    await expectNoAxeViolations(ann, 'participant view');
    await bert.getByLabel('Zeer tevreden').check();
    await bert
      .getByLabel('Toelichting (niet verplicht)')
      .fill('Het gesprek gaat van wijk naar straat naar woning.');
    await bert.getByRole('button', { name: 'Antwoord opslaan' }).click();
    await fac.getByText('2 van 2 beantwoord').waitFor();
    // Nothing shown to participants before the reveal.
    expect(await ann.getByRole('table').count()).toBe(0);
    await expectNoAxeViolations(fac, 'facilitator view');

    await fac.getByRole('button', { name: 'Uitslag tonen aan iedereen' }).click();
    for (const p of [ann, bert]) {
      const table = p.getByRole('table', { name: /Aantal antwoorden per niveau \(2 in totaal\)/ });
      await table.waitFor();
      const row = (level: string) => table.getByRole('row', { name: new RegExp(`^${level}`) });
      await expect.poll(() => row('Een beetje tevreden').innerText()).toMatch(/1\s+50%/);
      await expect.poll(() => row('Zeer tevreden').innerText()).toMatch(/1\s+50%/);
      await expect.poll(() => row('Redelijk tevreden').innerText()).toMatch(/0\s+0%/);
      const group = p.getByRole('region', { name: 'Een beetje tevreden' });
      await expect.poll(() => group.innerText()).toContain('De dialoog is goed, maar het zijn bubbels.');
      await expect
        .poll(() => p.getByRole('region', { name: 'Zeer tevreden' }).innerText())
        .toContain('van wijk naar straat');
    }
    await expectNoAxeViolations(ann, 'participant view with results');
    // A refresh is the same participant with the same answer.
    await ann.reload();
    await ann.getByText('Je doet mee als Ann.').waitFor();
    await expect.poll(() => ann.getByRole('radio', { name: 'Een beetje tevreden' }).isChecked()).toBe(true);
    expect(kit.pageErrors).toEqual([]);
  });

  it('[POLL4][AGENDA2] the same flow by keyboard only', async () => {
    const fac = await kit.page();
    await fac.goto(srv.url);
    await tabTo(fac, { role: 'textbox', name: 'Naam van de bijeenkomst' });
    await fac.keyboard.type('Toetsenbordbijeenkomst');
    await fac.keyboard.press('Enter');
    await fac.getByRole('heading', { name: 'De bijeenkomst is klaar' }).waitFor();
    const link = await fac.getByLabel('Link voor deelnemers').inputValue();
    await tabTo(fac, { role: 'link', name: 'Naar de bijeenkomst als gespreksleider' });
    await fac.keyboard.press('Enter');
    await fac.getByRole('heading', { name: 'Agenda', exact: true }).waitFor();

    // Two agenda items, then swap them with the move buttons.
    await tabTo(fac, { role: 'summary', name: 'Agendapunt toevoegen' });
    await fac.keyboard.press('Enter');
    for (const title of ['Inleiding', 'Plaatsbepaling']) {
      await tabTo(fac, { role: 'textbox', name: 'Titel' });
      await fac.keyboard.type(title);
      await fac.keyboard.press('Enter');
      await fac.getByRole('heading', { name: new RegExp(title) }).waitFor();
    }
    await tabTo(fac, { role: 'button', name: 'Plaatsbepaling omhoog' }, 80, true);
    await fac.keyboard.press('Enter');
    await expect
      .poll(() => fac.getByRole('heading', { level: 3 }).first().innerText())
      .toMatch(/1\.\s*Plaatsbepaling/);
    // Focus stayed on a move button of the moved item.
    await expect
      .poll(() => fac.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toMatch(/^Plaatsbepaling/);

    await tabTo(fac, { role: 'button', name: /^\+ Peiling bij Plaatsbepaling/ });
    await fac.keyboard.press('Enter');
    await tabTo(fac, { role: 'button', name: 'Peiling maken' });
    await fac.keyboard.press('Enter');
    await tabTo(fac, { role: 'button', name: 'Openen' }, 80, true);
    await fac.keyboard.press('Enter');
    await fac.getByText('0 van 0 beantwoord').waitFor();

    const p = await kit.page({ width: 420, height: 900 });
    await p.goto(link);
    await tabTo(p, { role: 'textbox', name: /Je naam/ });
    await p.keyboard.type('Carla');
    await tabTo(p, { role: 'combobox', name: /Namens wie/ });
    await p.keyboard.press('ArrowDown'); // Bewonersinitiatief
    await tabTo(p, { role: 'button', name: 'Meedoen' });
    await p.keyboard.press('Enter');
    await p.getByText('Je doet mee als Carla.').waitFor();
    // Radio group: Tab into it, arrows choose the level.
    await tabTo(p, { role: 'radio', name: /Helemaal niet tevreden/ });
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('ArrowRight');
    await expect.poll(() => p.getByLabel('Redelijk tevreden').isChecked()).toBe(true);
    await tabTo(p, { role: 'textbox', name: /Toelichting/ });
    await p.keyboard.type('Het besef neemt toe bij gemeenten.');
    await tabTo(p, { role: 'button', name: 'Antwoord opslaan' });
    await p.keyboard.press('Enter');
    await p.getByText('Je antwoord is opgeslagen.').waitFor();

    await fac.getByText('1 van 1 beantwoord').waitFor();
    await tabTo(fac, { role: 'button', name: 'Uitslag tonen aan iedereen' }, 80, true);
    await fac.keyboard.press('Enter');
    await p
      .getByRole('region', { name: 'Redelijk tevreden' })
      .getByText('Het besef neemt toe bij gemeenten.')
      .waitFor();
    await fac.getByText('Bewonersinitiatief').waitFor();
    expect(kit.pageErrors).toEqual([]);
  });
});
