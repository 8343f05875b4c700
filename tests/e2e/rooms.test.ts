import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INSIGHTS, DEMO_QUESTIONS } from '../../server/demo/data';
import type { ChatMessageView } from '../../shared/domain/chat';
import { newId } from '../../shared/domain/ids';
import { breakoutOf, note, openBreakout } from '../helpers/boards';
import { ok, startServer, type TestServer, type TestSocket, waitFor } from '../helpers/server';
import { type BrowserKit, expectNoAxeViolations, hasBrowser, joinAs, openBrowser, tabTo } from './helpers';

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

/** Everything a socket receives of one event from now on. */
function record<T>(s: TestSocket, event: string): T[] {
  const got: T[] = [];
  (s as unknown as { on(e: string, fn: (x: T) => void): void }).on(event, (x) => got.push(x));
  return got;
}

const timerOf = (p: Page, label: string) => p.getByRole('timer', { name: label });
const seconds = async (p: Page, label: string) => {
  const [m, s] = ((await timerOf(p, label).textContent()) ?? '').split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
};

describe.runIf(hasBrowser)('break-out rooms with their chat and timer, in Chromium', () => {
  it('[SCOPE2][SCOPE3][SCOPE4][CHAT1][CHAT9][TIMER3] a room’s chat and timer beside its boards; the facilitator times all rooms or one and reads a room’s chat — by keyboard; read-only after the end', async () => {
    const meeting = await srv.createMeeting('Verdieping koplopers');
    const facilitator = await srv.connect(meeting.code, meeting.facilitatorToken);
    const link = `${srv.url}/m/${meeting.code}`;
    const ann = await joinAs(kit, link, 'Ann');
    const bert = await joinAs(kit, link, 'Bert', { width: 390, height: 844 });
    const carla = await srv.join(meeting.code, 'Carla');
    const carlaSocket = await srv.connect(meeting.code, carla.token);
    const activity = await openBreakout(facilitator, {
      questions: ['Wat kunnen koplopers betekenen?', 'Hoe leggen ze verbindingen met de buurt?'],
      rooms: { by: 'count', count: 2 },
      assignment: 'manual',
      timeboxMinutes: 20,
    });
    const { view, snap } = await breakoutOf(facilitator, activity.id);
    const [room1, room2] = [...view.rooms].sort((a, b) => a.index - b.index);
    const ids = Object.fromEntries(snap.presence.participants!.map((p) => [p.name, p.id]));
    for (const [name, room] of [
      ['Ann', room1!],
      ['Bert', room1!],
      ['Carla', room2!],
    ] as const) {
      await ok(facilitator, 'breakout:move', {
        activityId: activity.id,
        participantId: ids[name]!,
        roomId: room.id,
      });
    }
    for (const p of [ann, bert]) await p.getByText('Je zit in Kamer 1.').waitFor();
    // Carla (room 2) writes first: what Ann finds there if she is moved later.
    await breakoutOf(carlaSocket, activity.id);
    await ok(carlaSocket, 'chat:send', {
      id: newId(),
      channel: `room:${room2!.id}`,
      text: 'Welkom in kamer 2!',
    });
    const carlaHears = record<ChatMessageView>(carlaSocket, 'chat:message');

    // [BOARD18] The time box runs in all rooms from the start; the facilitator gives all rooms a
    // minute more, by keyboard (the time box is also the form's default).
    const fac = await kit.page({ width: 1280, height: 900 });
    await fac.goto(meeting.links.facilitator);
    await fac.getByRole('group', { name: 'Timer voor alle kamers' }).waitFor();
    const allRooms = fac.getByRole('group', { name: 'Timer voor alle kamers' });
    expect(await allRooms.getByLabel('Minuten', { exact: true }).inputValue()).toBe('20');
    await fac.getByText(/^Alle kamers: (20:00|19:\d\d) · loopt$/).waitFor();
    await fac.locator('body').click({ position: { x: 5, y: 5 } });
    await tabTo(fac, { role: 'button', name: '+1 min in alle kamers' }, 200);
    await fac.keyboard.press('Enter');
    await fac.getByText(/^Alle kamers: (21:00|20:\d\d) · loopt$/).waitFor();
    // Each participant sees their room's own timer next to the boards (phone too).
    for (const p of [ann, bert]) await timerOf(p, 'Tijd in Kamer 1').waitFor();
    await expect.poll(() => seconds(ann, 'Tijd in Kamer 1')).toBeGreaterThan(20 * 60);
    expect(await ann.getByText('Nog 20 minuten').count()).toBe(0);

    // Ann writes in her room's chat, by keyboard; Bert sees it, Carla (other room) does not.
    await expect.poll(() => ann.getByRole('heading', { name: 'Chat met iedereen' }).count()).toBe(1);
    await ann.locator('body').click({ position: { x: 5, y: 5 } });
    await tabTo(ann, { role: 'textbox', name: 'Je bericht in Kamer 1' }, 200);
    await ann.keyboard.type('Zullen we bij vraag 1 beginnen?');
    await ann.keyboard.press('Enter');
    await bert
      .getByRole('log', { name: 'Berichten in Kamer 1' })
      .getByText('Zullen we bij vraag 1 beginnen?')
      .waitFor();
    expect(
      await bert
        .getByRole('log', { name: 'Berichten aan iedereen' })
        .getByText('Zullen we bij vraag 1 beginnen?')
        .count(),
    ).toBe(0);

    // The facilitator pauses room 1 only (keyboard); Ann sees it paused, room 2 keeps running.
    await fac.getByRole('region', { name: 'Kamer 1', exact: true }).getByText('1 chatbericht').waitFor();
    await tabTo(fac, { role: 'button', name: 'Pauze in Kamer 1' }, 200);
    await fac.keyboard.press('Enter');
    await ann.getByText('gepauzeerd').waitFor();
    await fac.getByText('Timer van Kamer 2:').waitFor();
    await expect
      .poll(() => fac.locator('.room-timer').nth(1).textContent())
      .toMatch(/Timer van Kamer 2: \d\d:\d\d · loopt/);

    // Visiting room 1: its boards with its chat beside them; the facilitator answers there.
    await tabTo(fac, { role: 'button', name: 'Kamer 1 bekijken: borden en chat' }, 200);
    await fac.keyboard.press('Enter');
    const dialog = fac.getByRole('dialog', { name: 'Borden van Kamer 1' });
    await dialog
      .getByRole('log', { name: 'Berichten in Kamer 1' })
      .getByText('Zullen we bij vraag 1')
      .waitFor();
    await expectNoAxeViolations(fac, 'facilitator visiting a room with its chat');
    await dialog.getByLabel('Je bericht in Kamer 1').focus();
    await fac.keyboard.type('Goed plan. Nog tien minuten.');
    await fac.keyboard.press('Enter');
    await ann.getByText('Goed plan. Nog tien minuten.').waitFor();
    await dialog.getByRole('button', { name: 'Sluiten' }).first().press('Enter');
    expect(carlaHears.map((m) => m.text)).toEqual([]);

    await expectNoAxeViolations(ann, 'participant in a room with its chat and timer');
    await expectNoAxeViolations(bert, 'participant on a phone in a room');
    await expectNoAxeViolations(fac, 'facilitator console with room timers');

    // On a phone the full-screen boards keep the room's chat folded below them.
    await bert.getByRole('button', { name: 'Volledig scherm' }).first().click();
    const full = bert.getByRole('dialog', { name: 'Borden van Kamer 1' });
    const side = full.locator('summary', { hasText: 'Chat en timer van Kamer 1' });
    await side.waitFor();
    expect(await full.locator('details.fullscreen-split__side').getAttribute('open')).toBeNull();
    await side.focus();
    await bert.keyboard.press('Enter');
    await full.getByRole('log', { name: 'Berichten in Kamer 1' }).getByText('Goed plan.').waitFor();
    await expectNoAxeViolations(bert, 'phone full screen with the room chat opened');
    await full.getByRole('button', { name: 'Sluiten' }).first().click();

    // Moved to room 2, Ann hears room 2: its earlier chat and its running timer.
    await ok(facilitator, 'breakout:move', {
      activityId: activity.id,
      participantId: ids.Ann!,
      roomId: room2!.id,
    });
    await ann.getByText('Je zit in Kamer 2.').waitFor();
    await ann.getByRole('log', { name: 'Berichten in Kamer 2' }).getByText('Welkom in kamer 2!').waitFor();
    await timerOf(ann, 'Tijd in Kamer 2').waitFor();
    expect(await ann.getByRole('log', { name: 'Berichten in Kamer 1' }).count()).toBe(0);
    const heard = waitFor(carlaSocket, 'chat:message', (m: ChatMessageView) => m.text === 'Hoi Carla');
    await ann.getByLabel('Je bericht in Kamer 2').fill('Hoi Carla');
    await ann.getByLabel('Je bericht in Kamer 2').press('Enter');
    await heard;

    // [CHAT9] The break-outs end: Ann still reads her room's chat, read-only, with a note; also
    // after a reload (no snapshot carries it then).
    await ok(facilitator, 'activity:close', { id: activity.id });
    for (const reload of [false, true]) {
      if (reload) await ann.reload();
      const log = ann.getByRole('log', { name: 'Berichten in Kamer 2' });
      await log.getByText('Hoi Carla').waitFor();
      await ann.getByText('De kamers zijn gesloten. Je kunt de chat van Kamer 2 nog lezen').waitFor();
      expect(await ann.getByLabel('Je bericht in Kamer 2').count()).toBe(0);
      expect(await log.getByRole('button', { name: /tip/i }).count()).toBe(0);
    }
    await expectNoAxeViolations(ann, 'participant after the break-outs, room chat read-only');
    expect(kit.pageErrors).toEqual([]);
  });

  it('[SCREEN3][REPORT14][REPORT6][BOARD15] the shared screen shows the rooms and their timer, then the synthesis themes; the secretary harvests them and the room chats like seed 000', async () => {
    const meeting = await srv.createMeeting('Begeleidingsgroep participatie', '2021-03-31');
    const facilitator = await srv.connect(meeting.code, meeting.facilitatorToken);
    const itemId = newId();
    await ok(facilitator, 'agenda:add', { id: itemId, title: 'Verdieping Koplopers en lokaal eigendom' });
    await ok(facilitator, 'agenda:add', { id: newId(), title: 'Signaleren van nieuwe praktijken' });
    const people = await Promise.all(
      ['Ans', 'Bram', 'Carmen', 'Dirk'].map(async (name) => {
        const j = await srv.join(meeting.code, name);
        return srv.connect(meeting.code, j.token);
      }),
    );
    const activity = await openBreakout(facilitator, {
      questions: DEMO_QUESTIONS,
      rooms: { by: 'count', count: 2 },
      timeboxMinutes: 25,
    });
    await ok(facilitator, 'activity:update', { id: activity.id, agendaItemId: itemId });
    await ok(facilitator, 'meeting:goto', { itemId });
    const placed = await Promise.all(people.map(async (s) => ({ s, ...(await breakoutOf(s, activity.id)) })));
    let k = 0;
    for (const insight of DEMO_INSIGHTS) {
      for (const text of insight.notes) {
        const who = placed[k % placed.length]!;
        const board = who.view.boards.find(
          (b) => b.roomId === who.roomId && b.questionIndex === insight.question,
        )!;
        await ok(who.s, 'note:create', note(board.id, text, { x: 40 + (k % 3) * 200, y: 80 }));
        k += 1;
      }
    }
    const first = placed[0]!;
    const chatRoom = first.view.rooms.find((r) => r.id === first.roomId)!.label;
    await ok(first.s, 'chat:send', {
      id: newId(),
      channel: `room:${first.roomId}`,
      text: 'Ook de voetbalclub kan koploper zijn.',
    });
    await ok(facilitator, 'breakout:timer', {
      id: newId(),
      activityId: activity.id,
      op: 'start',
      durationMs: 25 * 60_000,
    });

    // The screen: the rooms with how many people, one big timer for all rooms, the questions.
    const screen = await kit.page({ width: 1280, height: 800 });
    await screen.goto(`${srv.url}/m/${meeting.code}/scherm`);
    await screen.getByRole('heading', { name: 'Kamers' }).waitFor();
    await timerOf(screen, 'Tijd in alle kamers').waitFor();
    expect(await seconds(screen, 'Tijd in alle kamers')).toBeGreaterThan(24 * 60);
    expect(await screen.getByText('2 mensen').count()).toBe(2);
    expect(await screen.getByRole('listitem').filter({ hasText: DEMO_QUESTIONS[3]! }).count()).toBe(1);
    // Read-only: nothing to type in, no chat, no names of who is where.
    expect(await screen.getByRole('textbox').count()).toBe(0);
    expect(await screen.getByText('Ook de voetbalclub kan koploper zijn.').count()).toBe(0);
    expect(await screen.getByText('Ans', { exact: true }).count()).toBe(0);
    await expectNoAxeViolations(screen, 'shared screen during the break-outs');

    // Ended, synthesis clustered into the seed's themes: the screen shows the themes.
    await ok(facilitator, 'activity:close', { id: activity.id });
    await ok(facilitator, 'breakout:synthesis', { activityId: activity.id });
    const { view } = await breakoutOf(facilitator, activity.id);
    for (const insight of DEMO_INSIGHTS) {
      const board = view.boards.find((b) => b.roomId === null && b.questionIndex === insight.question)!;
      const state = await ok(facilitator, 'board:sync', { boardId: board.id });
      await ok(facilitator, 'theme:create', {
        id: newId(),
        boardId: board.id,
        heading: insight.theme,
        x: 40 + state.themes.length * 700,
        y: 40,
        noteIds: state.notes.filter((n) => insight.notes.includes(n.text)).map((n) => n.id),
      });
    }
    await screen.getByRole('heading', { name: "Thema's van alle kamers samen" }).waitFor();
    await expect
      .poll(() => screen.locator('.screen-theme__heading').allTextContents())
      .toEqual(DEMO_INSIGHTS.map((i) => i.theme));
    await screen.getByText(DEMO_INSIGHTS[2]!.notes[0]!).waitFor();
    await expectNoAxeViolations(screen, 'shared screen with the synthesis themes');

    // The secretary harvests the break-out under its section, and then the rooms' chats, by keyboard.
    const sec = await kit.page({ width: 1366, height: 900 });
    await sec.goto(meeting.links.secretary);
    const editor = sec.getByRole('textbox', { name: 'Verslag', exact: true });
    // The cursor in the (empty) line under the section's heading: clicked until the caret is
    // there, as a person does who sees it land elsewhere (the editor may still be laying out).
    const caretUnder = () =>
      sec.evaluate(() => {
        const at = getSelection()?.anchorNode;
        const el = at instanceof Element ? at : at?.parentElement;
        return el?.closest('.ProseMirror > *')?.previousElementSibling?.textContent ?? null;
      });
    await expect
      .poll(async () => {
        await editor.locator('h2:has-text("Verdieping Koplopers") + p').click();
        return caretUnder();
      })
      .toBe('Verdieping Koplopers en lokaal eigendom');
    await tabTo(sec, { role: 'button', name: /^In verslag zetten.*Wat kunnen koplopers/ }, 200);
    // Tabbing to the button leaves the caret where it was.
    expect(await caretUnder()).toBe('Verdieping Koplopers en lokaal eigendom');
    await sec.keyboard.press('Enter');
    // Nothing hidden: the synthesis is what everyone saw, so it goes in without asking.
    await expect
      .poll(() => editor.locator('h4').allTextContents())
      .toEqual(DEMO_INSIGHTS.map((i) => i.theme));
    expect(await editor.locator('h3').allTextContents()).toEqual(DEMO_QUESTIONS);
    await tabTo(sec, { role: 'combobox', name: 'Welke kamer' }, 60);
    await tabTo(sec, { role: 'button', name: /^In verslag zetten.*Chats van de kamers/ }, 10);
    await sec.keyboard.press('Enter');
    await expect.poll(() => editor.locator('h3').allTextContents()).toContain(`Uit de chat van ${chatRoom}`);
    await expectNoAxeViolations(sec, 'secretary with the room chats in the harvest panel');

    // The exported Markdown has seed 000's "Verdieping" shape.
    const room = srv.app.ctx.collab.loaded(meeting.id)!;
    await expect.poll(() => JSON.stringify(room.doc.toJSON())).toContain(`Uit de chat van ${chatRoom}`);
    const md = await (
      await fetch(`${srv.url}/api/meetings/${meeting.id}/export?format=md`, {
        headers: { authorization: `Bearer ${meeting.secretaryToken}` },
      })
    ).text();
    const section = md.slice(md.indexOf('## Verdieping'), md.indexOf('## Signaleren'));
    expect(section.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '## Verdieping Koplopers en lokaal eigendom',
      ...DEMO_QUESTIONS.flatMap((q, i) => [
        `### ${q}`,
        ...DEMO_INSIGHTS.filter((x) => x.question === i).map((x) => `#### ${x.theme}`),
      ]),
      `### Uit de chat van ${chatRoom}`,
      '#### Wat is er nog meer in de chat gezegd?',
    ]);
    expect(section).toContain(
      'Hieronder een overzicht van belangrijke inzichten uit de verschillende gesprekken:',
    );
    for (const n of DEMO_INSIGHTS.flatMap((i) => i.notes)) expect(section).toContain(`- ${n}`);
    expect(section).toContain('- Ook de voetbalclub kan koploper zijn.');
    expect(kit.pageErrors).toEqual([]);
  });
});
