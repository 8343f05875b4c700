import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  type ILevelsOptions,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import { xmlSafe } from '../../shared/domain/chars';
import { directionalRuns, paragraphDirection } from '../../shared/report/bidi';
import { cleanDoc } from '../../shared/report/clean';
import type { DocBlock, Inline } from '../../shared/report/document';
import { inlineText, safeHref } from '../../shared/report/document';
import type { ReportLang } from '../../shared/report/strings';

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;

const INDENT = 360; // twips per list level
const BULLETS = ['•', '◦', '▪'];

const bulletLevels: ILevelsOptions[] = Array.from({ length: 9 }, (_, level) => ({
  level,
  format: LevelFormat.BULLET,
  text: BULLETS[level % BULLETS.length]!,
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: INDENT } } },
}));

const numberLevels = (start: number): ILevelsOptions[] =>
  Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    start,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: INDENT } } },
  }));

interface Ctx {
  /** Word numbering definitions: one per distinct start of a numbered list. */
  numberingRefs: Map<number, string>;
  /** Each numbered list is its own instance, so numbering restarts per list. */
  nextInstance: number;
}

/** Runs of one inline, split where the direction changes (Word needs `w:rtl` on RTL runs). */
function runs(i: Inline, style?: string): TextRun[] {
  if (i.text === '\n') return [new TextRun({ text: '', break: 1 })];
  return directionalRuns(i.text).map(
    (r) =>
      new TextRun({
        text: r.text,
        bold: i.bold,
        italics: i.italic,
        rightToLeft: r.rtl || undefined,
        ...(style ? { style } : {}),
      }),
  );
}

function children(content: readonly Inline[]): ParagraphChild[] {
  return content.flatMap((i): ParagraphChild[] => {
    const href = i.link ? safeHref(i.link) : null;
    if (href) return [new ExternalHyperlink({ link: href, children: runs(i, 'Hyperlink') })];
    return runs(i);
  });
}

const rtl = (content: readonly Inline[]) => paragraphDirection(inlineText(content)) === 'rtl';

function paragraphs(
  bs: readonly DocBlock[],
  ctx: Ctx,
  list: { ref: string; level: number; instance?: number } | null,
  quote: boolean,
): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of bs) {
    switch (b.type) {
      case 'heading':
        out.push(
          new Paragraph({
            heading: HEADINGS[b.level],
            bidirectional: rtl(b.content) || undefined,
            keepNext: true,
            children: children(b.content),
          }),
        );
        break;
      case 'paragraph': {
        // The first paragraph of a list item carries its bullet or number; later ones are indented.
        const numbered = list && out.length === 0 && list.ref !== '';
        out.push(
          new Paragraph({
            ...(quote ? { style: 'Quote' } : {}),
            bidirectional: rtl(b.content) || undefined,
            children: children(b.content),
            ...(numbered
              ? {
                  numbering: {
                    reference: list.ref,
                    level: list.level,
                    ...(list.instance !== undefined ? { instance: list.instance } : {}),
                  },
                }
              : list
                ? { indent: { left: INDENT * (list.level + 1) } }
                : {}),
          }),
        );
        break;
      }
      case 'quote':
        out.push(...paragraphs(b.children, ctx, list ? { ...list, ref: '' } : null, true));
        break;
      case 'bulletList':
      case 'orderedList': {
        const level = list ? list.level + 1 : 0;
        let ref = 'bullets';
        let instance: number | undefined;
        if (b.type === 'orderedList') {
          ref = ctx.numberingRefs.get(b.start) ?? `numbers-${b.start}`;
          ctx.numberingRefs.set(b.start, ref);
          instance = ctx.nextInstance++;
        }
        for (const item of b.items) {
          const itemBlocks = item.length > 0 ? item : [{ type: 'paragraph', content: [] } as DocBlock];
          out.push(...paragraphs(itemBlocks, ctx, { ref, level, instance }, quote));
        }
        break;
      }
    }
  }
  return out;
}

/**
 * [REPORT10] The verslag as a Word document: Word's own heading styles (the navigation pane and
 * a table of contents find them), real numbered and bulleted lists (numbering definitions, not
 * typed bullets), real hyperlinks, right-to-left paragraphs flagged as such, page numbers.
 * [XSS3] Characters outside XML 1.0 are dropped first: one U+FFFE makes the file unopenable.
 */
export async function toDocx(
  doc: readonly DocBlock[],
  opts: { title: string; lang: ReportLang },
): Promise<Buffer> {
  const ctx: Ctx = { numberingRefs: new Map(), nextInstance: 1 };
  const body = paragraphs(cleanDoc(doc), ctx, null, false);
  const title = xmlSafe(opts.title);
  const pageWords = opts.lang === 'nl' ? ['Pagina ', ' van '] : ['Page ', ' of '];
  const file = new Document({
    creator: 'Oogst',
    title,
    description: title,
    styles: {
      default: {
        document: {
          run: { font: 'Calibri', size: 22, language: { value: opts.lang === 'nl' ? 'nl-NL' : 'en-GB' } },
          paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
        },
        // Word's own heading styles (kept by name), sized like the seed verslag.
        heading1: { run: { size: 36, bold: true, color: '1A1A1A' }, paragraph: { spacing: { after: 200 } } },
        heading2: {
          run: { size: 28, bold: true, color: '1A1A1A' },
          paragraph: { spacing: { before: 360, after: 120 } },
        },
        heading3: {
          run: { size: 24, bold: true, color: '1A1A1A' },
          paragraph: { spacing: { before: 240, after: 80 } },
        },
        heading4: {
          run: { size: 22, bold: true, italics: true, color: '1A1A1A' },
          paragraph: { spacing: { before: 200, after: 60 } },
        },
        hyperlink: { run: { color: '0B5394', underline: { type: 'single' } } },
      },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '404040' },
          paragraph: {
            indent: { left: 567 },
            border: { left: { style: 'single', size: 12, color: '8A8A8A', space: 8 } },
          },
        },
      ],
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: bulletLevels },
        ...[...ctx.numberingRefs].map(([start, reference]) => ({ reference, levels: numberLevels(start) })),
      ],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 18,
                    children: [pageWords[0]!, PageNumber.CURRENT, pageWords[1]!, PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(file);
}
