/**
 * Screenshots of the verslag views for a human to look at:
 * `npx tsx scripts/look-report.ts [baseUrl] [outDir]`. Builds a meeting like seed 000 over the API,
 * then shoots the secretary's editor (after typing and a harvest), the facilitator's, a
 * participant's live reading view, and downloads each export.
 */
import fs from 'node:fs';
import path from 'node:path';
import { io } from 'socket.io-client';
import { DEMO_INSIGHTS, DEMO_QUESTIONS } from '../server/demo/data';
import { DEFAULT_SCALE_LEVELS, DEFAULT_SCALE_QUESTION } from '../shared/domain/activities';
import { newId } from '../shared/domain/ids';
import { launchBrowser } from '../tests/helpers/browser';

const base = process.argv[2] ?? 'http://localhost:3202';
const out = process.argv[3] ?? '.tmp/report-shots';
fs.mkdirSync(out, { recursive: true });

const post = async (p: string, body: unknown) => {
  const r = await fetch(`${base}${p}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return r.json();
};
const m = await post('/api/meetings', {
  title: 'Begeleidingsgroep participatie in aardgasvrije wijken',
  date: '2021-03-31',
});
const fac = io(base, {
  auth: { code: m.code, token: m.facilitatorToken },
  transports: ['websocket'],
  forceNew: true,
});
await new Promise<void>((r) => fac.once('connect', () => r()));
const ack = (ev: string, payload: unknown) => fac.timeout(5000).emitWithAck(ev, payload);
const items: Record<string, string> = {};
for (const title of [
  'Inleiding',
  'Gezamenlijke plaatsbepaling',
  'Update van het Programma Aardgasvrije Wijken',
  'Update OFL',
  'Verdieping Koplopers en lokaal eigendom',
  'Afsluiting',
]) {
  items[title] = newId();
  await ack('agenda:add', { id: items[title], title });
}
const pollId = newId();
await ack('activity:create', {
  id: pollId,
  agendaItemId: items['Gezamenlijke plaatsbepaling'],
  anonymous: false,
  spec: { kind: 'scale', question: DEFAULT_SCALE_QUESTION, levels: [...DEFAULT_SCALE_LEVELS] },
});
await ack('activity:open', { id: pollId });
const answers: [number, string][] = [
  [0, 'De dialoog, in de begeleidingsgroep en in het land, is goed, maar het zijn bubbels.'],
  [
    1,
    'Het woord ‘participatie’ is in deze context lastig omdat al besloten is dat er aardgasvrije wijken komen.',
  ],
  [
    2,
    'Bij gemeenten neemt het besef toe dat een ambtenaar die aan de energietransitie werkt, samenwerkt met andere transities.',
  ],
  [3, 'Het gesprek gaat van wijk naar straat naar woning (maar zonder passend aanbod).'],
];
for (const [i, [level, note]] of answers.entries()) {
  const j = await post('/api/join', { code: m.code, name: `Deelnemer ${i + 1}` });
  const s = io(base, { auth: { code: m.code, token: j.token }, transports: ['websocket'], forceNew: true });
  await new Promise<void>((r) => s.once('connect', () => r()));
  await s
    .timeout(5000)
    .emitWithAck('response:submit', { id: newId(), activityId: pollId, value: { level }, note });
  s.disconnect();
}
await ack('activity:close', { id: pollId });
await ack('activity:reveal', { id: pollId });

// Seed 000's break-outs: two rooms, the insights as post-its (one of question 2 left out of every
// theme), the synthesis clustered into the seed's themes, two votes revealed.
const ok = async <T>(sock: ReturnType<typeof io>, ev: string, payload: unknown): Promise<T> => {
  const r = await sock.timeout(5000).emitWithAck(ev, payload);
  if (!r.ok) throw new Error(`${ev}: ${r.message}`);
  return r.data as T;
};
type Snap = {
  breakouts: { activityId: string; boards: { id: string; roomId: string | null; questionIndex: number }[] }[];
  placements: { activityId: string; roomId: string }[];
};
const members = await Promise.all(
  ['Ans', 'Bram', 'Carmen', 'Dirk'].map(async (name) => {
    const j = await post('/api/join', { code: m.code, name });
    const s = io(base, { auth: { code: m.code, token: j.token }, transports: ['websocket'], forceNew: true });
    await new Promise<void>((r) => s.once('connect', () => r()));
    return s;
  }),
);
const boId = newId();
await ok(fac, 'activity:create', {
  id: boId,
  agendaItemId: items['Verdieping Koplopers en lokaal eigendom'],
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
await ok(fac, 'activity:open', { id: boId });
const roomOf = await Promise.all(
  members.map(
    async (s) =>
      (await ok<Snap>(s, 'session:sync', {})).placements.find((x) => x.activityId === boId)!.roomId,
  ),
);
const boards = (await ok<Snap>(fac, 'session:sync', {})).breakouts.find((b) => b.activityId === boId)!.boards;
const boardOf = (i: number, q: number) =>
  boards.find((b) => b.roomId === roomOf[i] && b.questionIndex === q)!.id;
let k = 0;
for (const insight of DEMO_INSIGHTS) {
  for (const text of insight.notes) {
    const i = k % members.length;
    await ok(members[i]!, 'note:create', {
      id: newId(),
      boardId: boardOf(i, insight.question),
      text,
      colour: 'geel',
      x: 40 + (k % 3) * 200,
      y: 80,
    });
    k += 1;
  }
}
await ok(members[0]!, 'note:create', {
  id: newId(),
  boardId: boardOf(0, 1),
  text: 'Vraag de buurt zelf wat zij nodig heeft.',
  colour: 'groen',
  x: 40,
  y: 500,
});
await ok(fac, 'activity:close', { id: boId });
await ok(fac, 'breakout:synthesis', { activityId: boId });
const synth = (await ok<Snap>(fac, 'session:sync', {})).breakouts
  .find((b) => b.activityId === boId)!
  .boards.filter((b) => b.roomId === null);
for (const insight of DEMO_INSIGHTS) {
  const board = synth.find((b) => b.questionIndex === insight.question)!;
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
const q1 = synth.find((b) => b.questionIndex === 0)!;
const q1notes = await ok<{ notes: { id: string; text: string }[] }>(fac, 'board:sync', { boardId: q1.id });
await ok(fac, 'board:voting', { boardId: q1.id, open: true });
for (const sock of members.slice(0, 2)) {
  await ok(sock, 'board:sync', { boardId: q1.id });
  await ok(sock, 'vote:cast', {
    id: newId(),
    noteId: q1notes.notes.find((n) => n.text === DEMO_INSIGHTS[0]!.notes[0])!.id,
  });
}
await ok(fac, 'board:voting', { boardId: q1.id, open: false, revealed: true });
for (const sock of members) sock.disconnect();

const browser = await launchBrowser();
const shot = async (page: import('playwright-core').Page, name: string, full = true) => {
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: full });
  console.log('shot', name);
};
const sec = await (
  await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'nl-NL' })
).newPage();
await sec.goto(m.links.secretary);
await sec.getByRole('textbox', { name: 'Verslag' }).waitFor();
await shot(sec, '01-secretary-template');
// [REPORT6] The break-out harvested before anyone clicked into the text: under its agenda heading.
await sec.getByRole('button', { name: /^In verslag zetten.*Wat kunnen koplopers/ }).click();
const verdieping = sec
  .getByRole('textbox', { name: 'Verslag' })
  .locator('h2', { hasText: 'Verdieping Koplopers' });
await sec.getByRole('textbox', { name: 'Verslag' }).locator('h4').first().waitFor();
await shot(sec, '01b-secretary-breakout-harvest-no-cursor');
await verdieping.scrollIntoViewIfNeeded();
await shot(sec, '01c-secretary-breakout-section', false);
// Type under "Inleiding"
await sec.getByRole('textbox', { name: 'Verslag' }).locator('h2', { hasText: 'Inleiding' }).click();
await sec.keyboard.press('End');
await sec.keyboard.press('ArrowDown');
await sec.keyboard.type('Op 31 maart 2021 kwam de begeleidingsgroep bijeen in een online bijeenkomst. ');
await sec.keyboard.press('Control+b');
await sec.keyboard.type('Dit was de eerste bijeenkomst in 2021.');
await sec.keyboard.press('Control+b');
// Put the cursor in the section of the poll and harvest
await sec
  .getByRole('textbox', { name: 'Verslag' })
  .locator('h2', { hasText: 'Gezamenlijke plaatsbepaling' })
  .click();
await sec.keyboard.press('End');
await sec.keyboard.press('ArrowDown');
await sec
  .getByRole('button', { name: /^In verslag zetten/ })
  .first()
  .click();
await sec.waitForTimeout(300);
await shot(sec, '02-secretary-harvested');
const facPage = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
await facPage.goto(`${base}/m/${m.code}/leiding#${m.facilitatorToken}`);
await facPage.getByRole('link', { name: 'Verslag schrijven' }).waitFor();
await facPage.goto(`${base}/m/${m.code}/leiding/verslag`);
await facPage.getByRole('textbox', { name: 'Verslag' }).waitFor();
await facPage.getByRole('textbox', { name: 'Verslag' }).locator('h2', { hasText: 'Update OFL' }).click();
await facPage.keyboard.press('End');
await facPage.keyboard.press('ArrowDown');
await facPage.keyboard.type('Het OFL heeft als rol om signalen af te geven.');
await sec.waitForTimeout(500);
await shot(sec, '03-secretary-sees-facilitator', false);
const part = await (await browser.newContext({ viewport: { width: 420, height: 900 } })).newPage();
const j = await post('/api/join', { code: m.code, name: 'Lezer' });
await part.goto(`${base}/m/${m.code}`);
await part.evaluate(
  ([code, token, id]) =>
    localStorage.setItem(`oogst:p:${code}`, JSON.stringify({ token, participantId: id, name: 'Lezer' })),
  [m.code, j.token, j.participant.id],
);
await part.goto(`${base}/m/${m.code}`);
await part.getByText('Verslag meelezen').click();
await part.getByText('Gezamenlijke plaatsbepaling').first().waitFor();
await shot(part, '04-participant-reads');
for (const f of ['docx', 'pdf', 'md', 'html', 'csv']) {
  const r = await fetch(`${base}/api/meetings/${m.id}/export?format=${f}`, {
    headers: { authorization: `Bearer ${m.secretaryToken}` },
  });
  fs.writeFileSync(path.join(out, `verslag.${f}`), Buffer.from(await r.arrayBuffer()));
}
await browser.close();
fac.disconnect();
console.log('done', m.links.secretary);
process.exit(0);
