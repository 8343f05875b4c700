import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { type BrowserKit, expectNoAxeViolations, hasBrowser, openBrowser, tabTo } from './helpers';

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

interface Focused {
  body: boolean;
  role: string;
  name: string;
}

/** What has keyboard focus: its role (explicit, or what the tag implies) and accessible name. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || !el.isConnected) return { body: true, role: '', name: '' };
    const tag = el.tagName.toLowerCase();
    const type = (el as HTMLInputElement).type;
    const implicit: Record<string, string> = {
      a: 'link',
      button: 'button',
      textarea: 'textbox',
      select: 'combobox',
      summary: 'summary',
      main: 'main',
      h1: 'heading',
      h2: 'heading',
      h3: 'heading',
      h4: 'heading',
      h5: 'heading',
    };
    const role =
      el.getAttribute('role') ??
      (tag === 'input'
        ? type === 'radio'
          ? 'radio'
          : type === 'checkbox'
            ? 'checkbox'
            : ['button', 'submit'].includes(type)
              ? 'button'
              : 'textbox'
        : (implicit[tag] ?? tag));
    // Text as a screen reader gets it: without what is aria-hidden.
    const text = (node: Node): string =>
      node.nodeType === Node.TEXT_NODE
        ? (node.textContent ?? '')
        : node instanceof Element && node.getAttribute('aria-hidden') === 'true'
          ? ''
          : Array.from(node.childNodes).map(text).join('');
    const labelled = el.getAttribute('aria-labelledby');
    const labels = (el as HTMLInputElement).labels;
    const name = (
      el.getAttribute('aria-label') ??
      (labelled
        ? labelled
            .split(' ')
            .map((id) => {
              const ref = document.getElementById(id);
              return ref ? text(ref) : '';
            })
            .join(' ')
        : null) ??
      (labels && labels.length > 0 ? Array.from(labels).map(text).join(' ') : null) ??
      text(el)
    )
      .replace(/\s+/g, ' ')
      .trim();
    return { body: false, role, name };
  });
}

/**
 * [A11Y1] After an action, focus is on a sensible element — never on <body> — and, where the
 * action says where it goes, on that one (waits for it: focus may move on the next frame).
 */
async function expectFocus(page: Page, after: string, want: { role: string; name: RegExp }) {
  await expect
    .poll(
      async () => {
        const f = await focused(page);
        return f.body ? 'BODY' : `${f.role}: ${f.name}`;
      },
      { message: `focus after ${after}` },
    )
    .toMatch(new RegExp(`^${want.role}: ${want.name.source}`));
}

/**
 * One meeting walked through by keyboard, in three steps that follow each other (they share the
 * pages): after every action focus is asserted, never <body>.
 */
describe.runIf(hasBrowser)('keyboard focus after every action (facilitator, participant, secretary)', () => {
  let fac: Page;
  let ann: Page;
  let secretaryLink = '';

  it('[A11Y1] the facilitator makes a poll and a participant answers it, by keyboard: focus goes to the new form, the new activity, the saved message', async () => {
    // The facilitator, on a laptop.
    fac = await kit.page({ width: 1280, height: 900 });
    await fac.goto(srv.url);
    await tabTo(fac, { role: 'textbox', name: 'Naam van de bijeenkomst' });
    await fac.keyboard.type('Toetsenbord van begin tot eind');
    await fac.keyboard.press('Enter');
    await expectFocus(fac, 'making the meeting', { role: 'heading', name: /De bijeenkomst is klaar/ });
    const link = await fac.getByLabel('Link voor deelnemers').inputValue();
    secretaryLink = await fac.getByLabel('Link voor de verslaglegger (geheim)').inputValue();
    await tabTo(fac, { role: 'link', name: 'Naar de bijeenkomst als gespreksleider' });
    // A link to another page: the new page starts at the top, as every page load does.
    await fac.keyboard.press('Enter');
    await fac.getByRole('heading', { name: 'Agenda', exact: true }).waitFor();

    await tabTo(fac, { role: 'summary', name: 'Agendapunt toevoegen' });
    await fac.keyboard.press('Enter');
    await expectFocus(fac, 'opening "Agendapunt toevoegen"', {
      role: 'summary',
      name: /Agendapunt toevoegen/,
    });
    await tabTo(fac, { role: 'textbox', name: 'Titel' });
    await fac.keyboard.type('Waar staan we?');
    await fac.keyboard.press('Enter');
    await fac.getByRole('heading', { name: /Waar staan we\?/ }).waitFor();
    await expectFocus(fac, 'adding an agenda item', { role: 'textbox', name: /Titel/ });

    // "+ Peiling": the new form's first field.
    await tabTo(fac, { role: 'button', name: '+ Peiling bij Waar staan we?' }, 80, true);
    await fac.keyboard.press('Enter');
    await expectFocus(fac, '"+ Peiling"', { role: 'textbox', name: /Vraag$/ });
    await fac.keyboard.press('ControlOrMeta+A');
    await fac.keyboard.type('Hoe tevreden ben je over de samenwerking?');
    await expectNoAxeViolations(fac, 'facilitator with a new poll form');
    await tabTo(fac, { role: 'button', name: 'Peiling maken' });
    await fac.keyboard.press('Enter');
    // "Peiling maken": the new activity's heading.
    await expectFocus(fac, '"Peiling maken"', {
      role: 'heading',
      name: /Peiling Hoe tevreden ben je over de samenwerking\?/,
    });
    await tabTo(fac, { role: 'button', name: 'Openen' });
    await fac.keyboard.press('Enter');
    await expectFocus(fac, '"Openen"', { role: 'button', name: /Sluiten/ });

    // A participant, on a phone: joins, answers by keyboard, saves.
    ann = await kit.page({ width: 390, height: 844 });
    await ann.goto(link);
    await tabTo(ann, { role: 'textbox', name: 'Je naam' });
    await ann.keyboard.type('Ann');
    await ann.keyboard.press('Enter');
    await ann.getByText('Je doet mee als Ann.').waitFor();
    await expectFocus(ann, 'joining', { role: 'main', name: /.*Je doet mee als Ann/ });
    await tabTo(ann, { role: 'radio', name: /tevreden/ });
    await ann.keyboard.press('ArrowDown');
    await ann.keyboard.press('ArrowDown');
    await expectFocus(ann, 'choosing a level', { role: 'radio', name: /Redelijk tevreden/ });
    await tabTo(ann, { role: 'textbox', name: 'Toelichting (niet verplicht)' });
    await ann.keyboard.type('We praten veel, maar besluiten weinig.');
    await tabTo(ann, { role: 'button', name: 'Antwoord opslaan' });
    await ann.keyboard.press('Enter');
    // "Antwoord opslaan": the message that says it is saved.
    await expectFocus(ann, '"Antwoord opslaan"', { role: 'status', name: /Je antwoord is opgeslagen\./ });
    await expectNoAxeViolations(ann, 'participant on a phone after saving');
    // Taking the answer back: the message says so (the button is gone); answering again works.
    await tabTo(ann, { role: 'button', name: 'Antwoord intrekken' }, 20, true);
    await ann.keyboard.press('Enter');
    await expectFocus(ann, '"Antwoord intrekken"', { role: 'status', name: /Je antwoord is ingetrokken\./ });
    await tabTo(ann, { role: 'radio', name: /tevreden/ }, 40, true);
    await ann.keyboard.press('ArrowDown');
    await tabTo(ann, { role: 'button', name: 'Antwoord opslaan' });
    await ann.keyboard.press('Enter');
    await expectFocus(ann, '"Antwoord opslaan" again', {
      role: 'status',
      name: /Je antwoord is opgeslagen\./,
    });
    expect(kit.pageErrors).toEqual([]);
  });

  it('[A11Y1][A11Y2] reveal, edit, break-outs, a post-it in full screen on a phone, a room visit: focus comes back to the opener; tabs have one name; post-it text ≥ 12 px', async () => {
    // The facilitator reveals.
    await fac.getByText('1 van 1 beantwoord').waitFor();
    await tabTo(fac, { role: 'button', name: 'Uitslag tonen aan iedereen' });
    await fac.keyboard.press('Enter');
    await expectFocus(fac, 'revealing', { role: 'button', name: /Uitslag weer verbergen/ });
    await ann.getByRole('heading', { name: 'Uitslag', exact: true }).waitFor();

    // Editing the poll and cancelling: back to "Bewerken".
    await tabTo(fac, { role: 'button', name: 'Bewerken' });
    await fac.keyboard.press('Enter');
    await expectFocus(fac, '"Bewerken"', { role: 'textbox', name: /Vraag$/ });
    await tabTo(fac, { role: 'button', name: 'Annuleren' });
    await fac.keyboard.press('Enter');
    await expectFocus(fac, '"Annuleren"', { role: 'button', name: /Bewerken/ });

    // Break-outs: "+ Break-outs", two questions, made, started.
    await tabTo(fac, { role: 'button', name: '+ Break-outs bij Waar staan we?' });
    await fac.keyboard.press('Enter');
    await expectFocus(fac, '"+ Break-outs"', { role: 'textbox', name: /Vraag 1/ });
    await fac.keyboard.type('Wat gaat goed?');
    await tabTo(fac, { role: 'button', name: 'Vraag toevoegen' });
    await fac.keyboard.press('Enter');
    await expectFocus(fac, '"Vraag toevoegen"', { role: 'textbox', name: /Vraag 2/ });
    await fac.keyboard.type('Wat kan beter?');
    await tabTo(fac, { role: 'textbox', name: 'Aantal kamers' });
    await fac.keyboard.press('ControlOrMeta+A');
    await fac.keyboard.type('1');
    await tabTo(fac, { role: 'button', name: 'Break-outs maken' });
    await fac.keyboard.press('Enter');
    await expectFocus(fac, '"Break-outs maken"', { role: 'heading', name: /Break-outs Wat gaat goed\?/ });
    await tabTo(fac, { role: 'button', name: 'Break-outs starten' });
    await fac.keyboard.press('Enter');
    await expectFocus(fac, '"Break-outs starten"', { role: 'button', name: /Break-outs beëindigen/ });

    // The participant writes a post-it by keyboard on the phone, in full screen.
    await ann.getByText('Je zit in Kamer 1.').waitFor();
    await tabTo(ann, { role: 'button', name: 'Volledig scherm' }, 120);
    await ann.keyboard.press('Enter');
    const full = ann.getByRole('dialog', { name: 'Borden van Kamer 1' });
    await full.waitFor();
    await tabTo(ann, { role: 'button', name: '+ Post-it toevoegen' }, 40);
    await ann.keyboard.press('Enter');
    await expectFocus(ann, '"Post-it toevoegen"', { role: 'textbox', name: /Tekst/ });
    await ann.keyboard.type('Korte lijnen met de gemeente.');
    await ann.keyboard.press('ControlOrMeta+Enter');
    // A phone opens the list view (BOARD17): the post-it shows there as text.
    await full.locator('.board-list__text', { hasText: 'Korte lijnen met de gemeente.' }).waitFor();
    await expectFocus(ann, 'saving the post-it', { role: 'button', name: /\+ Post-it toevoegen/ });
    // [A11Y2] The post-it's small print (colour, writer) is at least 12 px.
    const metaPx = await full
      .locator('.note__meta, .board-list__meta')
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(metaPx).toBeGreaterThanOrEqual(12);
    // [A11Y2] Each question tab has one accessible name, read once (Chromium's own tree).
    const cdp = await ann.context().newCDPSession(ann);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value: string }; name?: { value: string }; description?: { value: string } }[];
    };
    const tabs = nodes
      .filter((n) => n.role?.value === 'tab')
      .map((n) => ({ name: n.name?.value ?? '', description: n.description?.value ?? '' }));
    expect(tabs).toEqual([
      { name: 'Vraag 1: Wat gaat goed?', description: '' },
      { name: 'Vraag 2: Wat kan beter?', description: '' },
    ]);
    await expectNoAxeViolations(ann, 'participant in full screen on a phone');
    // Escape closes the full screen: back on the button that opened it.
    await ann.keyboard.press('Escape');
    await expectFocus(ann, 'closing the full screen', { role: 'button', name: /Volledig scherm/ });

    // The facilitator visits room 1 and closes the visit, by Escape and by "Sluiten".
    await tabTo(fac, { role: 'button', name: 'Kamer 1 bekijken: borden en chat' }, 200);
    await fac.keyboard.press('Enter');
    await fac.getByRole('dialog', { name: 'Borden van Kamer 1' }).waitFor();
    await expectFocus(fac, 'visiting a room', { role: 'button', name: /Sluiten/ });
    await expectNoAxeViolations(fac, 'facilitator visiting a room');
    await fac.keyboard.press('Escape');
    await expectFocus(fac, 'Escape from the visit', { role: 'button', name: /Kamer 1 bekijken/ });
    await fac.keyboard.press('Enter');
    await fac.getByRole('dialog', { name: 'Borden van Kamer 1' }).waitFor();
    await tabTo(fac, { role: 'button', name: 'Sluiten' });
    await fac.keyboard.press('Enter');
    await expectFocus(fac, '"Sluiten" of the visit', { role: 'button', name: /Kamer 1 bekijken/ });

    expect(kit.pageErrors).toEqual([]);
  });

  it('[A11Y1] the secretary harvests into the verslag and downloads it, by keyboard', async () => {
    // The secretary harvests the poll into the verslag and downloads it.
    const sec = await kit.page({ width: 1366, height: 900 });
    await sec.goto(secretaryLink);
    await sec.getByRole('textbox', { name: 'Verslag', exact: true }).waitFor();
    await tabTo(sec, { role: 'button', name: /^In verslag zetten: Hoe tevreden ben je/ }, 200);
    await sec.keyboard.press('Enter');
    await expect
      .poll(() => sec.getByRole('textbox', { name: 'Verslag', exact: true }).textContent())
      .toContain('gaf 1 deelnemer antwoord');
    // [REPORT6] With no cursor placed in the verslag, the text goes under the agenda item's heading
    // and focus stays on the button (the next harvest is one key away); it never drops to <body>.
    await expectFocus(sec, 'harvesting', { role: 'button', name: /In verslag zetten: Hoe tevreden ben je/ });
    await tabTo(sec, { role: 'button', name: 'Markdown (.md)' }, 200);
    const download = sec.waitForEvent('download');
    await sec.keyboard.press('Enter');
    await download;
    await sec.getByText(/\.md is gedownload\./).waitFor();
    await expectFocus(sec, 'downloading', { role: 'button', name: /Markdown \(\.md\)/ });
    await expectNoAxeViolations(sec, 'secretary after harvest and export');
    expect(kit.pageErrors).toEqual([]);
  });
});
