import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { type BrowserKit, expectNoAxeViolations, hasBrowser, openBrowser } from './helpers';

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

/** Clicks the download button and returns the file's name and text. */
async function download(page: Page, scope: ReturnType<Page['locator']> | Page = page) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    scope.getByRole('button', { name: 'Links downloaden (tekstbestand)' }).click(),
  ]);
  return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf8') };
}

const FAC = 'Link voor de gespreksleider (geheim)';
const SEC = 'Link voor de verslaglegger (geheim)';

describe.runIf(hasBrowser)('keeping the links in Chromium', () => {
  it('[MEET10] prepare on one laptop, chair from another: the page after creating warns, copies and downloads every link; the console shows the secret links again behind "Toon" and the screen\'s link', async () => {
    const ctxA = await kit.context({ width: 1366, height: 900 });
    await ctxA.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: srv.url });
    const a = await ctxA.newPage();
    await a.goto(srv.url);
    await a.getByLabel('Naam van de bijeenkomst').fill('Begeleidingsgroep 31 maart');
    await a.getByRole('button', { name: 'Bijeenkomst maken' }).click();
    await a.getByRole('heading', { name: 'De bijeenkomst is klaar' }).waitFor();
    await a
      .getByText('Bewaar de link voor de gespreksleider goed: wie hem heeft, leidt de bijeenkomst.')
      .waitFor();
    const value = (page: Page | ReturnType<Page['locator']>, label: string) =>
      page.getByLabel(label, { exact: true }).inputValue();
    const links = {
      facilitator: await value(a, FAC),
      secretary: await value(a, SEC),
      participant: await value(a, 'Link voor deelnemers'),
      screen: await value(a, 'Link voor het scherm (om te delen of te projecteren)'),
    };
    const code = new URL(links.participant).pathname.split('/')[2]!;
    expect(links).toEqual({
      facilitator: expect.stringMatching(new RegExp(`^${srv.url}/m/${code}/leiding#.{32}$`)),
      secretary: expect.stringMatching(new RegExp(`^${srv.url}/m/${code}/verslag#.{32}$`)),
      participant: `${srv.url}/m/${code}`,
      screen: `${srv.url}/m/${code}/scherm`,
    });
    // A copy button per link puts it on the clipboard.
    const facField = a.locator('.copy-field', { has: a.getByLabel(FAC, { exact: true }) });
    await facField.getByRole('button', { name: 'Kopiëren' }).click();
    await facField.getByText('Gekopieerd.').waitFor();
    expect(await a.evaluate(() => navigator.clipboard.readText())).toBe(links.facilitator);
    // The download holds every link, each said for whom.
    const file = await download(a);
    expect(file.name).toBe(`oogst-${code}-links.txt`);
    for (const link of Object.values(links)) expect(file.text).toContain(`\r\n${link}\r\n`);
    expect(file.text).toContain('Wie de link voor de gespreksleider heeft, leidt de bijeenkomst.');
    expect(file.text.indexOf('Gespreksleider (geheim):')).toBeLessThan(file.text.indexOf(links.facilitator));
    await expectNoAxeViolations(a, 'page after creating, with the warning');

    // The console: the secret leaves the address bar; the share panel shows the links again.
    await a.getByRole('link', { name: 'Naar de bijeenkomst als gespreksleider' }).click();
    await a.getByRole('heading', { name: 'Agenda', exact: true }).waitFor();
    expect(new URL(a.url()).hash).toBe('');
    const panel = a.getByRole('region', { name: 'Uitnodigen' });
    expect(await value(panel, 'Link voor deelnemers')).toBe(links.participant);
    expect(await value(panel, 'Link voor het scherm (om te delen of te projecteren)')).toBe(links.screen);
    // Hidden until asked for: nothing on the page shows a secret.
    const secrets = [links.facilitator, links.secretary].map((l) => l.split('#')[1]!);
    const onPage = () =>
      a.evaluate(
        (ss) =>
          ss.filter(
            (x) =>
              document.body.innerText.includes(x) ||
              [...document.querySelectorAll('input')].some((i) => i.value.includes(x)),
          ).length,
        secrets,
      );
    expect(await onPage()).toBe(0);
    const show = panel.getByRole('button', { name: `Toon ${FAC.replace(/^L/, 'l')}` });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    await show.click();
    expect(await value(panel, FAC)).toBe(links.facilitator);
    await panel.getByRole('button', { name: `Toon ${SEC.replace(/^L/, 'l')}` }).click();
    expect(await value(panel, SEC)).toBe(links.secretary);
    await expectNoAxeViolations(a, 'console with the secret links shown');
    await panel.getByRole('button', { name: `Verberg ${FAC.replace(/^L/, 'l')}` }).click();
    expect(await panel.getByLabel(FAC, { exact: true }).count()).toBe(0);
    const again = await download(a, panel);
    for (const link of Object.values(links)) expect(again.text).toContain(link);

    // Another laptop (its own browser): the console's link opens the console, not "niet compleet".
    const b = await kit.page({ width: 1366, height: 900 });
    await b.goto(links.facilitator);
    await b.getByRole('heading', { name: 'Agenda', exact: true }).waitFor();
    expect(await b.getByText('Deze link is niet compleet').count()).toBe(0);
    const panelB = b.getByRole('region', { name: 'Uitnodigen' });
    await panelB.getByRole('button', { name: `Toon ${FAC.replace(/^L/, 'l')}` }).click();
    expect(await value(panelB, FAC)).toBe(links.facilitator);
    // This browser never saw the secretary's link: it says where to find it.
    await panelB
      .getByText('De link voor de verslaglegger is niet in deze browser bewaard.', { exact: false })
      .waitFor();
    expect(kit.pageErrors).toEqual([]);
  });
});
