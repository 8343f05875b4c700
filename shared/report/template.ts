import { formatDate } from '../domain/dates';
import type { AgendaItem } from '../domain/types';
import { h, p, type ReportBlock } from './blocks';
import { type ReportLang, reportStrings } from './strings';

const same = (a: string, b: string) => a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

/**
 * [REPORT3] The verslag a meeting starts with, in the shape of the seed verslag: the title, the
 * date, "Inleiding", one section per agenda item, and "Afsluiting" with a line for the next
 * meeting. An agenda that already has its own "Inleiding" or "Afsluiting" item keeps that one in
 * its place instead of getting a second.
 */
export function templateBlocks(
  meeting: { title: string; date: string | null },
  agenda: readonly Pick<AgendaItem, 'title'>[],
  lang: ReportLang = 'nl',
): ReportBlock[] {
  const s = reportStrings(lang);
  const title = meeting.title.trim();
  const blocks: ReportBlock[] = [
    h(
      1,
      title.toLocaleLowerCase('nl').startsWith(s.titlePrefix.toLowerCase())
        ? title
        : `${s.titlePrefix} ${title}`,
    ),
  ];
  if (meeting.date) blocks.push(p(s.meetingOn(formatDate(meeting.date, lang))));
  const titles = agenda.map((i) => i.title);
  if (!titles.some((t) => same(t, s.introduction))) blocks.push(h(2, s.introduction), p(''));
  for (const t of titles) {
    blocks.push(h(2, t));
    blocks.push(same(t, s.closing) ? p(s.nextMeeting) : p(''));
  }
  if (!titles.some((t) => same(t, s.closing))) blocks.push(h(2, s.closing), p(s.nextMeeting));
  return blocks;
}
