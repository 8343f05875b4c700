/**
 * Screenshots of the facilitation toolkit for a human to look at:
 *   npm run demo   (note the facilitator link), then
 *   npx tsx scripts/look-toolkit.ts <facilitator link> <secretary link> [outDir]
 * Shoots the facilitator, participant (phone and laptop), secretary and screen views of the demo
 * meeting, then runs statements, a ranking and a word cloud and shoots their results.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/helpers/browser';

const facLink = process.argv[2];
const secLink = process.argv[3];
if (!facLink || !secLink)
  throw new Error('usage: look-toolkit.ts <facilitator link> <secretary link> [outDir]');
const out = process.argv[4] ?? '.tmp/toolkit';
fs.mkdirSync(out, { recursive: true });
const url = new URL(facLink);
const code = url.pathname.split('/')[2]!;
const base = url.origin;

const browser = await launchBrowser();
const shot = async (page: Page, name: string, fullPage = true) => {
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage });
  console.log('shot', name);
};
const page = async (w: number, h: number) =>
  (await browser.newContext({ viewport: { width: w, height: h } })).newPage();

const fac = await page(1366, 900);
await fac.goto(facLink);
await fac.getByRole('heading', { name: 'Agenda', exact: true }).waitFor();
await fac.waitForTimeout(500);
await shot(fac, '01-facilitator');

const ann = await page(400, 860);
await ann.goto(`${base}/m/${code}`);
await ann.getByLabel('Je naam').fill('Nieuwkomer');
await ann.getByRole('button', { name: 'Meedoen' }).click();
await ann.getByText('Je doet mee als Nieuwkomer.').waitFor();
await ann.waitForTimeout(500);
await shot(ann, '02-participant-phone');

const laptop = await page(1280, 900);
await laptop.goto(`${base}/m/${code}`);
await laptop.getByLabel('Je naam').fill('Laptop');
await laptop.getByRole('button', { name: 'Meedoen' }).click();
await laptop.getByText('Je doet mee als Laptop.').waitFor();
await laptop.waitForTimeout(500);
await shot(laptop, '03-participant-laptop', false);

const screen = await page(1280, 720);
await screen.goto(`${base}/m/${code}/scherm`);
await screen.getByRole('timer').waitFor();
await screen.waitForTimeout(500);
await shot(screen, '04-screen-scale', false);

// Move on to the Verdieping, open the statements and the ranking.
// [FLOW5] The scale poll is still open: asked first; the default closes it.
await fac.getByRole('button', { name: /Naar dit punt.*Verdieping/ }).click();
await fac.getByRole('dialog', { name: 'Peiling sluiten?' }).waitFor();
await shot(fac, '04b-facilitator-close-poll', false);
await fac.getByRole('button', { name: 'Sluiten en verder' }).click();
await ann.getByRole('heading', { name: 'Verdieping Koplopers en lokaal eigendom' }).waitFor();
for (const q of [/Wat vind je van deze stellingen/, /Welke kaders zijn het belangrijkst/]) {
  await fac.getByRole('article', { name: q }).getByRole('button', { name: 'Openen' }).click();
}
await ann.getByText('Vrolijk aan de slag, die kaders komen later wel').waitFor();
await ann.waitForTimeout(300);
await shot(ann, '05-participant-statements-ranking');
const ranking = (p: Page) => p.getByRole('article', { name: 'Keuze of rangorde' });
await ann.getByRole('radio', { name: 'Eens' }).first().check();
await ann.getByRole('radio', { name: 'Oneens' }).nth(1).check();
await ann
  .getByLabel('Toelichting (niet verplicht)')
  .first()
  .fill('Lerend aan de slag: niet wachten tot alles is uitgekaderd.');
await ann.getByRole('button', { name: 'Antwoorden opslaan' }).click();
await ranking(ann).getByRole('button', { name: 'Vertrouwen hoger zetten' }).click();
await ranking(ann).getByRole('button', { name: 'Antwoord opslaan' }).click();
await laptop.getByRole('radio', { name: 'Eens' }).first().check();
await laptop.getByRole('radio', { name: 'Neutraal' }).nth(1).check();
await laptop.getByRole('button', { name: 'Antwoorden opslaan' }).click();
await ranking(laptop).getByRole('button', { name: 'Antwoord opslaan' }).click();
await fac.getByText('2 van 2 beantwoord').first().waitFor();
for (const q of [/Wat vind je van deze stellingen/, /Welke kaders zijn het belangrijkst/]) {
  await fac
    .getByRole('article', { name: q })
    .getByRole('button', { name: 'Uitslag tonen aan iedereen' })
    .click();
}
await ann.locator('.diverging-item').first().waitFor();
await ann.waitForTimeout(400);
await shot(ann, '06-participant-results-phone');
await screen.waitForTimeout(600);
await shot(screen, '07-screen-results', false);
await shot(fac, '08-facilitator-verdieping');

// The word cloud at the Afsluiting.
await fac.getByRole('button', { name: /Naar dit punt.*Afsluiting/ }).click();
await fac.getByRole('dialog', { name: /werkvormen sluiten\?/ }).waitFor();
await shot(fac, '08b-facilitator-close-several', false);
await fac.getByRole('button', { name: 'Sluiten en verder' }).click();
const cloud = fac.getByRole('article', { name: /Welk woord neem je mee/ });
await cloud.getByRole('button', { name: 'Openen' }).click();
for (const [p, words] of [
  [ann, ['Vertrouwen', 'koplopers', 'samen']],
  [laptop, ['vertrouwen!', 'Koplopers', 'ruimte']],
] as const) {
  await p.getByLabel('Woord 1').waitFor();
  for (const [i, w] of words.entries()) await p.getByLabel(`Woord ${i + 1}`).fill(w);
  await p
    .getByRole('article', { name: 'Woordwolk' })
    .getByRole('button', { name: 'Antwoord opslaan' })
    .click();
}
await cloud.getByRole('button', { name: 'Uitslag tonen aan iedereen' }).click();
await cloud.getByRole('button', { name: 'Woorden samenvoegen of verbergen' }).click();
await fac.waitForTimeout(300);
await shot(fac, '09-facilitator-words');
await screen.waitForTimeout(600);
await shot(screen, '10-screen-words', false);

const sec = await page(1366, 900);
await sec.goto(secLink);
await sec.waitForTimeout(800);
await shot(sec, '11-secretary');
await sec.getByRole('button', { name: /^Tips/ }).click();
await shot(sec, '12-secretary-tips');
await browser.close();
