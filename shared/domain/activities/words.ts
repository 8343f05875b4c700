import type { WordsSpec, WordsValue } from '../../protocol/schemas/activity';
import { LIMITS } from '../limits';
import type { ResponseRecord } from '../types';

export const DEFAULT_WORDS_QUESTION = 'Welk woord komt bij je op als je denkt aan participatie?';

/**
 * [WORDS4] The facilitator's edits of a word cloud, stored beside the answers (answers stay as
 * given): spellings merged under one label, and words hidden from everyone but the staff.
 */
export interface WordsCuration {
  groups: { label: string; keys: string[] }[];
  /** Keys of entries (a word's key, or a group's key) that only staff see. */
  hidden: string[];
}

export const EMPTY_CURATION: WordsCuration = { groups: [], hidden: [] };

export interface WordEntry {
  /** The normalised word, or the normalised label of a merged group. */
  key: string;
  /** What is shown: the group's label, or the most given spelling. */
  text: string;
  /** How many participants gave it (once per participant). */
  count: number;
  /** Staff only: the spellings that were given, most given first. */
  variants?: string[];
  merged?: boolean;
  /** Staff only (hidden entries are left out for everyone else). */
  hidden?: boolean;
}

/** [WORDS3] Results: the words by frequency, most given first. */
export interface WordsResults {
  kind: 'words';
  activityId: string;
  /** Participants who answered. */
  total: number;
  words: WordEntry[];
}

/**
 * [WORDS2] The key that makes spellings the same word: Unicode-normalised, lower case, inner spaces
 * collapsed, punctuation at either end dropped ("Vertrouwen!" and " vertrouwen" are one word).
 */
export function normaliseWord(word: string): string {
  const base = word.normalize('NFKC').toLocaleLowerCase('nl').replace(/\s+/g, ' ').trim();
  const stripped = base.replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
  return stripped || base;
}

/** [WORDS1] At most `maxWords` answers per participant. */
export function checkWordsValue(spec: WordsSpec, value: WordsValue): string | null {
  return value.words.length > spec.maxWords
    ? `give at most ${spec.maxWords} ${spec.maxWords === 1 ? 'word' : 'words'}`
    : null;
}

/** Reads curation as stored, dropping anything malformed (it is ours, but never trust a blob). */
export function asCuration(data: unknown): WordsCuration {
  const d = data as Partial<WordsCuration> | null | undefined;
  const groups = Array.isArray(d?.groups)
    ? d.groups.filter(
        (g): g is WordsCuration['groups'][number] =>
          typeof g?.label === 'string' && Array.isArray(g.keys) && g.keys.every((k) => typeof k === 'string'),
      )
    : [];
  const hidden = Array.isArray(d?.hidden) ? d.hidden.filter((k): k is string => typeof k === 'string') : [];
  return { groups, hidden };
}

/**
 * [WORDS4] Merge: the given keys (words or whole groups) become one group under `label`. The label's
 * own key joins the group, so a word spelled like the label is never counted apart.
 */
export function mergeWords(c: WordsCuration, keys: string[], label: string): WordsCuration {
  const cleanLabel = label.trim();
  const labelKey = normaliseWord(cleanLabel);
  const wanted = new Set(keys.map(normaliseWord));
  wanted.add(labelKey);
  const members = new Set<string>();
  const groups = [];
  for (const g of c.groups) {
    const gKey = normaliseWord(g.label);
    if (wanted.has(gKey) || g.keys.some((k) => wanted.has(k))) {
      for (const k of g.keys) members.add(k);
      members.add(gKey);
    } else groups.push(g);
  }
  for (const k of wanted) members.add(k);
  if (groups.length >= LIMITS.wordGroups) throw new RangeError('too many groups');
  groups.push({ label: cleanLabel, keys: [...members].sort() });
  // A hidden member stays hidden as the group.
  const hiddenMember = c.hidden.some((h) => members.has(h));
  const hidden = c.hidden.filter((h) => !members.has(h));
  if (hiddenMember) hidden.push(labelKey);
  return { groups, hidden };
}

/** [WORDS4] Split a group back into the words it was made of. */
export function splitWords(c: WordsCuration, key: string): WordsCuration {
  const k = normaliseWord(key);
  return {
    groups: c.groups.filter((g) => normaliseWord(g.label) !== k),
    hidden: c.hidden.filter((h) => h !== k),
  };
}

/** [WORDS4] Hide (or show again) one entry of the cloud. */
export function hideWord(c: WordsCuration, key: string, hidden: boolean): WordsCuration {
  const k = normaliseWord(key);
  const rest = c.hidden.filter((h) => h !== k);
  return { groups: c.groups, hidden: hidden ? [...rest, k] : rest };
}

/** [WORDS3] Count each entry once per participant; merged spellings count as their group. */
export function tallyWords(
  activityId: string,
  _spec: WordsSpec,
  responses: readonly ResponseRecord<WordsValue>[],
  _authorOf?: unknown,
  curationData?: unknown,
): WordsResults {
  const curation = asCuration(curationData);
  const groupOf = new Map<string, { key: string; label: string }>();
  for (const g of curation.groups) {
    const key = normaliseWord(g.label);
    for (const k of g.keys) groupOf.set(k, { key, label: g.label });
    groupOf.set(key, { key, label: g.label });
  }
  const hidden = new Set(curation.hidden);
  const entries = new Map<string, { count: number; spellings: Map<string, number>; label?: string }>();
  let total = 0;
  for (const r of [...responses].sort((a, b) => a.updatedAt - b.updatedAt)) {
    const words = r.value.words;
    if (!Array.isArray(words) || words.length === 0) continue;
    total += 1;
    const seen = new Set<string>();
    for (const w of words) {
      const k = normaliseWord(w);
      if (!k) continue;
      const group = groupOf.get(k);
      const key = group?.key ?? k;
      let e = entries.get(key);
      if (!e) {
        e = { count: 0, spellings: new Map(), ...(group ? { label: group.label } : {}) };
        entries.set(key, e);
      }
      e.spellings.set(w.trim(), (e.spellings.get(w.trim()) ?? 0) + 1);
      if (seen.has(key)) continue;
      seen.add(key);
      e.count += 1;
    }
  }
  const words: WordEntry[] = [...entries].map(([key, e]) => {
    const variants = [...e.spellings].sort((a, b) => b[1] - a[1]).map(([s]) => s);
    return {
      key,
      text: e.label ?? variants[0] ?? key,
      count: e.count,
      variants,
      ...(e.label ? { merged: true } : {}),
      ...(hidden.has(key) ? { hidden: true } : {}),
    };
  });
  words.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, 'nl'));
  return { kind: 'words', activityId, total, words };
}

/** [WORDS5] What participants and observers receive: no hidden words, no spellings. */
export function redactWords(r: WordsResults): WordsResults {
  return {
    ...r,
    words: r.words.filter((w) => !w.hidden).map(({ variants: _v, hidden: _h, ...w }) => w),
  };
}
