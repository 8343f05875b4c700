import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_INSIGHTS, DEMO_QUESTIONS } from '../../server/demo/data';
import type { Results } from '../../shared/domain/activities';
import { newId } from '../../shared/domain/ids';
import type { ActivityView } from '../../shared/domain/types';
import { blocksToDoc } from '../../shared/report/document';
import { harvest } from '../../shared/report/registry';
import { insertUnderItem, readReport, reportFragment } from '../../shared/report/ydoc';
import { breakoutOf, note, openBreakout } from '../helpers/boards';
import { openScalePoll } from '../helpers/fixtures';
import { hasPoppler, pdfInfo, readDocx } from '../helpers/parse';
import { eventually, ok, startServer, type TestServer, type TestSocket } from '../helpers/server';
import { yClient } from '../helpers/yjs';

/** The sections of seed 000 (`shared/seeds/000_…txt`), in order, as its headings read. */
const SEED_SECTIONS = [
  'Inleiding',
  'Gezamenlijke plaatsbepaling',
  'Update van het Programma Aardgasvrije Wijken',
  'Update OFL',
  'Verdieping Koplopers en lokaal eigendom',
  'Signaleren van nieuwe praktijken',
  'Afsluiting',
];

/** The seed's remarks on the scale, with the level the seed put them under (0–3). */
const SEED_REMARKS: [number, string][] = [
  [
    0,
    'De dialoog, in de begeleidingsgroep en in het land, is goed, maar het zijn bubbels. Het moet een maatschappelijk gedragen gesprek worden om de samenlevingstransitie voor iedereen voor elkaar te krijgen.',
  ],
  [
    0,
    'Het woord ‘participatie’ is in deze context lastig omdat al besloten is dat er aardgasvrije wijken komen.',
  ],
  [
    1,
    'Zolang men zegt ‘vanaf nu mag aardgasvrij niet meer’ zonder duidelijk te maken wat dan wel, kun je niet op participatie rekenen.',
  ],
  [
    1,
    'Commerciële bedrijven zien een burger als klant waar ze facturen naar kunnen sturen, en niet als participant.',
  ],
  [
    2,
    'Bij gemeenten neemt het besef toe dat een ambtenaar die aan de energietransitie werkt, samenwerkt met andere transities in dat gebied. Corona maakt dat extra lastig.',
  ],
  [2, 'Er is kritiek op het PAW dat er te weinig gestructureerd geleerd werd.'],
  [2, 'Er zijn verschillende niveaus, processen en doelen van participatie.'],
  [3, 'Het gesprek gaat van wijk naar straat naar woning (maar zonder passend aanbod).'],
];

/** A post-it of question 2 left out of every theme, and the insight the group voted for most. */
const LOOSE = 'Vraag de buurt zelf wat zij nodig heeft.';
const VOTED = DEMO_INSIGHTS[0]!.notes[0]!;

/**
 * What each agenda item harvests, and the headings (Markdown) that harvest adds under the item.
 * A new kind of activity adds a step here.
 */
interface Step {
  section: string;
  create(fac: TestSocket, srv: TestServer, code: string, itemId: string): Promise<string>;
  headings: string[];
}

/** [BOARD15] Seed 000's break-outs in the verslag: per question its heading, its themes, its rest. */
const BREAKOUT_HEADINGS = DEMO_QUESTIONS.flatMap((q, i) => [
  `### ${q}`,
  ...DEMO_INSIGHTS.filter((x) => x.question === i).map((x) => `#### ${x.theme}`),
  ...(i === 1 ? ['#### Overige punten'] : []),
]);

const STEPS: Step[] = [
  {
    section: 'Gezamenlijke plaatsbepaling',
    async create(fac, srv, code, itemId) {
      const poll = await openScalePoll(fac);
      await ok(fac, 'activity:update', { id: poll.id, agendaItemId: itemId });
      for (const [i, [level, note]] of SEED_REMARKS.entries()) {
        const j = await srv.join(code, `Lid ${i + 1}`);
        const s = await srv.connect(code, j.token);
        await ok(s, 'response:submit', { id: newId(), activityId: poll.id, value: { level }, note });
        s.disconnect();
      }
      await ok(fac, 'activity:close', { id: poll.id });
      await ok(fac, 'activity:reveal', { id: poll.id });
      return poll.id;
    },
    headings: ['Helemaal niet tevreden', 'Beetje tevreden', 'Enigszins tevreden', 'Zeer tevreden'].map(
      (h) => `### ${h}`,
    ),
  },
  {
    // The break-outs of "Verdieping Koplopers en lokaal eigendom": the seed's four questions, two
    // rooms, the seed's insights as post-its, the synthesis clustered into the seed's themes.
    section: 'Verdieping Koplopers en lokaal eigendom',
    async create(fac, srv, code, itemId) {
      const people = await Promise.all(
        ['Ans', 'Bram', 'Carmen', 'Dirk'].map(async (name) => {
          const j = await srv.join(code, name);
          return srv.connect(code, j.token);
        }),
      );
      const a = await openBreakout(fac, { questions: DEMO_QUESTIONS, rooms: { by: 'count', count: 2 } });
      await ok(fac, 'activity:update', { id: a.id, agendaItemId: itemId });
      const placed = await Promise.all(people.map(async (s) => ({ s, ...(await breakoutOf(s, a.id)) })));
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
      const q2 = placed[0]!.view.boards.find((b) => b.roomId === placed[0]!.roomId && b.questionIndex === 1)!;
      await ok(placed[0]!.s, 'note:create', note(q2.id, LOOSE, { x: 40, y: 400 }));
      await ok(fac, 'breakout:synthesis', { activityId: a.id });
      const { view } = await breakoutOf(fac, a.id);
      for (const insight of DEMO_INSIGHTS) {
        const board = view.boards.find((b) => b.roomId === null && b.questionIndex === insight.question)!;
        const state = await ok(fac, 'board:sync', { boardId: board.id });
        await ok(fac, 'theme:create', {
          id: newId(),
          boardId: board.id,
          heading: insight.theme,
          x: 40,
          y: 40 + state.themes.length * 300,
          noteIds: state.notes.filter((n) => insight.notes.includes(n.text)).map((n) => n.id),
        });
      }
      // Two votes on one insight of question 1, on the synthesis.
      const syn = view.boards.find((b) => b.roomId === null && b.questionIndex === 0)!;
      const voted = (await ok(fac, 'board:sync', { boardId: syn.id })).notes.find((n) => n.text === VOTED)!;
      await ok(fac, 'board:voting', { boardId: syn.id, open: true });
      for (const s of people.slice(0, 2)) {
        await ok(s, 'board:sync', { boardId: syn.id });
        await ok(s, 'vote:cast', { id: newId(), noteId: voted.id });
      }
      await ok(fac, 'activity:close', { id: a.id });
      for (const s of people) s.disconnect();
      return a.id;
    },
    headings: BREAKOUT_HEADINGS,
  },
];

let srv: TestServer;
afterAll(async () => srv?.close());

describe('the verslag of the reference meeting (seed 000)', () => {
  it("[REPORT3][REPORT5][REPORT10] a meeting like seed 000, harvested, exports Markdown with the seed's section structure", async () => {
    srv = await startServer();
    const m = await srv.createMeeting('Begeleidingsgroep participatie in aardgasvrije wijken', '2021-03-31');
    const fac = await srv.connect(m.code, m.facilitatorToken);
    const items = new Map<string, string>();
    for (const title of SEED_SECTIONS) {
      items.set(title, newId());
      await ok(fac, 'agenda:add', { id: items.get(title)!, title });
    }
    const activityIds = new Map<string, string>();
    for (const step of STEPS) {
      activityIds.set(step.section, await step.create(fac, srv, m.code, items.get(step.section)!));
    }

    // The secretary opens the verslag (the template) and harvests each activity under its section,
    // the way the editor's button does: the registry's blocks, inserted as text.
    const sec = yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'Notulist', color: '#000' } });
    await sec.synced();
    await eventually(() => reportFragment(sec.doc).length > 0);
    const res = await fetch(`${srv.url}/api/meetings/${m.id}/results`, {
      headers: { authorization: `Bearer ${m.secretaryToken}` },
    });
    const { activities } = (await res.json()) as {
      activities: { activity: ActivityView; results: Results }[];
    };
    for (const step of STEPS) {
      const found = activities.find((a) => a.activity.id === activityIds.get(step.section))!;
      insertUnderItem(sec.doc, step.section, blocksToDoc(harvest(found.activity, found.results, 'nl')));
    }
    const room = srv.app.ctx.collab.loaded(m.id)!;
    await eventually(() => readReport(room.doc).length === readReport(sec.doc).length);

    const md = await (
      await fetch(`${srv.url}/api/meetings/${m.id}/export?format=md`, {
        headers: { authorization: `Bearer ${m.secretaryToken}` },
      })
    ).text();
    const headings = md.split('\n').filter((l) => /^#{1,4} /.test(l));
    expect(headings[0]).toBe('# Verslag Begeleidingsgroep participatie in aardgasvrije wijken');
    expect(headings.filter((h) => h.startsWith('## '))).toEqual(SEED_SECTIONS.map((s) => `## ${s}`));
    // Under each section, the headings its harvest brings, in order.
    const expected = ['# Verslag Begeleidingsgroep participatie in aardgasvrije wijken'];
    for (const s of SEED_SECTIONS) {
      expected.push(`## ${s}`);
      expected.push(...(STEPS.find((x) => x.section === s)?.headings ?? []));
    }
    expect(headings).toEqual(expected);
    // Each remark of the seed is a bullet, once, under the heading of its level.
    const sectionOf = (line: number) => {
      const before = md
        .split('\n')
        .slice(0, line)
        .filter((l) => l.startsWith('### '));
      return before[before.length - 1]?.slice(4);
    };
    const lines = md.split('\n');
    for (const [level, remark] of SEED_REMARKS) {
      const at = lines.indexOf(`- ${remark}`);
      expect(at, remark).toBeGreaterThan(0);
      expect(lines.filter((l) => l === `- ${remark}`)).toHaveLength(1);
      expect(`### ${sectionOf(at)}`).toBe(STEPS[0]!.headings[level]);
    }
    expect(md).toContain(
      'Op de vraag “Hoe tevreden bent u over de stand van participatie in de aardgasvrije transitie?” gaven 8 deelnemers antwoord:',
    );
    expect(md).toContain('- Enigszins tevreden: 3');
    expect(md).toContain('## Afsluiting\n\nDe volgende bijeenkomst is op …');
    // The break-outs read like seed 000: the questions, the overview line, each theme with its
    // insights as bullets.
    const verdieping = md.slice(md.indexOf('## Verdieping'), md.indexOf('## Signaleren'));
    for (const q of DEMO_QUESTIONS) expect(verdieping).toContain(`“${q}”`);
    expect(verdieping).toContain(
      'Hieronder een overzicht van belangrijke inzichten uit de verschillende gesprekken:',
    );
    const bulletsUnder = (heading: string) => {
      const at = lines.indexOf(heading);
      expect(at, heading).toBeGreaterThan(0);
      const bullets = lines.slice(at + 1).filter((l) => l.startsWith('- ') || l.startsWith('#'));
      return bullets.slice(
        0,
        bullets.findIndex((l) => l.startsWith('#')),
      );
    };
    for (const insight of DEMO_INSIGHTS) {
      const votes = (n: string) => (n === VOTED ? `${n} (2 stemmen)` : n);
      expect(bulletsUnder(`#### ${insight.theme}`).sort()).toEqual(
        insight.notes.map((n) => `- ${votes(n)}`).sort(),
      );
    }
    // The most voted first, with its votes; question 2's post-it in no theme under question 2.
    expect(bulletsUnder(`#### ${DEMO_INSIGHTS[0]!.theme}`)[0]).toBe(`- ${VOTED} (2 stemmen)`);
    const q2 = verdieping.slice(verdieping.indexOf(`### ${DEMO_QUESTIONS[1]}`));
    expect(q2.slice(0, q2.indexOf(`### ${DEMO_QUESTIONS[2]}`))).toContain(
      `#### Overige punten\n\n- ${LOOSE}`,
    );

    // [REPORT10] Every export has the same nesting: HTML, DOCX and PDF headings at the same levels.
    const get = async (format: string) =>
      fetch(`${srv.url}/api/meetings/${m.id}/export?format=${format}`, {
        headers: { authorization: `Bearer ${m.secretaryToken}` },
      });
    const levels = headings.map((h) => [h.indexOf(' '), h.slice(h.indexOf(' ') + 1)] as const);
    const html = await (await get('html')).text();
    const fromHtml = (t: string) =>
      t
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    expect(
      [...html.matchAll(/<h([1-4])[^>]*>(.*?)<\/h\1>/g)].map((x) => [Number(x[1]), fromHtml(x[2]!)]),
    ).toEqual(levels);
    const docx = readDocx(Buffer.from(await (await get('docx')).arrayBuffer()));
    expect(
      docx.paragraphs
        .filter((p) => p.style?.startsWith('Heading'))
        .map((p) => [Number(p.style!.slice(7)), p.text]),
    ).toEqual(levels);
    if (hasPoppler) {
      const { struct } = pdfInfo(Buffer.from(await (await get('pdf')).arrayBuffer()));
      const tagged = [...struct.matchAll(/^\s*H([1-4]) \(block\)\n((?:\s*".*"\n)+)/gm)].map((x) =>
        Number(x[1]),
      );
      expect(tagged).toEqual(levels.map(([l]) => l));
    }
    sec.destroy();
    fac.disconnect();
  });
});
