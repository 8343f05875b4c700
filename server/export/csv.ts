import type { Results } from '../../shared/domain/activities';
import type { ActivityView, AgendaItem } from '../../shared/domain/types';
import { activityTitle, csvRows, kindLabel } from '../../shared/report/registry';
import { type ReportLang, reportStrings } from '../../shared/report/strings';

export type CsvSeparator = ',' | ';';

/**
 * [REPORT12] One cell. Text that a spreadsheet would run as a formula (starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return, also after leading spaces) gets a leading apostrophe, the
 * OWASP advice; a cell with the separator, a quote or a line break is quoted, quotes doubled.
 */
export function csvCell(value: string | number | null, sep: CsvSeparator): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  let s = value;
  if (/^[\s]*[=+\-@]/.test(s) || /^[\t\r]/.test(s)) s = `'${s}`;
  if (s.includes(sep) || /["\r\n\t]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/**
 * [REPORT12] The results of every activity that was opened, one row per level / option / text,
 * in agenda order. Each kind of activity says what its rows are (`REPORT_KINDS`), so a new kind
 * adds its rows there and nothing here changes. UTF-8 with a BOM so Excel reads the accents.
 */
export function toCsv(
  input: {
    agenda: readonly AgendaItem[];
    activities: readonly { activity: ActivityView; results: Results }[];
  },
  opts: { sep: CsvSeparator; lang: ReportLang },
): string {
  const s = reportStrings(opts.lang);
  const order = new Map(input.agenda.map((a, i) => [a.id, i] as const));
  const titleOf = new Map(input.agenda.map((a) => [a.id, a.title] as const));
  const rank = (a: ActivityView) => (a.agendaItemId !== null ? (order.get(a.agendaItemId) ?? 1e6) : 1e6);
  const activities = input.activities
    .filter(({ activity }) => activity.status !== 'draft')
    .sort((x, y) => rank(x.activity) - rank(y.activity) || x.activity.createdAt - y.activity.createdAt);
  const lines: string[] = [s.csvColumns.map((c) => csvCell(c, opts.sep)).join(opts.sep)];
  for (const { activity, results } of activities) {
    const common = [
      activity.agendaItemId ? (titleOf.get(activity.agendaItemId) ?? '') : '',
      kindLabel(activity, opts.lang),
      activityTitle(activity),
    ];
    for (const row of csvRows(activity, results, opts.lang)) {
      lines.push(
        [...common, row.part, row.count, row.text, row.author]
          .map((c) => csvCell(c, opts.sep))
          .join(opts.sep),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
