import type { Inline, ReportBlock } from './blocks';

/**
 * The verslag as a tree of blocks: what the server reads out of its Y.Doc to render an export, and
 * what the read-only view renders. It is richer than `ReportBlock` (list items hold blocks, lists
 * nest, quotes hold paragraphs) because that is what the editor can produce.
 *
 * A hard line break inside a paragraph is an inline whose text is exactly "\n".
 */
export type DocBlock =
  | { type: 'heading'; level: HeadingLevel; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'bulletList'; items: DocBlock[][] }
  | { type: 'orderedList'; start: number; items: DocBlock[][] }
  | { type: 'quote'; children: DocBlock[] };

export type HeadingLevel = 1 | 2 | 3 | 4;
export type { Inline };

export const HEADING_LEVELS: readonly HeadingLevel[] = [1, 2, 3, 4];

/** Harvested blocks as document blocks: list items become one paragraph each. */
export function blocksToDoc(blocks: readonly ReportBlock[]): DocBlock[] {
  return blocks.map(blockToDoc);
}

function blockToDoc(b: ReportBlock): DocBlock {
  const para = (content: readonly Inline[]): DocBlock => ({
    type: 'paragraph',
    content: normaliseInlines(content),
  });
  switch (b.type) {
    case 'heading':
      return { type: 'heading', level: b.level, content: normaliseInlines([{ text: b.text }]) };
    case 'paragraph':
      return para(b.content);
    case 'bulletList':
      return { type: 'bulletList', items: b.items.map((i) => [para(i)]) };
    case 'orderedList':
      return { type: 'orderedList', start: 1, items: b.items.map((i) => [para(i)]) };
    case 'quote':
      return { type: 'quote', children: [para(b.content)] };
  }
}

/** The plain text of inlines (hard breaks as newlines). */
export const inlineText = (content: readonly Inline[]): string => content.map((i) => i.text).join('');

/** Every text of a block tree, one string per paragraph or heading: for tests and previews. */
export function docText(blocks: readonly DocBlock[]): string[] {
  const out: string[] = [];
  const walk = (bs: readonly DocBlock[]) => {
    for (const b of bs) {
      if (b.type === 'heading' || b.type === 'paragraph') out.push(inlineText(b.content));
      else if (b.type === 'quote') walk(b.children);
      else for (const item of b.items) walk(item);
    }
  };
  walk(blocks);
  return out;
}

/** True when the document has no text at all (an empty verslag, or only empty paragraphs). */
export const isEmptyDoc = (blocks: readonly DocBlock[]): boolean =>
  docText(blocks).every((t) => t.trim() === '');

/**
 * Links are kept only when they point somewhere harmless: http(s) and mailto. Anything else
 * (`javascript:`, `data:`, `vbscript:`, relative tricks) is dropped and its text stays as text.
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  const trimmed = href.trim();
  if (trimmed.length === 0 || trimmed.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return null;
  return url.href;
}

/**
 * Inlines in canonical form: a line break is an inline of its own ("\n"), adjacent inlines with
 * the same marks are merged, empty ones dropped.
 */
export function normaliseInlines(content: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  const split = content.flatMap((i) =>
    i.text.includes('\n') && i.text !== '\n' ? i.text.split(/(\n)/).map((text) => ({ ...i, text })) : [i],
  );
  for (const i of split) {
    if (i.text === '') continue;
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.text !== '\n' &&
      i.text !== '\n' &&
      !!prev.bold === !!i.bold &&
      !!prev.italic === !!i.italic &&
      prev.link === i.link
    ) {
      out[out.length - 1] = { ...prev, text: prev.text + i.text };
    } else {
      out.push({ ...i });
    }
  }
  return out;
}
