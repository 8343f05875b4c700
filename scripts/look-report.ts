/**
 * Screenshots of the verslag views for a human to look at:
 * `npx tsx scripts/look-report.ts [baseUrl] [outDir]`. Builds a meeting like seed 000 over the API,
 * then shoots the secretary's editor (after typing and a harvest), the facilitator's, a
 * participant's live reading view, and downloads each export.
 */
import fs from 'node:fs';
import path from 'node:path';
import { io } from 'socket.io-client';
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
