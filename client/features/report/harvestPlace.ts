import type { Editor } from '@tiptap/core';
import { harvestIndex, type TopBlock } from '../../../shared/report/place';
import type { blocksToProseMirror } from '../../../shared/report/prosemirror';

type Content = ReturnType<typeof blocksToProseMirror>;

/** Editors in which the secretary has put the cursor somewhere themselves. */
const placed = new WeakSet<Editor>();

/** Keys that pass through the editor without choosing a place in the text. */
const PASSING = new Set(['Tab', 'Shift', 'Control', 'Alt', 'Meta', 'Escape', 'CapsLock']);

/**
 * Remembers when the secretary puts the cursor in the text: a click or tap in it, or a key that
 * moves or types in it. Only tabbing through (the cursor then still sits before the title) does
 * not count. From then on a harvest goes in at the cursor.
 */
export function trackCursor(editor: Editor): () => void {
  const dom = editor.view.dom;
  const click = () => placed.add(editor);
  const key = (e: KeyboardEvent) => {
    if (!PASSING.has(e.key)) placed.add(editor);
  };
  dom.addEventListener('pointerdown', click);
  dom.addEventListener('keydown', key);
  return () => {
    dom.removeEventListener('pointerdown', click);
    dom.removeEventListener('keydown', key);
  };
}

export const hasCursor = (editor: Editor): boolean => placed.has(editor);

/**
 * [REPORT6] A harvest while nobody has put the cursor in the verslag: under the heading of the
 * activity's agenda item (`harvestIndex`), not at the document's start (above the title). The
 * editor keeps no cursor and the focus stays on the button; the new text is scrolled into view.
 */
export function insertUnderItem(editor: Editor, content: Content, itemTitle: string | null): void {
  const doc = editor.state.doc;
  const blocks: TopBlock[] = [];
  doc.forEach((node) => {
    const level = node.attrs.level;
    blocks.push({
      type: node.type.name,
      ...(typeof level === 'number' ? { level } : {}),
      text: node.textContent,
    });
  });
  const index = harvestIndex(blocks, itemTitle);
  let pos = 0;
  doc.forEach((node, offset, i) => {
    if (i < index) pos = offset + node.nodeSize;
  });
  editor.chain().insertContentAt(pos, content, { updateSelection: false }).run();
  const dom = editor.view.nodeDOM(pos);
  if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'nearest' });
}
