import { xmlSafe } from '../domain/chars';
import type { DocBlock, Inline } from './document';

const cleanInlines = (content: readonly Inline[]): Inline[] =>
  content.flatMap((i) => {
    const text = xmlSafe(i.text);
    if (text === '') return [];
    return [{ ...i, text, ...(i.link !== undefined ? { link: xmlSafe(i.link) } : {}) }];
  });

/**
 * [XSS3] The verslag without characters a document cannot carry (see `xmlSafe`). Exports run it
 * first: the text comes from editors (pasted from anywhere) and from data stored before text fields
 * refused such characters, and one stray U+FFFE must not make the secretary's Word file unopenable.
 */
export function cleanDoc(blocks: readonly DocBlock[]): DocBlock[] {
  return blocks.map((b): DocBlock => {
    if (b.type === 'heading' || b.type === 'paragraph') return { ...b, content: cleanInlines(b.content) };
    if (b.type === 'quote') return { ...b, children: cleanDoc(b.children) };
    return { ...b, items: b.items.map(cleanDoc) };
  });
}
