import type { ChoiceResults } from '../../domain/activities/choice';
import type { StatementsResults } from '../../domain/activities/statements';
import type { WordsResults } from '../../domain/activities/words';
import type { BreakoutResults } from '../../domain/board/results';
import type { ActivityView } from '../../domain/types';
import type { ChoiceSpec, StatementsSpec, WordsSpec } from '../../protocol/schemas/activity';
import type { BreakoutSpec } from '../../protocol/schemas/board';
import type { CsvRow } from '../registry';
import { wordsTable } from '../rows';

/** [REPORT12] Statements: one row per statement and position with its count, then the explanations. */
export function csvStatements(a: ActivityView<StatementsSpec>, r: StatementsResults): CsvRow[] {
  const { labels } = a.spec;
  const positions = (['agree', ...(a.spec.neutral ? ['neutral' as const] : []), 'disagree'] as const).map(
    (p) => [p, labels[p]] as const,
  );
  return a.spec.statements.flatMap((statement, i) => {
    const t = r.statements[i];
    if (!t) return [];
    return [
      ...positions.map(([p, label]) => ({
        part: `${statement} — ${label}`,
        count: t[p],
        text: '',
        author: '',
      })),
      ...t.notes.map((n) => ({
        part: `${statement} — ${labels[n.position]}`,
        count: null,
        text: n.text,
        author: n.author ?? '',
      })),
    ];
  });
}

/**
 * [REPORT12] Choice and ranking: one row per option in ranking order ("1. Gelijkwaardigheid"), then
 * the notes. Aantal is what the domain counts (votes; for a ranking how often it was put first; for
 * points how many gave it points); a ranking's Borda points and divided points go under Punten, a
 * ranking's average place (the number the verslag's sentence quotes) under Gemiddelde plaats.
 */
export function csvChoice(a: ActivityView<ChoiceSpec>, r: ChoiceResults): CsvRow[] {
  const scored = a.spec.mode === 'rank' || a.spec.mode === 'points';
  return [
    ...r.ranking.map((e) => ({
      part: `${e.place}. ${a.spec.options[e.index] ?? ''}`,
      count: e.count,
      text: '',
      author: '',
      ...(scored ? { points: e.score } : {}),
      ...(e.averagePlace !== undefined ? { averagePlace: e.averagePlace } : {}),
    })),
    ...r.notes.map((n) => ({ part: '', count: null, text: n.text, author: n.author ?? '' })),
  ];
}

/** [REPORT12] Open words: one row per (merged) word with its count; hidden words are left out. */
export function csvWords(a: ActivityView<WordsSpec>, r: WordsResults): CsvRow[] {
  return wordsTable(a, r).rows.map(([word, count, variants]) => ({
    part: String(word),
    count: Number(count),
    text: String(variants),
    author: '',
  }));
}

/**
 * [REPORT12][BOARD15] A break-out: one row per post-it — per question its synthesis board when
 * there is one, else every room's board — with its theme (or room) and its votes.
 */
export function csvBreakout(_a: ActivityView<BreakoutSpec>, r: BreakoutResults): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const q of r.questions) {
    const boards = q.synthesis && q.synthesis.noteCount > 0 ? [q.synthesis] : q.rooms;
    for (const b of boards) {
      const where = (theme: string | null) => [q.question, b.roomLabel, theme].filter(Boolean).join(' — ');
      for (const t of b.themes) {
        for (const n of t.notes)
          rows.push({ part: where(t.heading), count: n.votes, text: n.text, author: n.author ?? '' });
      }
      for (const n of b.unthemed)
        rows.push({ part: where(null), count: n.votes, text: n.text, author: n.author ?? '' });
    }
  }
  return rows;
}
