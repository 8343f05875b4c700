/**
 * Screenshots of every view for a human to look at: `npx tsx scripts/look.ts [baseUrl] [outDir]`.
 * Creates a meeting, joins two participants, runs a poll, and shoots each view.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../tests/helpers/browser';

const base = process.argv[2] ?? 'http://localhost:3100';
const out = process.argv[3] ?? '.tmp/shots';
fs.mkdirSync(out, { recursive: true });

const browser = await launchBrowser();
const shot = async (page: import('playwright-core').Page, name: string) => {
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
  console.log('shot', name);
};

const fac = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await fac.goto(base);
await shot(fac, '01-start');
await fac.getByLabel('Naam van de bijeenkomst').fill('Begeleidingsgroep Participatie 31 maart');
await fac.getByLabel('Datum (niet verplicht)').fill('2021-03-31');
await fac.getByRole('button', { name: 'Bijeenkomst maken' }).click();
await fac.getByRole('heading', { name: 'De bijeenkomst is klaar' }).waitFor();
await shot(fac, '02-created');
const participantLink = await fac.getByLabel('Link voor deelnemers').inputValue();
await fac.getByRole('link', { name: 'Naar de bijeenkomst als gespreksleider' }).click();
await fac.getByRole('heading', { name: 'Agenda', exact: true }).waitFor();
await fac.getByText('Agendapunt toevoegen').first().click();
for (const title of ['Inleiding', 'Gezamenlijke plaatsbepaling', 'Afsluiting']) {
  await fac.getByLabel('Titel', { exact: true }).fill(title);
  await fac.getByRole('button', { name: 'Toevoegen', exact: true }).click();
  await fac.getByRole('heading', { name: new RegExp(title) }).waitFor();
}
await fac.getByRole('button', { name: /Peiling bij Gezamenlijke plaatsbepaling/ }).click();
await shot(fac, '03-facilitator-editor');
await fac.getByRole('button', { name: 'Peiling maken' }).click();
await fac.getByRole('button', { name: 'Openen' }).click();

const people = [];
for (const name of ['Ann', 'Bert']) {
  const p = await (await browser.newContext({ viewport: { width: 420, height: 900 } })).newPage();
  await p.goto(participantLink);
  if (name === 'Ann') await shot(p, '04-join');
  await p.getByLabel('Je naam').fill(name);
  await p.getByRole('button', { name: 'Meedoen' }).click();
  await p.getByText(`Je doet mee als ${name}.`).waitFor();
  people.push(p);
}
await people[0]!.getByLabel('Een beetje tevreden').check();
await people[0]!
  .getByLabel('Toelichting (niet verplicht)')
  .fill('De dialoog is goed, maar het zijn bubbels.');
await people[0]!.getByRole('button', { name: 'Antwoord opslaan' }).click();
await people[0]!.getByText('Je antwoord is opgeslagen.').waitFor();
await shot(people[0]!, '05-participant-answered');
await people[1]!.getByLabel('Zeer tevreden').check();
await people[1]!
  .getByLabel('Toelichting (niet verplicht)')
  .fill('Het gesprek gaat van wijk naar straat naar woning.');
await people[1]!.getByRole('button', { name: 'Antwoord opslaan' }).click();
await fac.getByText('2 van 2 beantwoord').waitFor();
await shot(fac, '06-facilitator-live');
await fac.getByRole('button', { name: 'Uitslag tonen aan iedereen' }).click();
await people[0]!.getByRole('heading', { name: 'Uitslag', exact: true }).waitFor();
await shot(people[0]!, '07-participant-results');
// The shared screen as a projector shows it (SCREEN4): full HD and a common beamer size.
for (const [width, height] of [
  [1920, 1080],
  [1366, 768],
] as const) {
  const screen = await (await browser.newContext({ viewport: { width, height } })).newPage();
  await screen.goto(`${participantLink}/scherm`);
  await screen.getByRole('table').waitFor();
  await screen.locator('.screen__qr path').waitFor();
  await screen.screenshot({ path: path.join(out, `08-screen-${width}.png`) });
  console.log('shot', `08-screen-${width}`);
}
await browser.close();
