import type { Page } from 'playwright-core';
import type { TestServer } from '../helpers/server';
import { type BrowserKit, joinAs } from './helpers';

/** A meeting made over the API, and the facilitator's page on it. */
export async function facilitatorPage(
  kit: BrowserKit,
  srv: TestServer,
  title = 'Begeleidingsgroep 8 december',
) {
  const meeting = await srv.createMeeting(title);
  const fac = await kit.page({ width: 1366, height: 900 });
  await fac.goto(meeting.links.facilitator);
  await fac.getByRole('heading', { name: 'Agenda', exact: true }).waitFor();
  return { meeting, fac };
}

/** A participant (own browser context, a phone-wide window) who joined with `name`. */
export const participantPage = (kit: BrowserKit, link: string, name: string, width = 420) =>
  joinAs(kit, link, name, { width });

/** The activity card on a participant's page, by its kind's label ("Stellingen", "Woordwolk"). */
export const card = (p: Page, kind: string) => p.getByRole('article', { name: kind });
