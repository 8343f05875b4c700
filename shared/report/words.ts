import type { WordsResults } from '../domain/activities/words';
import type { ActivityView } from '../domain/types';
import type { WordsSpec } from '../protocol/schemas/activity';
import { isolate } from './bidi';
import { bullets, p, type ReportBlock } from './blocks';
import { joinAnd, q, type ReportLang } from './text';

/**
 * [WORDS8] Open words → verslag: a sentence naming the most given words with their counts, then
 * every word (hidden ones never) as a bullet with its count.
 */
export function harvestWords(
  activity: ActivityView<WordsSpec>,
  results: WordsResults,
  lang: ReportLang,
): ReportBlock[] {
  const shown = results.words.filter((w) => !w.hidden);
  const Q = q(activity.spec.question);
  if (results.total === 0 || shown.length === 0) {
    return [
      p(lang === 'nl' ? `Niemand heeft de vraag ${Q} beantwoord.` : `No one answered the question ${Q}.`),
    ];
  }
  const top = shown.slice(0, 5).map((w) => `${isolate(w.text)} (${w.count})`);
  const people =
    lang === 'nl'
      ? `${results.total} ${results.total === 1 ? 'deelnemer' : 'deelnemers'}`
      : `${results.total} ${results.total === 1 ? 'participant' : 'participants'}`;
  const sentence =
    lang === 'nl'
      ? `Op de vraag ${Q} gaven ${people} samen ${shown.length} verschillende antwoorden. Het vaakst genoemd: ${joinAnd(top, lang)}.`
      : `To the question ${Q}, ${people} gave ${shown.length} different answers. Most given: ${joinAnd(top, lang)}.`;
  return [p(sentence), bullets(shown.map((w) => `${isolate(w.text)} (${w.count})`))];
}
