import type { ScaleResults } from '../../domain/activities/scale';
import type { ActivityView } from '../../domain/types';
import type { ScaleSpec } from '../../protocol/schemas/activity';
import { bullets, h, p, type ReportBlock } from '../blocks';
import type { CsvRow } from '../registry';
import { type ReportLang, reportStrings } from '../strings';

/**
 * [REPORT5] A scale poll in the verslag: one sentence with the number of answers, the count per
 * level as a list, then the explanations under a heading per level (only levels that have some), in
 * the order they were given. Names are left out: the seed verslag quotes remarks, not people.
 */
export function harvestScale(
  activity: ActivityView<ScaleSpec>,
  results: ScaleResults,
  lang: ReportLang,
  headingLevel: 2 | 3 | 4 = 3,
): ReportBlock[] {
  const s = reportStrings(lang);
  const { levels, question } = activity.spec;
  const blocks: ReportBlock[] = [p(s.scaleAnswered(results.total, question))];
  if (results.total > 0) {
    blocks.push(bullets(levels.map((label, i) => s.levelCount(label, results.counts[i] ?? 0))));
  }
  const groups = levels
    .map((label, i) => ({ label, notes: results.notes.filter((n) => n.level === i).map((n) => n.text) }))
    .filter((g) => g.notes.length > 0);
  if (groups.length > 0) blocks.push(p(s.scaleNotesIntro));
  for (const g of groups) {
    blocks.push(h(headingLevel, g.label), bullets(g.notes));
  }
  return blocks;
}

/** [REPORT12] Rows of the results CSV: one per level with its count, then one per explanation. */
export function csvScale(
  activity: ActivityView<ScaleSpec>,
  results: ScaleResults,
  lang: ReportLang,
): CsvRow[] {
  const s = reportStrings(lang);
  const rows: CsvRow[] = activity.spec.levels.map((label, i) => ({
    part: label,
    count: results.counts[i] ?? 0,
    text: '',
    author: '',
  }));
  for (const n of results.notes) {
    rows.push({
      part: `${activity.spec.levels[n.level] ?? n.level} (${s.csvLevelNote})`,
      count: null,
      text: n.text,
      author: n.author ?? '',
    });
  }
  return rows;
}
