import type { ChoiceResults } from '../domain/activities/choice';
import type { StatementsResults } from '../domain/activities/statements';
import type { WordsResults } from '../domain/activities/words';
import { type ChatMessageView, extractLinks, type SharedLink } from '../domain/chat';
import type { ActivityView } from '../domain/types';
import type { ChoiceSpec, StatementsSpec, WordsSpec } from '../protocol/schemas/activity';
import type { ChatRow, LinkRow } from '../protocol/schemas/results';

/**
 * Flat tables of results for CSV (the export escapes and writes them). Pure: one table per kind,
 * headers in Dutch as the verslag is; every cell a string or a number.
 */
export interface Table {
  headers: string[];
  rows: (string | number)[][];
}

export function statementsTable(a: ActivityView<StatementsSpec>, r: StatementsResults): Table {
  const { labels } = a.spec;
  return {
    headers: [
      'Stelling',
      labels.disagree,
      ...(a.spec.neutral ? [labels.neutral] : []),
      labels.agree,
      'Beantwoord',
    ],
    rows: a.spec.statements.map((s, i) => {
      const t = r.statements[i] ?? { agree: 0, neutral: 0, disagree: 0, answered: 0 };
      return [s, t.disagree, ...(a.spec.neutral ? [t.neutral] : []), t.agree, t.answered];
    }),
  };
}

export function choiceTable(a: ActivityView<ChoiceSpec>, r: ChoiceResults): Table {
  const rank = a.spec.mode === 'rank';
  return {
    headers: [
      'Plaats',
      'Keuze',
      rank || a.spec.mode === 'points' ? 'Punten' : 'Stemmen',
      ...(rank ? ['Gemiddelde plaats'] : []),
    ],
    rows: r.ranking.map((e) => [
      e.place,
      a.spec.options[e.index] ?? '',
      e.score,
      ...(rank ? [e.averagePlace ?? ''] : []),
    ]),
  };
}

export function wordsTable(_a: ActivityView<WordsSpec>, r: WordsResults): Table {
  return {
    headers: ['Woord', 'Aantal', 'Geschreven als'],
    rows: r.words.filter((w) => !w.hidden).map((w) => [w.text, w.count, (w.variants ?? []).join(', ')]),
  };
}

/** [CHAT7] A message as one flat row of scalars: ready for CSV. */
export const chatRow = (m: ChatMessageView): ChatRow => ({
  id: m.id,
  seq: m.seq,
  channel: m.channel,
  time: new Date(m.createdAt).toISOString(),
  authorRole: m.authorRole,
  author: m.authorName,
  text: m.text,
  votes: m.votes,
  tip: m.tip,
  pinned: m.pinned,
  hidden: m.hidden,
  links: extractLinks(m.text).join(' '),
});

export const linkRow = (l: SharedLink): LinkRow => ({
  url: l.url,
  title: l.url,
  channel: l.channel,
  messageId: l.messageId,
  time: new Date(l.createdAt).toISOString(),
  author: l.authorName,
  authorRole: l.authorRole,
});
