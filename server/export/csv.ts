import type { Results } from '../../shared/domain/activities';
import type { ActivityView, AgendaItem } from '../../shared/domain/types';
import type { ChatRow } from '../../shared/protocol/schemas/results';
import { chatChannels, chatCsvLines } from '../../shared/report/chatCsv';
import { activityTitle, csvRows, kindLabel } from '../../shared/report/registry';
import { type ReportLang, reportStrings } from '../../shared/report/strings';

export type CsvSeparator = ',' | ';';

/** What the CSV holds: the agenda, every activity with its results, and the chat's rows. */
export interface CsvInput {
  agenda: readonly AgendaItem[];
  activities: readonly { activity: ActivityView; results: Results }[];
  chat: readonly ChatRow[];
}

/**
 * [REPORT12] One cell. Text that a spreadsheet would run as a formula (starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return, also after leading spaces) gets a leading apostrophe, the
 * OWASP advice; a cell with the separator, a quote or a line break is quoted, quotes doubled.
 * Numbers with a fraction get a decimal comma with `;` (how a Dutch spreadsheet reads a `;` file).
 */
export function csvCell(value: string | number | null | undefined, sep: CsvSeparator): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return sep === ';' ? String(value).replace('.', ',') : String(value);
  let s = value;
  if (/^[\s]*[=+\-@]/.test(s) || /^[\t\r]/.test(s)) s = `'${s}`;
  if (s.includes(sep) || /["\r\n\t]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/**
 * [REPORT12] The results of every activity that was opened, one row per level / option / text,
 * in agenda order, then the chat: one row per visible message. Each kind of activity says what its
 * rows are (`REPORT_KINDS`), so a new kind adds its rows there and nothing here changes. UTF-8
 * with a BOM so Excel reads the accents.
 */
export function toCsv(input: CsvInput, opts: { sep: CsvSeparator; lang: ReportLang }): string {
  const s = reportStrings(opts.lang);
  const order = new Map(input.agenda.map((a, i) => [a.id, i] as const));
  const titleOf = (id: string | null) => (id ? (input.agenda.find((a) => a.id === id)?.title ?? '') : '');
  const rank = (a: ActivityView) => (a.agendaItemId !== null ? (order.get(a.agendaItemId) ?? 1e6) : 1e6);
  const activities = input.activities
    .filter(({ activity }) => activity.status !== 'draft')
    .sort((x, y) => rank(x.activity) - rank(y.activity) || x.activity.createdAt - y.activity.createdAt);
  // Columns: Agendapunt, Werkvorm, Vraag, Onderdeel, Aantal, Tekst, Naam, Punten, Gemiddelde
  // plaats, Tip, Vastgepind, Links (strings.ts).
  // Every line has every column (empty where it does not apply).
  const line = (cells: (string | number | null | undefined)[]) =>
    s.csvColumns.map((_, i) => csvCell(cells[i], opts.sep)).join(opts.sep);
  const lines: string[] = [line([...s.csvColumns])];
  for (const { activity, results } of activities) {
    const common = [titleOf(activity.agendaItemId), kindLabel(activity, opts.lang), activityTitle(activity)];
    for (const row of csvRows(activity, results, opts.lang)) {
      lines.push(line([...common, row.part, row.count, row.text, row.author, row.points, row.averagePlace]));
    }
  }
  const breakouts = activities.flatMap(({ activity, results }) =>
    results.kind === 'breakout' ? [{ agendaItemId: activity.agendaItemId, results }] : [],
  );
  for (const m of chatCsvLines(input.chat, chatChannels(breakouts, opts.lang), opts.lang)) {
    lines.push(
      line([
        titleOf(m.agendaItemId),
        s.kindChat,
        m.channel,
        '',
        m.votes,
        m.text,
        m.author,
        null,
        null,
        m.tip,
        m.pinned,
        m.links,
      ]),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
