import * as Y from 'yjs';
import type { Inline } from './blocks';
import { type DocBlock, type HeadingLevel, normaliseInlines, safeHref } from './document';
import { harvestIndex, type TopBlock } from './place';

/**
 * The verslag's Y.Doc shape. TipTap's Collaboration extension keeps the ProseMirror document in the
 * XmlFragment `default` the way y-prosemirror maps it: one XmlElement per node (its name is the node
 * type, its attributes the node's attrs), and XmlText for text, whose formatting attributes are the
 * marks (`bold`, `italic`, `link` with `{ href }`; marks that may overlap get a `--hash` suffix).
 *
 * The server reads this shape to render exports and writes it once for the template; the editor
 * writes it through y-prosemirror. Unit tests check both against y-tiptap itself.
 */
export const REPORT_FIELD = 'default';

export const reportFragment = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(REPORT_FIELD);

type Node = Y.XmlElement | Y.XmlText | Y.XmlHook;

const markName = (attr: string) => attr.replace(/--[a-zA-Z0-9+/=]{8}$/, '');

function clampLevel(v: unknown): HeadingLevel {
  const n = Number(v);
  return n <= 1 ? 1 : n >= 4 ? 4 : ((Math.round(n) || 1) as HeadingLevel);
}

function textInlines(t: Y.XmlText): Inline[] {
  const out: Inline[] = [];
  for (const op of t.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string') continue;
    const inline: Inline = { text: op.insert };
    for (const [key, value] of Object.entries(op.attributes ?? {})) {
      const name = markName(key);
      if (name === 'bold' || name === 'strong') inline.bold = true;
      else if (name === 'italic' || name === 'em') inline.italic = true;
      else if (name === 'link') {
        const href = safeHref((value as { href?: unknown } | null)?.href);
        if (href) inline.link = href;
      }
    }
    out.push(inline);
  }
  return out;
}

function inlinesOf(el: Y.XmlElement | Y.XmlFragment): Inline[] {
  const out: Inline[] = [];
  for (const child of el.toArray() as Node[]) {
    if (child instanceof Y.XmlText) out.push(...textInlines(child));
    else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'hardBreak') out.push({ text: '\n' });
      else out.push(...inlinesOf(child));
    }
  }
  return normaliseInlines(out);
}

const isBlockName = (name: string) =>
  [
    'heading',
    'paragraph',
    'bulletList',
    'orderedList',
    'blockquote',
    'listItem',
    'codeBlock',
    'horizontalRule',
  ].includes(name);

function readBlocks(parent: Y.XmlElement | Y.XmlFragment): DocBlock[] {
  const out: DocBlock[] = [];
  let loose: Inline[] = [];
  const flushLoose = () => {
    const content = normaliseInlines(loose);
    if (content.length > 0) out.push({ type: 'paragraph', content });
    loose = [];
  };
  for (const child of parent.toArray() as Node[]) {
    if (child instanceof Y.XmlText) {
      loose.push(...textInlines(child));
      continue;
    }
    if (!(child instanceof Y.XmlElement)) continue;
    if (!isBlockName(child.nodeName) && child.nodeName !== 'hardBreak') {
      // Unknown node (from a newer editor, or a hand-made update): keep its text, never its markup.
      const nested = child.toArray().some((c) => c instanceof Y.XmlElement && isBlockName(c.nodeName));
      if (nested) {
        flushLoose();
        out.push(...readBlocks(child));
      } else loose.push(...inlinesOf(child));
      continue;
    }
    if (child.nodeName === 'hardBreak') {
      loose.push({ text: '\n' });
      continue;
    }
    flushLoose();
    out.push(...readBlock(child));
  }
  flushLoose();
  return out;
}

function readItems(list: Y.XmlElement): DocBlock[][] {
  const items: DocBlock[][] = [];
  for (const child of list.toArray() as Node[]) {
    if (child instanceof Y.XmlElement && child.nodeName === 'listItem') items.push(readBlocks(child));
    else if (child instanceof Y.XmlElement) items.push(readBlock(child));
  }
  return items;
}

function readBlock(el: Y.XmlElement): DocBlock[] {
  switch (el.nodeName) {
    case 'heading':
      return [{ type: 'heading', level: clampLevel(el.getAttribute('level')), content: inlinesOf(el) }];
    case 'paragraph':
    case 'codeBlock':
      return [{ type: 'paragraph', content: inlinesOf(el) }];
    case 'bulletList':
      return [{ type: 'bulletList', items: readItems(el) }];
    case 'orderedList': {
      const start = Number(el.getAttribute('start') ?? 1);
      return [
        {
          type: 'orderedList',
          start: Number.isInteger(start) && start >= 0 && start < 100000 ? start : 1,
          items: readItems(el),
        },
      ];
    }
    case 'blockquote':
      return [{ type: 'quote', children: readBlocks(el) }];
    case 'listItem':
      return readBlocks(el);
    default:
      return [];
  }
}

/** [REPORT8] The verslag as blocks, read from the Y.Doc (exports are rendered from this). */
export function readReport(doc: Y.Doc): DocBlock[] {
  return readBlocks(reportFragment(doc));
}

// --- writing -------------------------------------------------------------------------------------

function textNode(content: readonly Inline[]): (Y.XmlText | Y.XmlElement)[] {
  const out: (Y.XmlText | Y.XmlElement)[] = [];
  let text: Y.XmlText | null = null;
  let at = 0;
  for (const i of content) {
    const parts = i.text.split('\n');
    parts.forEach((part, n) => {
      if (n > 0) {
        out.push(new Y.XmlElement('hardBreak'));
        text = null;
      }
      if (part === '') return;
      if (!text) {
        text = new Y.XmlText();
        out.push(text);
        at = 0;
      }
      const attrs: Record<string, unknown> = {};
      if (i.bold) attrs.bold = {};
      if (i.italic) attrs.italic = {};
      const href = i.link ? safeHref(i.link) : null;
      if (href) attrs.link = { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null };
      text.insert(at, part, attrs);
      at += part.length;
    });
  }
  return out;
}

function element(name: string, attrs: Record<string, unknown>, children: (Y.XmlElement | Y.XmlText)[]) {
  const el = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as string);
  if (children.length > 0) el.insert(0, children);
  return el;
}

function toElement(b: DocBlock): Y.XmlElement {
  switch (b.type) {
    case 'heading':
      return element('heading', { level: b.level }, textNode(b.content));
    case 'paragraph':
      return element('paragraph', {}, textNode(b.content));
    case 'bulletList':
    case 'orderedList':
      return element(
        b.type,
        b.type === 'orderedList' ? { start: b.start, type: null } : {},
        b.items.map((item) =>
          element(
            'listItem',
            {},
            (item.length > 0 ? item : [{ type: 'paragraph', content: [] } as DocBlock]).map(toElement),
          ),
        ),
      );
    case 'quote':
      return element(
        'blockquote',
        {},
        (b.children.length > 0 ? b.children : [{ type: 'paragraph', content: [] } as DocBlock]).map(
          toElement,
        ),
      );
  }
}

/** Appends blocks to the verslag (in one transaction): used once, for the template. */
export function appendBlocks(doc: Y.Doc, blocks: readonly DocBlock[], origin?: unknown): void {
  insertBlocks(doc, reportFragment(doc).length, blocks, origin);
}

/** Inserts blocks at a top-level position of the verslag (in one transaction). */
export function insertBlocks(doc: Y.Doc, index: number, blocks: readonly DocBlock[], origin?: unknown): void {
  const fragment = reportFragment(doc);
  doc.transact(() => {
    fragment.insert(Math.min(index, fragment.length), blocks.map(toElement));
  }, origin);
}

/** The verslag's top-level blocks with their text, to find a section (see `harvestIndex`). */
export function topBlocks(doc: Y.Doc): TopBlock[] {
  return (reportFragment(doc).toArray() as Node[]).map((n) => {
    if (!(n instanceof Y.XmlElement))
      return { type: 'text', text: n instanceof Y.XmlText ? n.toString() : '' };
    const text = inlinesOf(n)
      .map((i) => i.text)
      .join('');
    return n.nodeName === 'heading'
      ? { type: 'heading', level: clampLevel(n.getAttribute('level')), text }
      : { type: n.nodeName, text };
  });
}

/**
 * [REPORT6] Inserts a harvest under the heading of its agenda item (at the end of that section),
 * as the editor does when nobody has put the cursor anywhere.
 */
export function insertUnderItem(
  doc: Y.Doc,
  itemTitle: string | null,
  blocks: readonly DocBlock[],
  origin?: unknown,
): void {
  insertBlocks(doc, harvestIndex(topBlocks(doc), itemTitle), blocks, origin);
}
