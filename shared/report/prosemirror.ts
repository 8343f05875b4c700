import type { Inline, ReportBlock } from './blocks';
import { safeHref } from './document';

/** ProseMirror JSON (the shape TipTap's `insertContent` takes). */
export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

function inlines(content: readonly Inline[]): PmNode[] {
  const out: PmNode[] = [];
  for (const i of content) {
    i.text.split('\n').forEach((part, n) => {
      if (n > 0) out.push({ type: 'hardBreak' });
      if (part === '') return;
      const marks: NonNullable<PmNode['marks']> = [];
      if (i.bold) marks.push({ type: 'bold' });
      if (i.italic) marks.push({ type: 'italic' });
      const href = i.link ? safeHref(i.link) : null;
      if (href) marks.push({ type: 'link', attrs: { href } });
      out.push({ type: 'text', text: part, ...(marks.length > 0 ? { marks } : {}) });
    });
  }
  return out;
}

const para = (content: readonly Inline[]): PmNode => {
  const c = inlines(content);
  return c.length > 0 ? { type: 'paragraph', content: c } : { type: 'paragraph' };
};

/**
 * [REPORT6] Harvested blocks as ProseMirror nodes, to insert at the cursor as ordinary text. Text
 * is only ever text nodes: nothing in it is parsed as HTML or Markdown.
 */
export function blocksToProseMirror(blocks: readonly ReportBlock[]): PmNode[] {
  return blocks.map(blockToPm);
}

function blockToPm(b: ReportBlock): PmNode {
  switch (b.type) {
    case 'heading': {
      const c = inlines([{ text: b.text }]);
      return { type: 'heading', attrs: { level: b.level }, ...(c.length > 0 ? { content: c } : {}) };
    }
    case 'paragraph':
      return para(b.content);
    case 'bulletList':
    case 'orderedList':
      return {
        type: b.type,
        content: b.items.map((item) => ({ type: 'listItem', content: [para(item)] })),
      };
    case 'quote':
      return { type: 'blockquote', content: [para(b.content)] };
  }
}
