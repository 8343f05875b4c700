/**
 * Screenshots of the break-out and board views for a human to look at:
 * `npx tsx scripts/look-boards.ts [baseUrl] [outDir]` against a running server.
 * Creates a meeting with the seed's four break-out questions, joins participants over the API,
 * fills boards through sockets, then shoots the participant, facilitator and synthesis views.
 */
import fs from 'node:fs';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { newId } from '../shared/domain/ids';
import { launchBrowser } from '../tests/helpers/browser';

const base = process.argv[2] ?? 'http://localhost:3201';
const out = process.argv[3] ?? '.tmp/boards';
fs.mkdirSync(out, { recursive: true });

const post = async (p: string, body: unknown) => {
  const r = await fetch(`${base}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return r.json() as Promise<unknown>;
};
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
})) as {
  id: string;
  code: string;
  facilitatorToken: string;
  links: { participant: string; facilitator: string };
};
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
    questions: [
      'Wat kunnen koplopers betekenen voor de aardgasvrije transitie?',
      'Hoe leggen ze verbindingen met de bredere buurt?',
      'Hoe werken koplopers en betrokken instituties samen?',
      'Wat zou hierin beter of anders moeten?',
    ],
    rooms: { by: 'count', count: 3 },
    assignment: 'mixed',
    timeboxMinutes: 25,
    seeOtherRooms: false,
    participantsCluster: true,
    colourBy: 'choice',
  },
});
const orgs = ['bewonersinitiatief', 'gemeente', 'rijk', 'maatschappelijke_organisatie'];
const names = ['Ann', 'Bert', 'Carla', 'Dirk', 'Esra', 'Fleur', 'Gijs', 'Hanna', 'Ilse'];
const people: { name: string; token: string; socket: Socket }[] = [];
for (const [i, name] of names.entries()) {
  const j = (await post('/api/join', { code: meeting.code, name, orgType: orgs[i % 4] })) as {
    token: string;
  };
  people.push({ name, token: j.token, socket: await connect(meeting.code, j.token) });
}
await ok(fac, 'activity:open', { id: activityId });
const snap = await ok<{
  breakouts: { boards: { id: string; roomId: string; questionIndex: number }[] }[];
  placements: { roomId: string }[];
}>(people[0]!.socket, 'session:sync');
const texts = [
  'Andere rollen kunnen net zozeer koploper zijn: ambtenaren, bestuurders, ondernemers.',
  'Koplopers hoeven geen personen te zijn. Denk aan de voetbalclub.',
  'Ze laten zien dát en hóe het kan.',
  'Ze jagen de transitie aan.',
  'Niet per se representatief voor de buurt.',
  'Kennen de buurt als geen ander.',
  'Instituties moeten veranderen richting bewoners, niet andersom.',
  'Minder angst voor precedentwerking.',
  'Publieke waarde is niet vanzelf.',
];
const colours = ['geel', 'oranje', 'roze', 'paars', 'blauw', 'groen', 'grijs'];
// Each person's row in their room: post-its side by side, never on top of each other.
const rows = new Map<string, number>();
for (const [i, p] of people.entries()) {
  const s = await ok<{ placements: { roomId: string }[] }>(p.socket, 'session:sync');
  const roomId = s.placements[0]!.roomId;
  const row = rows.get(roomId) ?? 0;
  rows.set(roomId, row + 1);
  const board = snap.breakouts[0]!.boards.find((b) => b.roomId === roomId && b.questionIndex === 0)!;
  for (let k = 0; k < 2; k++) {
    await ok(p.socket, 'note:create', {
      id: newId(),
      boardId: board.id,
      text: texts[(i + k * 4) % texts.length],
      colour: colours[(i + k) % colours.length],
      x: 40 + k * 200,
      y: 40 + row * 140,
    });
  }
}

const browser = await launchBrowser();
const shot = async (page: import('playwright-core').Page, name: string, full = false) => {
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: full });
  console.log('shot', name);
};
const ann = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
await ann.goto(meeting.links.participant);
await ann.evaluate(
  ([code, token]) =>
    localStorage.setItem(`oogst:p:${code}`, JSON.stringify({ token, participantId: '', name: 'Ann' })),
  [meeting.code, people[0]!.token],
);
await ann.reload();
await ann.getByText(/Je zit in Kamer/).waitFor();
await ann.locator('.note').first().waitFor();
await shot(ann, '01-participant-board', true);
await ann.getByRole('button', { name: 'Lijst' }).first().click();
await shot(ann, '02-participant-list', true);
await ann.getByRole('button', { name: 'Bord' }).first().click();
await ann.getByRole('button', { name: '+ Post-it toevoegen' }).click();
await ann.getByLabel('Tekst').fill('Koplopers hebben ondersteuning nodig om de buurt te betrekken.');
await ann.getByRole('radio', { name: 'roze' }).check();
await shot(ann, '03-note-dialog');
await ann.getByRole('button', { name: 'Opslaan' }).click();

// Dot voting on Ann's room board: the vote buttons, the counter, some votes in the room.
const annRoom = (await ok<{ placements: { roomId: string }[] }>(people[0]!.socket, 'session:sync'))
  .placements[0]!.roomId;
const votingBoard = snap.breakouts[0]!.boards.find((b) => b.roomId === annRoom && b.questionIndex === 0)!;
await ok(fac, 'board:voting', { boardId: votingBoard.id, open: true, limit: 3 });
await ann.getByText(/Je hebt nog 3 van 3 stemmen/).waitFor();
await ann
  .getByRole('button', { name: /^Stem op „/ })
  .first()
  .click();
await ann.getByText(/Je hebt nog 2 van 3 stemmen/).waitFor();
await ann
  .getByRole('button', { name: /^Stem op „/ })
  .first()
  .click();
await ann.getByText(/Je hebt nog 1 van 3 stemmen/).waitFor();
await ann.getByRole('heading', { name: /Wat kunnen koplopers/ }).scrollIntoViewIfNeeded();
await shot(ann, '08-voting-board');
const roomNotes = (
  await ok<{ notes: { id: string }[] }>(people[0]!.socket, 'board:sync', { boardId: votingBoard.id })
).notes;
for (const p of people.slice(1)) {
  const s = await ok<{ placements: { roomId: string }[] }>(p.socket, 'session:sync');
  if (s.placements[0]!.roomId !== annRoom) continue;
  await ok(p.socket, 'vote:cast', { id: newId(), noteId: roomNotes[0]!.id });
}

const phone = await (
  await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
).newPage();
await phone.goto(meeting.links.participant);
await phone.evaluate(
  ([code, token]) =>
    localStorage.setItem(`oogst:p:${code}`, JSON.stringify({ token, participantId: '', name: 'Bert' })),
  [meeting.code, people[1]!.token],
);
await phone.reload();
await phone.locator('.board-list__note').first().waitFor();
await phone
  .locator('.board-list')
  .first()
  .evaluate((el) => el.scrollIntoView());
await shot(phone, '07-phone-list');
await phone.getByRole('button', { name: 'Bord' }).first().click();
await phone.locator('.note').first().waitFor();
await phone
  .locator('.board__zoom')
  .first()
  .evaluate((el) => el.scrollIntoView());
await shot(phone, '07b-phone-board');
await phone.getByRole('button', { name: 'Lijst' }).first().click();

const facPage = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
await facPage.goto(`${base}/m/${meeting.code}/leiding#${meeting.facilitatorToken}`);
await facPage.getByText('Kamer 1').first().waitFor();
await shot(facPage, '04-facilitator-console', true);
await facPage.getByRole('button', { name: 'Kamer 1 bekijken: borden en chat' }).click();
await facPage.locator('.note').first().waitFor();
await shot(facPage, '05-facilitator-room');
await facPage.getByRole('button', { name: 'Sluiten' }).first().click();
await ok(fac, 'activity:close', { id: activityId });
await ok(fac, 'breakout:synthesis', { activityId });
await facPage.getByRole('button', { name: 'Alle kamers samen bekijken' }).click();
await facPage.locator('.note').first().waitFor();
await shot(facPage, '06-synthesis');
await facPage.getByRole('dialog').getByRole('button', { name: 'Alles in beeld' }).click();
await shot(facPage, '06a-synthesis-all');
// The synthesis keeps the room votes: per room and summed, also in the list.
await facPage.getByRole('dialog').getByRole('button', { name: 'Lijst' }).click();
await shot(facPage, '06b-synthesis-list');
await facPage.getByRole('dialog').getByRole('button', { name: 'Bord', exact: true }).click();
const synBoard = (
  await ok<{ breakouts: { boards: { id: string; roomId: string | null; questionIndex: number }[] }[] }>(
    fac,
    'session:sync',
  )
).breakouts[0]!.boards.find((b) => b.roomId === null && b.questionIndex === 0)!;
await ok(fac, 'board:voting', { boardId: synBoard.id, open: true, revealed: true, limit: 3 });
await phone
  .getByText(/Je hebt nog 3 van 3 stemmen/)
  .first()
  .waitFor();
await phone
  .getByRole('button', { name: /^Stem op „/ })
  .first()
  .click();
await phone
  .getByText(/Je hebt nog 2 van 3 stemmen/)
  .first()
  .waitFor();
await phone
  .locator('.board__voting')
  .first()
  .evaluate((el) => el.scrollIntoView());
await shot(phone, '09-phone-synthesis-voting');
await browser.close();
for (const p of people) p.socket.disconnect();
fac.disconnect();
