import type { StatementsResults, StatementTally } from '../domain/activities/statements';
import type { ActivityView } from '../domain/types';
import type { Position, StatementsSpec } from '../protocol/schemas/activity';
import { type Inline, p, type ReportBlock } from './blocks';
import { q, type ReportLang } from './text';

/** [STMT8] One sentence with numbers per statement, the way a verslag says it. */
export function statementSentence(statement: string, t: StatementTally, lang: ReportLang): string {
  const n = t.answered;
  const s = q(statement);
  if (lang === 'en') {
    if (n === 0) return `No one answered the statement ${s}.`;
    if (t.agree === n) return `Everyone (${n}) agrees with the statement ${s}.`;
    if (t.disagree === n) return `Everyone (${n}) disagrees with the statement ${s}.`;
    if (t.agree * 2 > n) return `A majority (${t.agree} of ${n}) agrees with the statement ${s}.`;
    if (t.disagree * 2 > n) return `A majority (${t.disagree} of ${n}) disagrees with the statement ${s}.`;
    return `Opinions on the statement ${s} are divided: ${t.agree} agree, ${t.neutral} neutral, ${t.disagree} disagree.`;
  }
  if (n === 0) return `Niemand heeft de stelling ${s} beantwoord.`;
  if (t.agree === n) return `Iedereen (${n}) is het eens met de stelling ${s}.`;
  if (t.disagree === n) return `Iedereen (${n}) is het oneens met de stelling ${s}.`;
  if (t.agree * 2 > n) return `Een meerderheid (${t.agree} van ${n}) is het eens met de stelling ${s}.`;
  if (t.disagree * 2 > n)
    return `Een meerderheid (${t.disagree} van ${n}) is het oneens met de stelling ${s}.`;
  return `De meningen over de stelling ${s} zijn verdeeld: ${t.agree} eens, ${t.neutral} neutraal, ${t.disagree} oneens.`;
}

/**
 * [STMT8] Statements → verslag: per statement a sentence with numbers ("Een meerderheid (14 van 20)
 * is het eens met de stelling ‘…’."), the counts under the facilitator's own labels, and the
 * explanations as bullets led by their position. No names: a verslag does not attribute.
 */
export function harvestStatements(
  activity: ActivityView<StatementsSpec>,
  results: StatementsResults,
  lang: ReportLang,
): ReportBlock[] {
  const { labels, neutral } = activity.spec;
  const blocks: ReportBlock[] = [];
  for (const [i, statement] of activity.spec.statements.entries()) {
    const t = results.statements[i];
    if (!t) continue;
    const counts = [
      `${labels.agree} ${t.agree}`,
      ...(neutral ? [`${labels.neutral} ${t.neutral}`] : []),
      `${labels.disagree} ${t.disagree}`,
    ].join(', ');
    const split = lang === 'nl' ? 'Verdeling' : 'Distribution';
    blocks.push(
      p(
        t.answered > 0
          ? `${statementSentence(statement, t, lang)} ${split}: ${counts}.`
          : statementSentence(statement, t, lang),
      ),
    );
    if (t.notes.length > 0) {
      blocks.push(
        p(lang === 'nl' ? `Toelichtingen bij ${q(statement)}:` : `Explanations on ${q(statement)}:`),
      );
      const label: Record<Position, string> = labels;
      blocks.push({
        type: 'bulletList',
        items: t.notes.map((n): Inline[] => [
          { text: `${label[n.position]}: `, italic: true },
          { text: n.text },
        ]),
      });
    }
  }
  return blocks;
}
