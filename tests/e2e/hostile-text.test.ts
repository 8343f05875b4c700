import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCALE_LEVELS } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import { breakoutOf } from '../helpers/boards';
import { ok, startServer, type TestServer, type TestSocket } from '../helpers/server';
import { createActivity, submit } from '../helpers/toolkit';
import { HOSTILE_TEXT as H } from '../helpers/xss';
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

/** The page is no wider than its window; else the widest elements, to say what broke it. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= doc.clientWidth) return null;
    // Boxes past the window's edge, and boxes whose text runs out of them.
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().width > 1 && !el.closest('.visually-hidden'))
      .map((el) => ({
        el,
        right: Math.max(el.getBoundingClientRect().right, el.getBoundingClientRect().left + el.scrollWidth),
      }))
      .filter((x) => x.right > doc.clientWidth + 1)
      .sort((a, b) => b.right - a.right)
      .slice(0, 6)
      .map(({ el, right }) => `${el.tagName.toLowerCase()}.${el.className} → ${Math.round(right)}`);
    return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, wide };
  });
}

/** In the chat header, the author's name is drawn before (left of) the time. */
async function nameBeforeTime(page: Page, name: string) {
  const msg = page.locator('.msg', { has: page.locator('.msg__author', { hasText: name }) }).first();
  await msg.waitFor();
  return msg.evaluate((m) => {
    // The name's last line box, and the time: the time follows it on that line, or on a later one.
    const rects = [...m.querySelector('.msg__author')!.getClientRects()];
    const last = rects[rects.length - 1]!;
    const time = m.querySelector('time')!.getBoundingClientRect();
    return time.top >= last.bottom - 1 || (time.top < last.bottom && time.left >= last.right - 1);
  });
}

const TITLE = `${H.longWord}${H.longWord.slice(0, 70)}`;

/** The meeting full of hostile text, made once for both window widths. */
let made: ReturnType<typeof hostileMeeting> | null = null;
async function hostileMeeting() {
  const meeting = await srv.createMeeting(TITLE);
  const fac = await srv.connect(meeting.code, meeting.facilitatorToken);
  const [item1] = await ok(fac, 'agenda:add', {
    id: newId(),
    title: TITLE,
    body: `${H.longWord} ${H.url}`,
  });
  const agenda = await ok(fac, 'agenda:add', { id: newId(), title: H.longWord });
  const item2 = agenda[1]!;
  await ok(fac, 'meeting:goto', { itemId: item1!.id });
  const poll = await createActivity(
    fac,
    {
      kind: 'scale',
      question: `${H.longWord}${H.longWord}`,
      levels: [H.longWord.slice(0, 80), ...DEFAULT_SCALE_LEVELS],
    },
    { agendaItemId: item1!.id },
  );
  const choice = await createActivity(
    fac,
    {
      kind: 'choice',
      question: H.longWord,
      options: [H.longWord, `${H.arabicName} ${H.url}`.slice(0, 120)],
      mode: 'single',
    },
    { agendaItemId: item1!.id },
  );
  const names = [H.rloName, H.arabicName, H.longName];
  const people: { name: string; token: string; socket: TestSocket }[] = [];
  for (const name of names) {
    const j = await srv.join(meeting.code, name);
    people.push({ name, token: j.token, socket: await srv.connect(meeting.code, j.token) });
  }
  for (const [i, p] of people.entries()) {
    await submit(p.socket, poll.id, { level: i }, { note: `${H.url} ${H.longWord} ${H.arabicName}` });
    await submit(p.socket, choice.id, { selected: [i % 2] }, { note: H.url });
    await ok(p.socket, 'chat:send', { id: newId(), channel: 'meeting', text: `${H.longWord} ${H.url}` });
  }
  await ok(fac, 'activity:reveal', { id: poll.id });
  await ok(fac, 'activity:reveal', { id: choice.id });
  await ok(fac, 'activity:close', { id: poll.id });
  await ok(fac, 'activity:close', { id: choice.id });
  // A break-out at item 2: post-its and a synthesis theme full of long words.
  const bo = await ok(fac, 'activity:create', {
    id: newId(),
    agendaItemId: item2.id,
    anonymous: false,
    spec: {
      kind: 'breakout',
      questions: [`${H.longWord}${H.longWord}`],
      rooms: { by: 'count', count: 1 },
      assignment: 'random',
      timeboxMinutes: 20,
      seeOtherRooms: false,
      participantsCluster: false,
      colourBy: 'choice',
    },
  });
  await ok(fac, 'meeting:goto', { itemId: item2.id });
  await ok(fac, 'activity:open', { id: bo.id });
  for (const [i, p] of people.entries()) {
    const { view, roomId } = await breakoutOf(p.socket, bo.id);
    const board = view.boards.find((b) => b.roomId === roomId)!;
    await ok(p.socket, 'note:create', {
      id: newId(),
      boardId: board.id,
      text: `${H.longWord} ${H.url}`,
      colour: 'geel',
      x: 40 + i * 220,
      y: 80,
    });
    await ok(p.socket, 'chat:send', { id: newId(), channel: `room:${roomId}`, text: H.url });
  }
  await ok(fac, 'activity:close', { id: bo.id });
  await ok(fac, 'breakout:synthesis', { activityId: bo.id });
  const { view } = await breakoutOf(fac, bo.id);
  const synthesis = view.boards.find((b) => b.roomId === null)!;
  const state = await ok(fac, 'board:sync', { boardId: synthesis.id });
  await ok(fac, 'theme:create', {
    id: newId(),
    boardId: synthesis.id,
    heading: H.longWord,
    x: 40,
    y: 40,
    noteIds: state.notes.map((n) => n.id),
  });

  return { meeting, people };
}

describe.runIf(hasBrowser)('text that would break the layout, in Chromium', () => {
  it.each([1366, 390])(
    '[TEXT1][TEXT2] long words, pasted links and right-to-left names: no view is wider than its %i px window, and the chat keeps name before time',
    async (width) => {
      made ??= hostileMeeting();
      const { meeting, people } = await made;
      const asParticipant = async (p: (typeof people)[number], width: number) => {
        const ctx = await kit.context({ width, height: width < 500 ? 844 : 900 });
        await ctx.addInitScript(
          ([code, token, name]) => {
            // Only on the app's pages (the init script runs on about:blank too, without storage).
            if (location.protocol.startsWith('http'))
              localStorage.setItem(`oogst:p:${code}`, JSON.stringify({ token, participantId: '', name }));
          },
          [meeting.code, p.token, p.name] as const,
        );
        const page = await ctx.newPage();
        await page.goto(meeting.links.participant);
        await page.locator('.msg').first().waitFor();
        return page;
      };
      const staff = async (link: string, width: number, ready: (p: Page) => Promise<unknown>) => {
        const page = await kit.page({ width, height: width < 500 ? 844 : 900 });
        await page.goto(link);
        await ready(page);
        return page;
      };
      const failures: unknown[] = [];
      const check = async (page: Page, label: string) => {
        await page.waitForTimeout(200);
        const o = await overflow(page);
        if (o) failures.push({ label, ...o });
      };

      // A participant: the board at the current item, the chat, then looking back at item 1.
      const p = await asParticipant(people[0]!, width);
      await p.locator('.note, .board-list__note').first().waitFor();
      await check(p, `participant board ${width}`);
      await p.getByRole('button', { name: new RegExp(`^Terugkijken ${H.longWord.slice(0, 30)}`) }).click();
      await p.getByText('Je kijkt terug naar een eerder agendapunt.').waitFor();
      await p.locator('.notes-group li').first().waitFor();
      await check(p, `participant look-back ${width}`);
      if (width === 390) await expectNoAxeViolations(p, 'participant look-back on a phone, hostile text');
      for (const name of [H.rloName, H.arabicName, H.longName]) {
        if (!(await nameBeforeTime(p, name)))
          failures.push(`participant chat: ${name} after the time, ${width}`);
      }
      const f = await staff(meeting.links.facilitator, width, (pg) =>
        pg.getByRole('heading', { name: 'Agenda', exact: true }).waitFor(),
      );
      await f.locator('.msg').first().waitFor();
      await check(f, `facilitator ${width}`);
      if (!(await nameBeforeTime(f, H.arabicName)))
        failures.push(`facilitator chat: name after the time, ${width}`);
      const s = await staff(meeting.links.secretary, width, (pg) =>
        pg.getByText('Toelichtingen').first().waitFor(),
      );
      await check(s, `secretary ${width}`);
      const sc = await staff(`${meeting.links.participant}/scherm`, width, (pg) =>
        pg.getByRole('heading', { name: "Thema's van alle kamers samen" }).waitFor(),
      );
      await sc.locator('.screen-theme__heading').first().waitFor();
      await check(sc, `screen ${width}`);
      for (const pg of [p, f, s, sc]) await pg.close();
      if (width === 390) {
        // The page after creating a meeting with a long name, on a phone.
        const start = await kit.page({ width: 390, height: 844 });
        await start.goto(srv.url);
        await start.getByLabel('Naam van de bijeenkomst').fill(TITLE);
        await start.getByRole('button', { name: 'Bijeenkomst maken' }).click();
        await start.getByRole('heading', { name: 'De bijeenkomst is klaar' }).waitFor();
        await check(start, 'page after creating 390');
      }
      expect(failures).toEqual([]);
      expect(kit.pageErrors).toEqual([]);
    },
  );
});
