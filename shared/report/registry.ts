import type { Results } from '../domain/activities';
import type { ActivityView } from '../domain/types';
import type { ActivityKindName, ActivitySpec } from '../protocol/schemas/activity';
import type { ReportBlock } from './blocks';
import { breakoutToBlocks } from './board';
import { csvScale, harvestScale } from './kinds/scale';
import { csvBreakout, csvChoice, csvStatements, csvWords } from './kinds/toolkit';
import { type ReportLang, reportStrings } from './strings';
import { harvestChoice, harvestStatements, harvestWords } from './toolkit';

type SpecOf<K extends ActivityKindName> = Extract<ActivitySpec, { kind: K }>;
type ResultsOf<K extends ActivityKindName> = Extract<Results, { kind: K }>;

/** One row of the results CSV, as a kind of activity describes it (common columns are added). */
export interface CsvRow {
  /** The level, option, statement or theme this row is about. */
  part: string;
  /** A count, or null for a row that carries a text (an explanation, a post-it, a tip). */
  count: number | null;
  text: string;
  /** Only for activities that are not anonymous; empty otherwise. */
  author: string;
  /** [CHOICE4] Points (a ranking's Borda points, divided points), where the kind has them. */
  points?: number;
  /** [CHOICE8] A ranking's average place, as the verslag's sentence quotes it. */
  averagePlace?: number;
}

/**
 * What one kind of activity contributes to the verslag and its exports. All pure.
 * A new kind adds ONE line to `REPORT_KINDS` below (TypeScript insists: the map is total over kinds).
 */
export interface ReportKind<K extends ActivityKindName> {
  /** Its name in the CSV ("Peiling"), the same as on screen. */
  label(lang: ReportLang): string;
  /** The question or title that names this activity. */
  title(activity: ActivityView<SpecOf<K>>): string;
  /** [REPORT5] Results as editable text for the verslag. */
  harvest(activity: ActivityView<SpecOf<K>>, results: ResultsOf<K>, lang: ReportLang): ReportBlock[];
  /** [REPORT12] Results as CSV rows. */
  csv(activity: ActivityView<SpecOf<K>>, results: ResultsOf<K>, lang: ReportLang): CsvRow[];
}

export const REPORT_KINDS: { [K in ActivityKindName]: ReportKind<K> } = {
  scale: {
    label: (lang) => reportStrings(lang).kindScale,
    title: (a) => a.spec.question,
    harvest: (a, r, lang) => harvestScale(a, r, lang),
    csv: csvScale,
  },
  statements: {
    label: (lang) => reportStrings(lang).kindStatements,
    title: (a) => a.spec.question,
    harvest: harvestStatements,
    csv: csvStatements,
  },
  choice: {
    label: (lang) => reportStrings(lang).kindChoice,
    title: (a) => a.spec.question,
    harvest: harvestChoice,
    csv: csvChoice,
  },
  words: {
    label: (lang) => reportStrings(lang).kindWords,
    title: (a) => a.spec.question,
    harvest: harvestWords,
    csv: csvWords,
  },
  breakout: {
    label: (lang) => reportStrings(lang).kindBreakout,
    title: (a) => a.spec.questions.join(' · '),
    harvest: (_a, r, lang) => breakoutToBlocks(r, { lang }),
    csv: csvBreakout,
  },
};

const kindOf = (spec: ActivitySpec) => REPORT_KINDS[spec.kind] as unknown as ReportKind<ActivityKindName>;

/** [REPORT5] The harvest of any activity: its results as blocks of text for the verslag. */
export function harvest(activity: ActivityView, results: Results, lang: ReportLang): ReportBlock[] {
  if (results.kind !== activity.spec.kind) return [];
  return kindOf(activity.spec).harvest(activity as never, results as never, lang);
}

export function csvRows(activity: ActivityView, results: Results, lang: ReportLang): CsvRow[] {
  if (results.kind !== activity.spec.kind) return [];
  return kindOf(activity.spec).csv(activity as never, results as never, lang);
}

export const activityTitle = (activity: ActivityView): string =>
  kindOf(activity.spec).title(activity as never);
export const kindLabel = (activity: ActivityView, lang: ReportLang): string =>
  kindOf(activity.spec).label(lang);
