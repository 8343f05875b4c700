/**
 * Screenshots of break-out rooms with their chat and timer, for a human to look at:
 * `npx tsx scripts/look-rooms.ts [baseUrl] [outDir]` against a running server.
 * A meeting with seed 000's break-outs: participants in two rooms (a laptop and a phone), the
 * facilitator starting the timer of all rooms and visiting a room, the shared screen during and
 * after the break-outs (rooms, timer, synthesis themes), and the secretary's harvest panel.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { DEMO_INSIGHTS, DEMO_QUESTIONS } from '../server/demo/data';
import { newId } from '../shared/domain/ids';
import { launchBrowser } from '../tests/helpers/browser';

const base = process.argv[2] ?? 'http://localhost:3204';
const out = process.argv[3] ?? '.tmp/rooms';
fs.mkdirSync(out, { recursive: true });

const post = async (p: string, body: unknown) =>
  (
    await fetch(`${base}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  ).json() as Promise<Record<string, unknown>>;
const connect = (code: string, token?: string) =>
  new Promise<Socket>((resolve) => {
    const s = io(base, {
      auth: token ? { code, token } : { code },
      transports: ['websocket'],
      forceNew: true,
    });
    s.on('connect', () => resolve(s));
  });
const ok = async <T>(s: Socket, ev: string, payload?: unknown): Promise<T> => {
  const r = await s.timeout(5000).emitWithAck(ev, payload);
  if (!r.ok) throw new Error(`${ev}: ${r.message}`);
  return r.data as T;
};

const meeting = (await post('/api/meetings', {
  title: 'Begeleidingsgroep Participatie 31 maart',
  date: '2021-03-31',
})) as { id: string; code: string; facilitatorToken: string; secretaryToken: string };
const fac = await connect(meeting.code, meeting.facilitatorToken);
const item = newId();
await ok(fac, 'agenda:add', { id: item, title: 'Verdieping Koplopers en lokaal eigendom' });
const activityId = newId();
await ok(fac, 'activity:create', {
  id: activityId,
  agendaItemId: item,
  anonymous: false,
  spec: {
    kind: 'breakout',
    questions: DEMO_QUESTIONS,
    rooms: { by: 'count', count: 2 },
    assignment: 'random',
    timeboxMinutes: 20,
    seeOtherRooms: false,
    participantsCluster: false,
    colourBy: 'choice',
  },
});
const names = ['Ann', 'Bert', 'Carla', 'Dirk', 'Esra', 'Fleur'];
const people: { name: string; token: string; socket: Socket }[] = [];
for (const name of names) {
  const j = (await post('/api/join', { code: meeting.code, name })) as { token: string };
  people.push({ name, token: j.token, socket: await connect(meeting.code, j.token) });
}
await ok(fac, 'meeting:goto', { itemId: item });
await ok(fac, 'activity:open', { id: activityId });
type Snap = {
  breakouts: { boards: { id: string; roomId: string | null; questionIndex: number }[] }[];
  placements: { roomId: string }[];
};
const roomOf = new Map<string, string>();
for (const p of people) {
  const s = await ok<Snap>(p.socket, 'session:sync');
  roomOf.set(p.name, s.placements[0]!.roomId);
}
const snap = await ok<Snap>(fac, 'session:sync');
const boards = snap.breakouts[0]!.boards;
let k = 0;
for (const insight of DEMO_INSIGHTS) {
  for (const text of insight.notes) {
    const p = people[k % people.length]!;
    const board = boards.find(
      (b) => b.roomId === roomOf.get(p.name) && b.questionIndex === insight.question,
    )!;
    await ok(p.socket, 'note:create', {
      id: newId(),
      boardId: board.id,
      text,
      colour: ['geel', 'oranje', 'roze', 'paars', 'blauw', 'groen'][k % 6],
      x: 40 + (k % 3) * 200,
      y: 80 + Math.floor(k / 6) * 140,
    });
    k += 1;
  }
}

const browser = await launchBrowser();
const shot = async (page: Page, name: string, full = false) => {
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: full });
  console.log('shot', name);
};
const asParticipant = async (name: string, width: number, height: number, mobile = false) => {
  const p = people.find((x) => x.name === name)!;
  const ctx = await browser.newContext({ viewport: { width, height }, isMobile: mobile, hasTouch: mobile });
  await ctx.addInitScript(
    ([code, token, n]) =>
      localStorage.setItem(`oogst:p:${code}`, JSON.stringify({ token, participantId: '', name: n })),
    [meeting.code, p.token, name] as const,
  );
  const page = await ctx.newPage();
  await page.goto(`${base}/m/${meeting.code}`);
  await page.getByText(/Je zit in Kamer/).waitFor();
  return page;
};

// [BOARD18] The time box runs in all rooms from the start of the break-outs: one clock.
const facPage = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await facPage.goto(`${base}/m/${meeting.code}/leiding#${meeting.facilitatorToken}`);
await facPage.getByText(/^Tijd in alle kamers: (20:00|19:\d\d)/).waitFor();

// Room chats.
const ann = people[0]!;
const sameRoom = people.find((p) => p !== ann && roomOf.get(p.name) === roomOf.get(ann.name))!;
await ok(ann.socket, 'chat:send', {
  id: newId(),
  channel: `room:${roomOf.get(ann.name)}`,
  text: 'Zullen we bij vraag 1 beginnen?',
});
await ok(sameRoom.socket, 'chat:send', {
  id: newId(),
  channel: `room:${roomOf.get(ann.name)}`,
  text: 'Goed idee. Ook de voetbalclub kan een koploper zijn. Zie https://www.platform31.nl/',
});
await ok(fac, 'chat:send', { id: newId(), channel: 'meeting', text: 'Welkom allemaal!' });

const annPage = await asParticipant('Ann', 1280, 900);
await annPage.getByRole('heading', { name: /^Chat in Kamer/ }).waitFor();
await annPage.locator('.note').first().waitFor();
await shot(annPage, '01-participant-room', true);
await annPage.getByRole('button', { name: 'Volledig scherm' }).first().click();
await annPage.locator('.modal .note').first().waitFor();
await shot(annPage, '02-participant-fullscreen');
await annPage.getByRole('button', { name: 'Sluiten' }).first().click();

const phone = await asParticipant(sameRoom.name, 390, 844, true);
await phone.getByRole('heading', { name: /^Chat in Kamer/ }).waitFor();
await shot(phone, '03-phone-room', true);
await phone.getByRole('button', { name: 'Volledig scherm' }).first().click();
await phone.locator('.modal .note').first().waitFor();
await shot(phone, '04-phone-fullscreen');

await facPage.getByText('2 chatberichten').first().waitFor();
await shot(facPage, '05-facilitator-console', true);
const annRoomLabel = (await annPage.getByText(/Je zit in Kamer \d/).textContent())!.match(/Kamer \d/)![0];
await facPage.getByRole('button', { name: `${annRoomLabel} bekijken: borden en chat` }).click();
await facPage.locator('.modal .note').first().waitFor();
await facPage.locator('.modal').getByText('Zullen we bij vraag 1 beginnen?').waitFor();
await shot(facPage, '06-facilitator-visit');
await facPage.getByRole('button', { name: 'Sluiten' }).first().click();

// The shared screen at full HD, and a second one at a common beamer size (SCREEN4).
const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
const beamer = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
for (const s of [screen, beamer]) {
  await s.goto(`${base}/m/${meeting.code}/scherm`);
  await s.getByRole('heading', { name: 'Kamers' }).waitFor();
}
await shot(screen, '07-screen-running');
await shot(beamer, '07-screen-running-1366');

// [BOARD18] "Break-outs beëindigen" asks first; "Einde over 60 seconden": every view counts down.
await phone.getByRole('button', { name: 'Sluiten' }).first().click();
await facPage.getByRole('button', { name: 'Break-outs beëindigen' }).click();
await facPage.getByRole('dialog', { name: 'Break-outs beëindigen?' }).waitFor();
await shot(facPage, '12-facilitator-end-dialog');
await facPage.getByRole('button', { name: 'Einde over 60 seconden' }).click();
await facPage.getByText(/^Kamers sluiten over: /).waitFor();
await annPage.getByRole('timer', { name: 'Kamers sluiten over' }).waitFor();
await phone.getByRole('timer', { name: 'Kamers sluiten over' }).waitFor();
await screen.getByRole('timer', { name: 'Kamers sluiten over' }).waitFor();
await shot(facPage, '13-facilitator-closing');
await shot(annPage, '14-participant-closing');
await shot(phone, '15-phone-closing');
await shot(screen, '16-screen-closing');

// End, synthesis, themes; the screen shows the themes.
await ok(fac, 'activity:close', { id: activityId });
await ok(fac, 'breakout:synthesis', { activityId });
const after = await ok<Snap>(fac, 'session:sync');
for (const insight of DEMO_INSIGHTS) {
  const board = after.breakouts[0]!.boards.find(
    (b) => b.roomId === null && b.questionIndex === insight.question,
  )!;
  const state = await ok<{ notes: { id: string; text: string }[]; themes: unknown[] }>(fac, 'board:sync', {
    boardId: board.id,
  });
  await ok(fac, 'theme:create', {
    id: newId(),
    boardId: board.id,
    heading: insight.theme,
    x: 40 + state.themes.length * 700,
    y: 40,
    noteIds: state.notes.filter((n) => insight.notes.includes(n.text)).map((n) => n.id),
  });
}
await screen.getByRole('heading', { name: "Thema's van alle kamers samen" }).waitFor();
await screen.getByText(DEMO_INSIGHTS[4]!.theme).waitFor();
await shot(screen, '08-screen-themes');
await beamer.getByText(DEMO_INSIGHTS[4]!.theme).waitFor();
await shot(beamer, '08-screen-themes-1366');

await facPage.getByRole('button', { name: 'Alle kamers samen bekijken' }).click();
await facPage.locator('.modal .theme').first().waitFor();
await facPage.getByRole('button', { name: 'Alles in beeld' }).click();
await shot(facPage, '10-facilitator-synthesis');
await facPage.getByRole('button', { name: 'Sluiten' }).first().click();
await phone.reload();
await phone.getByRole('heading', { name: 'Alle kamers samen' }).waitFor();
await phone.locator('.theme').first().waitFor();
await phone.locator('.board__viewport').first().scrollIntoViewIfNeeded();
await shot(phone, '11-phone-synthesis');

const sec = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
await sec.goto(`${base}/m/${meeting.code}/verslag#${meeting.secretaryToken}`);
await sec.getByRole('heading', { name: 'Uitslagen in het verslag zetten' }).waitFor();
await sec.getByText('Chats van de kamers', { exact: true }).waitFor();
await shot(sec, '09-secretary', true);
await browser.close();
for (const p of people) p.socket.disconnect();
fac.disconnect();
