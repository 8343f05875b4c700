/**
 * The harvest contract: what an activity's results become in the verslag, as plain blocks of text.
 * Every kind of activity has one pure function `(activity, results, lang) → ReportBlock[]` (see
 * `REPORT_KINDS` in `registry.ts`). The verslag turns blocks into editable rich text at the
 * cursor; exports render the document, never the blocks directly.
 *
 * Text is plain text: no markup is ever interpreted (user text stays inert everywhere).
 */
export type Inline = { text: string; bold?: boolean; italic?: boolean; link?: string };

export type ReportBlock =
  | { type: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'bulletList'; items: Inline[][] }
  | { type: 'orderedList'; items: Inline[][] }
  | { type: 'quote'; content: Inline[] };

export const p = (text: string): ReportBlock => ({ type: 'paragraph', content: [{ text }] });
export const h = (level: 1 | 2 | 3 | 4, text: string): ReportBlock => ({ type: 'heading', level, text });
export const bullets = (items: string[]): ReportBlock => ({
  type: 'bulletList',
  items: items.map((text) => [{ text }]),
});
