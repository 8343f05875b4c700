import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCALE_LEVELS } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import { ok, startServer, type TestServer } from '../helpers/server';
import { createActivity, submit } from '../helpers/toolkit';
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

/** The text a QR code on the page holds, read from a screenshot of it (as a phone would). */
async function readQr(page: Page): Promise<string | null> {
  const png = PNG.sync.read(await page.locator('.screen__qr').screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

const px = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));

/** Everything on the page a mouse or the Tab key could reach. */
const reachable = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelectorAll(
        'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]',
      ).length,
  );

describe.runIf(hasBrowser)('the shared screen in Chromium', () => {
  it('[SCREEN4][SCREEN1][POLL8] 1920×1080 and 1366×768: the whole width, type scaled to the window, "n van m hebben geantwoord" live, a QR code of the participants\' link and the short address; nothing to click or focus; axe-clean', async () => {
    const meeting = await srv.createMeeting('Begeleidingsgroep 31 maart');
    const fac = await srv.connect(meeting.code, meeting.facilitatorToken);
    const [item] = await ok(fac, 'agenda:add', { id: newId(), title: 'Plaatsbepaling' });
    await ok(fac, 'meeting:goto', { itemId: item!.id });
    const poll = await createActivity(
      fac,
      { kind: 'scale', question: 'Hoe tevreden ben je?', levels: [...DEFAULT_SCALE_LEVELS] },
      { agendaItemId: item!.id },
    );
    await ok(fac, 'timer:start', { id: newId(), scope: 'meeting', durationMs: 600_000 });
    const people = [];
    for (const name of ['Ann', 'Bert', 'Carla']) {
      const j = await srv.join(meeting.code, name);
      people.push(await srv.connect(meeting.code, j.token));
    }

    const big = await kit.page({ width: 1920, height: 1080 });
    await big.goto(`${meeting.links.participant}/scherm`);
    // While the poll is open: how many answered, live.
    await big.getByText('0 van 3 hebben geantwoord').waitFor();
    await submit(people[0]!, poll.id, { level: 1 }, { note: 'De dialoog is goed, maar het zijn bubbels.' });
    await big.getByText('1 van 3 heeft geantwoord').waitFor();
    await submit(people[1]!, poll.id, { level: 3 });
    await big.getByText('2 van 3 hebben geantwoord').waitFor();

    // The whole width: the content and the join panel span the window, not a 1,240 px column.
    const span = await big.evaluate(() => {
      const main = document.querySelector('.screen__main')!.getBoundingClientRect();
      const side = document.querySelector('.screen__side')!.getBoundingClientRect();
      return { left: main.left, right: side.right, main: main.width };
    });
    expect(span.left).toBeLessThan(80);
    expect(span.right).toBeGreaterThan(1920 - 80);
    expect(span.main).toBeGreaterThan(1200);
    // Type that reads from the back of a room, scaled to the window.
    expect(await px(big, '.screen__activity > h2')).toBeGreaterThanOrEqual(44);
    expect(await px(big, '.screen__count')).toBeGreaterThanOrEqual(36);
    expect(await px(big, '.screen__join .join-code')).toBeGreaterThanOrEqual(64);
    // The QR code holds the participants' link, and the short address is shown.
    await big.locator('.screen__qr path').waitFor();
    expect(await readQr(big)).toBe(meeting.links.participant);
    const host = new URL(srv.url).host;
    await big.locator('.screen__host', { hasText: host }).waitFor();
    await expect.poll(() => big.locator('.screen__join .join-code').innerText()).toBe(meeting.displayCode);
    // Nothing interactive: no language switch, no verslag, no sound toggle, no links or buttons; Tab goes nowhere.
    expect(await big.getByText('English').count()).toBe(0);
    expect(await big.getByText('Verslag meelezen').count()).toBe(0);
    expect(await reachable(big)).toBe(0);
    for (let i = 0; i < 3; i++) await big.keyboard.press('Tab');
    expect(await big.evaluate(() => document.activeElement === document.body)).toBe(true);
    await expectNoAxeViolations(big, 'screen at 1920×1080, poll open');

    // After the reveal: percentages and explanations large, on a 1366×768 screen too.
    await ok(fac, 'activity:reveal', { id: poll.id });
    await big.locator('.bar-pct').first().waitFor();
    expect(await px(big, '.bar-pct')).toBeGreaterThanOrEqual(28);
    expect(await px(big, '.notes-group li')).toBeGreaterThanOrEqual(26);
    const small = await kit.page({ width: 1366, height: 768 });
    await small.goto(`${meeting.links.participant}/scherm`);
    await small.locator('.bar-pct').first().waitFor();
    expect(await px(small, '.bar-pct')).toBeGreaterThanOrEqual(20);
    expect(await px(small, '.screen__join .join-code')).toBeGreaterThanOrEqual(48);
    // The timer and the code are on the first screen, without scrolling.
    for (const sel of ['.screen__join .join-code', '.screen__side [role="timer"]']) {
      const box = await small.locator(sel).boundingBox();
      expect(box!.y + box!.height, sel).toBeLessThanOrEqual(768);
      expect(box!.x + box!.width, sel).toBeLessThanOrEqual(1366);
    }
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await small.locator('.screen__qr path').waitFor();
    expect(await readQr(small)).toBe(meeting.links.participant);
    expect(await reachable(small)).toBe(0);
    await expectNoAxeViolations(small, 'screen at 1366×768, results shown');
    expect(kit.pageErrors).toEqual([]);
  });
});
