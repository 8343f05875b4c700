import type { ChoiceRankEntry, ChoiceResults } from '../domain/activities/choice';
import type { ActivityView } from '../domain/types';
import type { ChoiceSpec } from '../protocol/schemas/activity';
import { isolate } from './bidi';
import { bullets, p, type ReportBlock } from './blocks';
import { joinAnd, num, q, type ReportLang } from './text';

const unit = (mode: ChoiceSpec['mode'], n: number, lang: ReportLang) => {
  if (mode === 'rank' || mode === 'points')
    return lang === 'nl' ? (n === 1 ? 'punt' : 'punten') : n === 1 ? 'point' : 'points';
  return lang === 'nl' ? (n === 1 ? 'stem' : 'stemmen') : n === 1 ? 'vote' : 'votes';
};

/** "1. Gelijkwaardigheid 14 · 2. Vertrouwen 12": the ranking on one line. */
export function rankingLine(spec: ChoiceSpec, r: ChoiceResults, max = 5): string {
  return r.ranking
    .slice(0, max)
    .map((e) => `${e.place}. ${isolate(spec.options[e.index]!)} ${e.score}`)
    .join(' · ');
}

/**
 * [CHOICE8] The sentence: what came first, and what followed. Shared first places are named
 * together ("‘A’ en ‘B’ staan samen voorop").
 */
export function choiceSentence(spec: ChoiceSpec, r: ChoiceResults, lang: ReportLang): string {
  const Q = q(spec.question);
  if (r.total === 0)
    return lang === 'nl' ? `Niemand heeft de vraag ${Q} beantwoord.` : `No one answered the question ${Q}.`;
  const name = (e: ChoiceRankEntry) => q(spec.options[e.index]!);
  const detail = (e: ChoiceRankEntry) =>
    spec.mode === 'rank' && e.averagePlace !== undefined
      ? lang === 'nl'
        ? `gemiddeld plaats ${num(e.averagePlace, lang)}`
        : `average place ${num(e.averagePlace, lang)}`
      : `${e.score} ${unit(spec.mode, e.score, lang)}`;
  const first = r.ranking.filter((e) => e.place === 1);
  const next = r.ranking.find((e) => e.place > 1);
  const people =
    lang === 'nl'
      ? `${r.total} ${r.total === 1 ? 'deelnemer' : 'deelnemers'}`
      : `${r.total} ${r.total === 1 ? 'participant' : 'participants'}`;
  const lead =
    first.length > 1
      ? lang === 'nl'
        ? `${joinAnd(first.map(name), lang)} staan samen voorop (${detail(first[0]!)})`
        : `${joinAnd(first.map(name), lang)} share first place (${detail(first[0]!)})`
      : lang === 'nl'
        ? `${name(first[0]!)} staat voorop (${detail(first[0]!)})`
        : `${name(first[0]!)} comes first (${detail(first[0]!)})`;
  const follow = next
    ? lang === 'nl'
      ? `, gevolgd door ${name(next)} (${detail(next)})`
      : `, followed by ${name(next)} (${detail(next)})`
    : '';
  return lang === 'nl'
    ? `Uit de antwoorden van ${people} op de vraag ${Q} blijkt: ${lead}${follow}.`
    : `The answers of ${people} to the question ${Q} show: ${lead}${follow}.`;
}

/**
 * [CHOICE8] Choice and ranking → verslag: the sentence with numbers, then the whole ranking as a
 * numbered list ("Gelijkwaardigheid — 14 stemmen"), then the explanations (without names).
 */
export function harvestChoice(
  activity: ActivityView<ChoiceSpec>,
  results: ChoiceResults,
  lang: ReportLang,
): ReportBlock[] {
  const spec = activity.spec;
  const blocks: ReportBlock[] = [p(choiceSentence(spec, results, lang))];
  if (results.total > 0) {
    blocks.push({
      type: 'orderedList',
      items: results.ranking.map((e) => [
        { text: `${isolate(spec.options[e.index]!)} — ${e.score} ${unit(spec.mode, e.score, lang)}` },
      ]),
    });
  }
  if (results.notes.length > 0) {
    blocks.push(p(lang === 'nl' ? 'Toelichtingen:' : 'Explanations:'));
    blocks.push(bullets(results.notes.map((n) => n.text)));
  }
  return blocks;
}
