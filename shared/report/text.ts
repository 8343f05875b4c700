import { isolate } from './bidi';

/** Small helpers shared by the harvest functions: language, quotes, numbers. Pure. */
export type ReportLang = 'nl' | 'en';

/**
 * ‘…’ as in the seed verslag ("de stelling ‘Vrolijk aan de slag, die kaders komen later wel’"),
 * [TEXT2] isolated when its text could move the sentence around it.
 */
export const q = (s: string) => `‘${isolate(s)}’`;

/** 1.5 → "1,5" in Dutch, "1.5" in English. */
export const num = (n: number, lang: ReportLang) => (lang === 'nl' ? String(n).replace('.', ',') : String(n));

/** ["a", "b", "c"] → "a, b en c" / "a, b and c". */
export function joinAnd(items: string[], lang: ReportLang): string {
  if (items.length <= 1) return items[0] ?? '';
  const and = lang === 'nl' ? ' en ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items.at(-1)}`;
}
