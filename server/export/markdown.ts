import type { DocBlock, Inline } from '../../shared/report/document';
import { safeHref } from '../../shared/report/document';

/**
 * Escapes text for CommonMark so that nothing in it is read as markup or HTML: `<script>` stays
 * the characters `<script>`. Only characters that can start markup are escaped, so prose stays
 * readable ("bubbels." is not "bubbels\.").
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~&#]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+\-=>])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

function inline(i: Inline): string {
  if (i.text === '\n') return '\\\n';
  // Emphasis markers must touch text: keep surrounding spaces outside them.
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(i.text)!;
  const [, lead = '', core = '', trail = ''] = m;
  if (core === '') return i.text;
  let out = escapeMarkdown(core);
  const href = i.link ? safeHref(i.link) : null;
  if (href) out = `[${out}](<${href}>)`;
  if (i.italic) out = `*${out}*`;
  if (i.bold) out = `**${out}**`;
  return `${lead}${out}${trail}`;
}

const inlines = (content: readonly Inline[]) => content.map(inline).join('');

function block(b: DocBlock): string[] {
  switch (b.type) {
    case 'heading':
      return [`${'#'.repeat(b.level)} ${inlines(b.content).replace(/\\\n/g, ' ')}`];
    case 'paragraph':
      return [inlines(b.content)];
    case 'quote':
      return blocks(b.children).map((l) => (l === '' ? '>' : `> ${l}`));
    case 'bulletList':
    case 'orderedList': {
      const out: string[] = [];
      b.items.forEach((item, n) => {
        const marker = b.type === 'bulletList' ? '- ' : `${(b.type === 'orderedList' ? b.start : 1) + n}. `;
        const pad = ' '.repeat(marker.length);
        const lines = blocks(item);
        if (lines.length === 0) lines.push('');
        lines.forEach((l, k) => {
          out.push(k === 0 ? `${marker}${l}` : l === '' ? '' : `${pad}${l}`);
        });
      });
      return out;
    }
  }
}

function blocks(bs: readonly DocBlock[]): string[] {
  const out: string[] = [];
  for (const b of bs) {
    if (b.type === 'paragraph' && b.content.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(...block(b).flatMap((l) => l.split('\n')));
  }
  return out;
}

/** [REPORT10] The verslag as CommonMark. */
export function toMarkdown(doc: readonly DocBlock[]): string {
  return `${blocks(doc).join('\n')}\n`;
}
