import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCALE_LEVELS } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import { blocksToDoc, docText } from '../../shared/report/document';
import { appendBlocks, readReport } from '../../shared/report/ydoc';
import { breakoutOf, openBreakout } from '../helpers/boards';
import { startProxy } from '../helpers/proxy';
import { ok, startServer, type TestServer } from '../helpers/server';
import { XSS_PAYLOADS } from '../helpers/xss';
import { yClient } from '../helpers/yjs';
import { type BrowserKit, hasBrowser, openBrowser } from './helpers';

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

/** Opens `url`, fails on any dialog, and returns whether any payload ran. */
async function visit(page: Page, url: string, ready: (p: Page) => Promise<unknown>) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  await ready(page);
  await page.waitForTimeout(300);
  const ran = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
  const liveMarkup = await page.evaluate(
    () =>
      document.querySelectorAll(
        'script:not([src]), [onerror], [onload], [onfocus], [onclick], [onmouseover], [ontoggle], [onbegin], [onstart], iframe, object, embed, a[href^="javascript" i]',
      ).length,
  );
  return { dialogs, ran, liveMarkup };
}

describe.runIf(hasBrowser)('trust in the browser', () => {
  it('[XSS1] 50+ XSS payloads as meeting title, agenda, names, explanations, post-its, themes, chat and verslag run nowhere and show as text', async () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    const m = await srv.createMeeting(XSS_PAYLOADS[0]!);
    const fac = await srv.connect(m.code, m.facilitatorToken);
    for (const payload of XSS_PAYLOADS.slice(0, 20)) {
      await ok(fac, 'agenda:add', { id: newId(), title: payload.slice(0, 200), body: payload });
    }
    const pollId = newId();
    await ok(fac, 'activity:create', {
      id: pollId,
      agendaItemId: null,
      anonymous: false,
      spec: {
        kind: 'scale',
        question: XSS_PAYLOADS[4]!,
        levels: [XSS_PAYLOADS[5]!.slice(0, 80), ...DEFAULT_SCALE_LEVELS],
      },
    });
    await ok(fac, 'activity:open', { id: pollId });
    // A break-out with one room: every participant writes a post-it full of payload.
    const breakout = await openBreakout(
      fac,
      { questions: [XSS_PAYLOADS[6]!.slice(0, 300)], rooms: { by: 'count', count: 1 } },
      { anonymous: false },
    );
    const names = XSS_PAYLOADS.filter((p) => p.length <= 60);
    expect(names.length).toBeGreaterThan(30);
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const j = await srv.join(m.code, names[i % names.length]!);
      const s = await srv.connect(m.code, j.token);
      await ok(s, 'response:submit', {
        id: newId(),
        activityId: pollId,
        value: { level: i % 5 },
        note: payload,
      });
      await ok(s, 'chat:send', {
        id: newId(),
        channel: 'meeting',
        text: `${payload} https://example.org/${i}`,
      });
      const { view, roomId } = await breakoutOf(s, breakout.id);
      const boardId = view.boards.find((b) => b.roomId === roomId)!.id;
      await ok(s, 'note:create', {
        id: newId(),
        boardId,
        text: payload,
        colour: 'geel',
        x: (i % 8) * 200,
        y: Math.floor(i / 8) * 150,
      });
      if (i < 3)
        await ok(fac, 'theme:create', {
          id: newId(),
          boardId,
          heading: payload.slice(0, 80),
          x: 2000,
          y: i * 400,
        });
      s.disconnect();
    }
    await ok(fac, 'activity:reveal', { id: pollId });
    // The verslag, written full of payloads (and harvested explanations) by a secretary.
    const sec = yClient(srv.url, m.code, m.secretaryToken, {
      presence: { name: '<b>Sec</b>', color: '#000' },
    });
    await sec.synced();
    appendBlocks(
      sec.doc,
      blocksToDoc([
        ...XSS_PAYLOADS.map((text) => ({ type: 'paragraph' as const, content: [{ text }] })),
        { type: 'bulletList', items: XSS_PAYLOADS.slice(0, 10).map((text) => [{ text, italic: true }]) },
        { type: 'paragraph', content: [{ text: 'klik', link: 'javascript:window.__xss=1' }] },
      ]),
    );
    await expect
      .poll(() => docText(readReport(srv.app.ctx.collab.loaded(m.id)!.doc)).includes(XSS_PAYLOADS.at(-1)!))
      .toBe(true);

    const views: [string, string, (p: Page) => Promise<unknown>][] = [
      ['start', `${srv.url}/`, (p) => p.getByRole('heading', { level: 1 }).waitFor()],
      ['join', `${srv.url}/m/${m.code}`, (p) => p.getByLabel('Je naam').waitFor()],
      [
        'facilitator',
        `${srv.url}/m/${m.code}/leiding#${m.facilitatorToken}`,
        (p) => p.getByText('Toelichtingen').first().waitFor(),
      ],
      [
        'secretary',
        `${srv.url}/m/${m.code}/verslag#${m.secretaryToken}`,
        (p) => p.getByText('Toelichtingen').first().waitFor(),
      ],
      ['screen', `${srv.url}/m/${m.code}/scherm`, (p) => p.getByRole('heading', { level: 1 }).waitFor()],
      [
        'facilitator verslag',
        `${srv.url}/m/${m.code}/leiding/verslag#${m.facilitatorToken}`,
        (p) => p.locator('.ProseMirror').getByText('<img src=x onerror=window.__xss=1>').first().waitFor(),
      ],
    ];
    for (const [name, url, ready] of views) {
      const page = await kit.page();
      const { dialogs, ran, liveMarkup } = await visit(page, url, ready);
      expect({ name, dialogs, ran, liveMarkup }).toEqual({
        name,
        dialogs: [],
        ran: undefined,
        liveMarkup: 0,
      });
      if (name !== 'start' && name !== 'join' && name !== 'screen') {
        // Shown as the text people typed.
        await expect
          .poll(() => page.getByText('<img src=x onerror=window.__xss=1>').count())
          .toBeGreaterThan(0);
      }
      await page.close();
    }
    // The participant view with results, as a participant who joined with a hostile name.
    const p = await kit.page();
    const join = await visit(p, `${srv.url}/m/${m.code}`, (pg) => pg.getByLabel('Je naam').waitFor());
    expect(join.ran).toBeUndefined();
    await p.getByLabel('Je naam').fill('<svg onload=window.__xss=1>');
    await p.getByRole('button', { name: 'Meedoen' }).click();
    await p.getByText('Je doet mee als <svg onload=window.__xss=1>.').waitFor();
    await p.getByText('Toelichtingen').first().waitFor();
    // The board, full of payload post-its and theme headings, shows them as text.
    await p
      .getByRole('button', { name: /^<img src=x onerror=window\.__xss=1>/ })
      .first()
      .waitFor();
    // The chat, full of payloads and their links, is shown as text too.
    await p
      .getByText(`https://example.org/${XSS_PAYLOADS.length - 1}`)
      .first()
      .waitFor();
    await p.getByText('Verslag meelezen').click();
    await p.getByText('<svg><script>window.__xss=1</script></svg>').first().waitFor();
    await p.waitForTimeout(300);
    expect(
      await p.evaluate(
        () =>
          document.querySelectorAll('script:not([src]), [onerror], [onload], a[href^="javascript" i]').length,
      ),
    ).toBe(0);
    sec.destroy();
    expect(await p.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(kit.pageErrors).toEqual([]);
  });

  it('[RECON5] the participant sees the connection drop, how many changes wait, and their answer land after it', async () => {
    const proxy = await startProxy(srv.port);
    try {
      const m = await srv.createMeeting('Storing');
      const fac = await srv.connect(m.code, m.facilitatorToken);
      const pollId = newId();
      await ok(fac, 'activity:create', {
        id: pollId,
        agendaItemId: null,
        anonymous: false,
        spec: { kind: 'scale', question: 'Hoe tevreden?', levels: [...DEFAULT_SCALE_LEVELS] },
      });
      await ok(fac, 'activity:open', { id: pollId });
      const page = await kit.page({ width: 420, height: 900 });
      await page.goto(`${proxy.url}/m/${m.code}`);
      await page.getByLabel('Je naam').fill('Ann');
      await page.getByRole('button', { name: 'Meedoen' }).click();
      const status = page
        .getByRole('status')
        .filter({ hasText: /Verbonden|verbonden|Verbinden/ })
        .first();
      await expect.poll(() => status.innerText()).toBe('Verbonden');
      proxy.drop();
      await expect.poll(() => status.innerText()).toBe('Niet verbonden');
      await page.getByRole('radio', { name: 'Zeer tevreden' }).check();
      await page.getByRole('button', { name: 'Antwoord opslaan' }).click();
      await expect.poll(() => status.innerText()).toBe('Niet verbonden — 1 wijziging wacht');
      proxy.restore();
      await expect.poll(() => status.innerText(), { timeout: 20_000 }).toBe('Verbonden');
      await page.getByText('Je antwoord is opgeslagen.').waitFor();
      const res = await fetch(`${srv.url}/api/meetings/${m.id}/results`, {
        headers: { authorization: `Bearer ${m.facilitatorToken}` },
      });
      expect((await res.json()).activities[0].results.counts).toEqual([0, 0, 0, 1]);
    } finally {
      await proxy.close();
    }
  });
});
