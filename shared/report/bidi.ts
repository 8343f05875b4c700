/**
 * Just enough of the Unicode bidirectional algorithm for a verslag: which way a paragraph runs
 * (its first strong character, UAX #9 rules P2–P3) and which stretches of text are right-to-left.
 * Exports use it to set `dir`, Word's bidi flags, and the PDF's word order.
 */
const RTL =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDE7F]|\uD83A[\uDC00-\uDD5F]|\uD83B[\uDC00-\uDEFF]/;
const STRONG = /\p{L}/u;

export type Direction = 'ltr' | 'rtl';

export const isRtlChar = (ch: string): boolean => RTL.test(ch);

/** The direction of a character: 'R' (right-to-left letter), 'L' (other letter), 'N' (digits and everything else: they follow their neighbours). */
export function charClass(ch: string): 'R' | 'L' | 'N' {
  if (RTL.test(ch) && /\p{L}/u.test(ch)) return 'R';
  return STRONG.test(ch) ? 'L' : 'N';
}

/** The class of a piece of text: its first strong character's, or 'N'. */
export function textClass(text: string): 'R' | 'L' | 'N' {
  for (const ch of text) {
    const c = charClass(ch);
    if (c !== 'N') return c;
  }
  return 'N';
}

/**
 * A paragraph runs the way its first strong character does; left-to-right without any. Text
 * inside an isolate (FSI/LRI/RLI … PDI: people's text set into a sentence, TEXT2) does not count
 * (UAX #9 P2), as in browsers and Word.
 */
export function paragraphDirection(text: string): Direction {
  let depth = 0;
  for (const ch of text) {
    if (ch === '\u2066' || ch === '\u2067' || ch === '\u2068') depth++;
    else if (ch === '\u2069') depth = Math.max(0, depth - 1);
    else if (depth === 0 && charClass(ch) !== 'N') return charClass(ch) === 'R' ? 'rtl' : 'ltr';
  }
  return 'ltr';
}

export const hasRtl = (text: string): boolean => RTL.test(text);

/**
 * Splits text into stretches that are right-to-left (R letters, with the neutrals between them)
 * or not, for formats that flag RTL runs (Word's `w:rtl`).
 */
export function directionalRuns(text: string): { text: string; rtl: boolean }[] {
  const out: { text: string; rtl: boolean }[] = [];
  const chars = [...text];
  let i = 0;
  while (i < chars.length) {
    const rtl = charClass(chars[i]!) === 'R';
    let j = i + 1;
    if (rtl) {
      // Extend over neutrals only while an R letter follows them.
      for (;;) {
        let k = j;
        while (k < chars.length && charClass(chars[k]!) === 'N') k++;
        if (k < chars.length && charClass(chars[k]!) === 'R') j = k + 1;
        else break;
      }
    } else {
      while (j < chars.length && charClass(chars[j]!) !== 'R') j++;
    }
    out.push({ text: chars.slice(i, j).join(''), rtl });
    i = j;
  }
  return out;
}

/**
 * The visual order of words on one line (UAX #9 at word level, embedding levels 0 and 1): with a
 * right-to-left base, the line is reversed except runs of left-to-right words; with a
 * left-to-right base, runs of right-to-left words are reversed. Neutral words take the direction
 * of their neighbours when both agree, the base direction otherwise.
 */
export function visualOrder<T>(
  words: readonly T[],
  classOf: (w: T) => 'R' | 'L' | 'N',
  base: Direction,
): T[] {
  const cls = words.map(classOf);
  const baseCls = base === 'rtl' ? 'R' : 'L';
  const resolved = cls.map((c, i) => {
    if (c !== 'N') return c;
    let before: 'R' | 'L' = baseCls;
    for (let k = i - 1; k >= 0; k--)
      if (cls[k] !== 'N') {
        before = cls[k] as 'R' | 'L';
        break;
      }
    let after: 'R' | 'L' = baseCls;
    for (let k = i + 1; k < cls.length; k++)
      if (cls[k] !== 'N') {
        after = cls[k] as 'R' | 'L';
        break;
      }
    return before === after ? before : baseCls;
  });
  // Group into runs of equal direction.
  const runs: { dir: 'R' | 'L'; items: T[] }[] = [];
  words.forEach((w, i) => {
    const d = resolved[i]!;
    const last = runs[runs.length - 1];
    if (last && last.dir === d) last.items.push(w);
    else runs.push({ dir: d, items: [w] });
  });
  if (base === 'ltr') return runs.flatMap((r) => (r.dir === 'R' ? [...r.items].reverse() : r.items));
  return [...runs].reverse().flatMap((r) => (r.dir === 'R' ? [...r.items].reverse() : r.items));
}

/** Characters that open or close an embedding, override or isolate (UAX #9). */
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * [TEXT2] People's text set inline among other text, isolated (FSI … PDI) when it could move its
 * neighbours: it holds right-to-left letters or a bidi control (an unclosed U+202E override would
 * otherwise flip everything after it on the line). Other text is returned as it is, so ordinary
 * Dutch text carries no invisible characters.
 */
export function isolate(text: string): string {
  if (!hasRtl(text) && !CONTROLS.test(text)) return text;
  // A stray isolate mark inside would close ours early; people's text needs none of its own.
  return `\u2068${text.replace(/[\u2066-\u2069]/g, '')}\u2069`;
}
