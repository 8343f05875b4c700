/** A top-level block of the verslag, as far as placing a harvest goes. */
export interface TopBlock {
  /** The node's name: `heading`, `paragraph`, `bulletList`, … */
  type: string;
  /** A heading's level. */
  level?: number;
  text: string;
}

const same = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('nl').replace(/\s+/g, ' ') ===
  b.trim().toLocaleLowerCase('nl').replace(/\s+/g, ' ');

/**
 * [REPORT6] Where a harvest goes when the secretary has not put the cursor in the verslag: under
 * the heading of the activity's agenda item (the template has one per item, REPORT3), at the end
 * of that item's section — before the next heading of the same or a higher level, and before the
 * empty lines the section ends with, so the line left to type in stays below the harvest. Without
 * an agenda item, or when its heading is gone, at the end of the verslag: never above the title.
 * Answers an index among the top-level blocks.
 */
export function harvestIndex(blocks: readonly TopBlock[], itemTitle: string | null): number {
  if (!itemTitle) return blocks.length;
  const isItem = (b: TopBlock) => b.type === 'heading' && same(b.text, itemTitle);
  let at = blocks.findIndex((b) => isItem(b) && b.level === 2);
  if (at < 0) at = blocks.findIndex((b) => isItem(b) && (b.level ?? 1) > 1);
  if (at < 0) return blocks.length;
  const level = blocks[at]!.level ?? 2;
  let end = blocks.findIndex((b, i) => i > at && b.type === 'heading' && (b.level ?? 1) <= level);
  if (end < 0) end = blocks.length;
  while (end - 1 > at && blocks[end - 1]!.type === 'paragraph' && blocks[end - 1]!.text.trim() === '')
    end -= 1;
  return end;
}
