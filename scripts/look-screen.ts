/**
 * Screenshots of the shared screen and the links, for a human to look at:
 * `npx tsx scripts/look-screen.ts [baseUrl] [outDir]` against a running server.
 * The screen at 1920×1080 and 1366×768 while a poll is open (live count), after the reveal, during
 * break-outs and on the synthesis; the page after creating a meeting and the console's share
 * panel; a participant on a phone and the screen with long words and right-to-left names.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { DEMO_INSIGHTS, DEMO_QUESTIONS } from '../server/demo/data';
import { DEFAULT_SCALE_LEVELS, DEFAULT_SCALE_QUESTION } from '../shared/domain/activities';
import { newId } from '../shared/domain/ids';
import { launchBrowser } from '../tests/helpers/browser';
import { HOSTILE_TEXT as H } from '../tests/helpers/xss';

const base = process.argv[2] ?? 'http://localhost:3100';
const out = process.argv[3] ?? '.tmp/screen';
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
type Meeting = { id: string; code: string; facilitatorToken: string; secretaryToken: string };
type Snap = {
  breakouts: { boards: { id: string; roomId: string | null; questionIndex: number }[] }[];
  placements: { roomId: string }[];
};

const browser = await launchBrowser();
const shot = async (page: Page, name: string, full = false) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: full });
  console.log('shot', name);
};
const page = async (width: number, height: number) =>
  (await browser.newContext({ viewport: { width, height }, acceptDownloads: true })).newPage();

// 1. The page after creating a meeting, and the console's share panel.
const fac = await page(1280, 900);
await fac.goto(base);
await fac.getByLabel('Naam van de bijeenkomst').fill('Begeleidingsgroep Participatie 31 maart');
await fac.getByRole('button', { name: 'Bijeenkomst maken' }).click();
await fac.getByRole('heading', { name: 'De bijeenkomst is klaar' }).waitFor();
await shot(fac, '01-created', true);
await fac.getByRole('link', { name: 'Naar de bijeenkomst als gespreksleider' }).click();
const share = fac.getByRole('region', { name: 'Uitnodigen' });
await share.waitFor();
await share.screenshot({ path: path.join(out, '02-share-panel.png') });
await share.getByRole('button', { name: /^Toon link voor de gespreksleider/ }).click();
await share.screenshot({ path: path.join(out, '03-share-panel-shown.png') });
console.log('shot 02-share-panel, 03-share-panel-shown');

// 2. A meeting with a poll and a break-out; the screen at two sizes through its steps.
const meeting = (await post('/api/meetings', {
  title: 'Begeleidingsgroep Participatie 31 maart',
  date: '2021-03-31',
})) as Meeting;
const f = await connect(meeting.code, meeting.facilitatorToken);
const [plaats, verdieping] = [newId(), newId()];
await ok(f, 'agenda:add', { id: newId(), title: 'Inleiding' });
await ok(f, 'agenda:add', { id: plaats, title: 'Gezamenlijke plaatsbepaling' });
await ok(f, 'agenda:add', { id: verdieping, title: 'Verdieping Koplopers en lokaal eigendom' });
const poll = newId();
await ok(f, 'activity:create', {
  id: poll,
  agendaItemId: plaats,
  anonymous: false,
  spec: { kind: 'scale', question: DEFAULT_SCALE_QUESTION, levels: [...DEFAULT_SCALE_LEVELS] },
});
const names = [
  'Ans',
  'Bram',
  'Carmen',
  'Dirk',
  'Esther',
  'Frank',
  'Gijs',
  'Hanna',
  'Ilse',
  'Joost',
  'Kees',
  'Lotte',
];
const people: { name: string; socket: Socket }[] = [];
for (const name of names) {
  const j = (await post('/api/join', { code: meeting.code, name })) as { token: string };
  people.push({ name, socket: await connect(meeting.code, j.token) });
}
await ok(f, 'meeting:goto', { itemId: plaats });
await ok(f, 'activity:open', { id: poll });
await ok(f, 'timer:start', { id: newId(), scope: 'meeting', durationMs: 8 * 60_000 });
const notes = [
  'De dialoog is goed, maar het zijn bubbels.',
  'Het woord ‘participatie’ is in deze context lastig.',
  'Het besef neemt toe bij gemeenten.',
  'Het gesprek gaat van wijk naar straat naar woning.',
];
for (const [i, p] of people.slice(0, 5).entries()) {
  await ok(p.socket, 'response:submit', {
    id: newId(),
    activityId: poll,
    value: { level: [0, 1, 1, 2, 3][i] },
    note: notes[i % notes.length],
  });
}
const screens = [await page(1920, 1080), await page(1366, 768)];
for (const s of screens) {
  await s.goto(`${base}/m/${meeting.code}/scherm`);
  await s.getByText(/hebben geantwoord/).waitFor();
  await s.locator('.screen__qr path').waitFor();
}
await shot(screens[0]!, '10-screen-1920-poll-open');
await shot(screens[1]!, '11-screen-1366-poll-open');
for (const [i, p] of people.slice(5, 9).entries()) {
  await ok(p.socket, 'response:submit', { id: newId(), activityId: poll, value: { level: [2, 2, 1, 0][i] } });
}
await ok(f, 'activity:reveal', { id: poll });
for (const s of screens) await s.locator('.bar-pct').first().waitFor();
await shot(screens[0]!, '12-screen-1920-revealed');
await shot(screens[1]!, '13-screen-1366-revealed');
await ok(f, 'activity:close', { id: poll });

// Break-outs: three rooms, the seed's questions, one timer for all rooms.
const bo = newId();
await ok(f, 'activity:create', {
  id: bo,
  agendaItemId: verdieping,
  anonymous: false,
  spec: {
    kind: 'breakout',
    questions: DEMO_QUESTIONS,
    rooms: { by: 'count', count: 3 },
    assignment: 'random',
    timeboxMinutes: 20,
    seeOtherRooms: false,
    participantsCluster: false,
    colourBy: 'choice',
  },
});
await ok(f, 'meeting:goto', { itemId: verdieping });
await ok(f, 'activity:open', { id: bo });
await ok(f, 'breakout:timer', { id: newId(), activityId: bo, op: 'start', durationMs: 20 * 60_000 });
for (const s of screens) await s.getByRole('heading', { name: 'Kamers' }).waitFor();
await shot(screens[0]!, '14-screen-1920-breakouts');
await shot(screens[1]!, '15-screen-1366-breakouts');
const roomOf = new Map<string, string>();
for (const p of people) roomOf.set(p.name, (await ok<Snap>(p.socket, 'session:sync')).placements[0]!.roomId);
const boards = (await ok<Snap>(f, 'session:sync')).breakouts[0]!.boards;
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
      colour: 'geel',
      x: 40,
      y: 80 + k * 10,
    });
    k += 1;
  }
}
await ok(f, 'activity:close', { id: bo });
await ok(f, 'breakout:synthesis', { activityId: bo });
const after = (await ok<Snap>(f, 'session:sync')).breakouts[0]!.boards;
for (const insight of DEMO_INSIGHTS) {
  const board = after.find((b) => b.roomId === null && b.questionIndex === insight.question)!;
  const state = await ok<{ notes: { id: string; text: string }[]; themes: unknown[] }>(f, 'board:sync', {
    boardId: board.id,
  });
  await ok(f, 'theme:create', {
    id: newId(),
    boardId: board.id,
    heading: insight.theme,
    x: 40 + state.themes.length * 700,
    y: 40,
    noteIds: state.notes.filter((n) => insight.notes.includes(n.text)).map((n) => n.id),
  });
}
for (const s of screens) await s.getByText(DEMO_INSIGHTS[0]!.theme).waitFor();
await shot(screens[0]!, '16-screen-1920-synthesis');
await shot(screens[1]!, '17-screen-1366-synthesis');

// 3. Long words, a pasted link and right-to-left names: a phone and the screen.
const hostile = (await post('/api/meetings', {
  title: `${H.longWord}${H.longWord.slice(0, 60)}`,
})) as Meeting;
const hf = await connect(hostile.code, hostile.facilitatorToken);
const item = newId();
await ok(hf, 'agenda:add', { id: item, title: H.longWord });
await ok(hf, 'meeting:goto', { itemId: item });
const hp = newId();
await ok(hf, 'activity:create', {
  id: hp,
  agendaItemId: item,
  anonymous: false,
  spec: { kind: 'scale', question: H.longWord, levels: [H.longWord.slice(0, 80), ...DEFAULT_SCALE_LEVELS] },
});
await ok(hf, 'activity:open', { id: hp });
const tokens: string[] = [];
for (const [i, name] of [H.rloName, H.arabicName, H.longName].entries()) {
  const j = (await post('/api/join', { code: hostile.code, name })) as { token: string };
  tokens.push(j.token);
  const s = await connect(hostile.code, j.token);
  await ok(s, 'response:submit', {
    id: newId(),
    activityId: hp,
    value: { level: i },
    note: `${H.url} ${H.arabicName}`,
  });
  await ok(s, 'chat:send', { id: newId(), channel: 'meeting', text: `${H.longWord} ${H.url}` });
}
await ok(hf, 'activity:reveal', { id: hp });
const phoneCtx = await browser.newContext({
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
});
await phoneCtx.addInitScript(
  ([code, token, name]) => {
    if (location.protocol.startsWith('http'))
      localStorage.setItem(`oogst:p:${code}`, JSON.stringify({ token, participantId: '', name }));
  },
  [hostile.code, tokens[0]!, H.rloName] as const,
);
const phone = await phoneCtx.newPage();
await phone.goto(`${base}/m/${hostile.code}`);
await phone.locator('.msg').first().waitFor();
await shot(phone, '20-phone-hostile-top');
await shot(phone, '20-phone-hostile-full', true);
await phone.locator('.msg').first().scrollIntoViewIfNeeded();
await shot(phone, '21-phone-hostile-chat');
const hs = await page(1366, 768);
await hs.goto(`${base}/m/${hostile.code}/scherm`);
await hs.locator('.bar-pct').first().waitFor();
await shot(hs, '22-screen-1366-hostile-text', true);
const hfac = await page(1366, 900);
await hfac.goto(`${base}/m/${hostile.code}/leiding#${hostile.facilitatorToken}`);
await hfac.locator('.msg').first().waitFor();
await shot(hfac, '23-facilitator-hostile-text', true);

await browser.close();
for (const p of people) p.socket.disconnect();
f.disconnect();
hf.disconnect();
process.exit(0);
