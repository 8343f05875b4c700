import type { ChoiceResults } from '../../domain/activities/choice';
import type { StatementsResults } from '../../domain/activities/statements';
import type { WordsResults } from '../../domain/activities/words';
import type { ActivityView } from '../../domain/types';
import type { ChoiceSpec, StatementsSpec, WordsSpec } from '../../protocol/schemas/activity';
import type { CsvRow } from '../registry';
import { choiceTable, wordsTable } from '../rows';

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

/** [REPORT12] Choice and ranking: one row per option in ranking order ("1. Gelijkwaardigheid"), then notes. */
export function csvChoice(a: ActivityView<ChoiceSpec>, r: ChoiceResults): CsvRow[] {
  const table = choiceTable(a, r);
  return [
    ...table.rows.map(([place, option, score]) => ({
      part: `${place}. ${option}`,
      count: Number(score),
      text: '',
      author: '',
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
