import type { ReportBlock } from '../../shared/report/blocks';

/**
 * A verslag with every kind of block and hostile text: markup, a `javascript:` link, a spreadsheet
 * formula, right-to-left scripts and emoji. Exports must carry all of it as inert text.
 */
export const EVERY_BLOCK: ReportBlock[] = [
  { type: 'heading', level: 1, text: 'Verslag <script>alert(1)</script>' },
  { type: 'heading', level: 2, text: 'Inleiding' },
  {
    type: 'paragraph',
    content: [
      { text: 'Gewoon, ' },
      { text: 'vet', bold: true },
      { text: ' en ' },
      { text: 'schuin', italic: true },
      { text: ', een ' },
      { text: 'link', link: 'https://example.org/a?b=1&c=2' },
      { text: ' en een ' },
      { text: 'kwade link', link: 'javascript:alert(1)' },
      { text: '.\nNieuwe regel.' },
    ],
  },
  { type: 'heading', level: 3, text: 'עברית en العربية 😀🎉' },
  {
    type: 'bulletList',
    items: [[{ text: "=cmd|' /C calc'!A0" }], [{ text: '<img src=x onerror=alert(1)>' }]],
  },
  { type: 'orderedList', items: [[{ text: 'Eerste' }], [{ text: 'Tweede' }]] },
  { type: 'quote', content: [{ text: '“Een citaat”' }] },
];

/** Nested content the editor can make but harvest never does: a list in a list item, a quote in a list. */
export const NESTED = {
  type: 'bulletList' as const,
  items: [
    [
      { type: 'paragraph' as const, content: [{ text: 'Buiten' }] },
      {
        type: 'orderedList' as const,
        start: 3,
        items: [[{ type: 'paragraph' as const, content: [{ text: 'Binnen drie' }] }]],
      },
    ],
  ],
};
