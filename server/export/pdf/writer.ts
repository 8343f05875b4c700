import { type Direction, paragraphDirection, visualOrder } from '../../../shared/report/bidi';
import type { Inline } from '../../../shared/report/document';
import { inlineText } from '../../../shared/report/document';
import { type FontStyle, pdfFonts } from './fonts';
import { type FontKey, lines, type TextStyle, type Word, words } from './layout';

export const COLOR = '#1a1a1a';
const LINK = '#0b5394';
export const LINE = 1.38;
export const HEADING: Record<
  1 | 2 | 3 | 4,
  { size: number; style: FontStyle; before: number; after: number }
> = {
  1: { size: 19, style: 'bold', before: 0, after: 10 },
  2: { size: 14.5, style: 'bold', before: 16, after: 5 },
  3: { size: 12, style: 'bold', before: 12, after: 4 },
  4: { size: 10.5, style: 'boldItalic', before: 10, after: 3 },
};
export const BODY = 10.5;
export const INDENT = 18;

/**
 * Lays out and draws the verslag with pdfkit (layout.ts breaks the lines), tagged structure for
 * screen readers is opened around it by pdf.ts; pages turn without breaking marked content.
 */
export class Writer {
  readonly doc: PDFKit.PDFDocument;
  y: number;
  private readonly top: number;
  private readonly bottom: number;
  private readonly left: number;
  private readonly right: number;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
    const m = doc.page.margins;
    this.top = m.top;
    this.bottom = doc.page.height - m.bottom;
    this.left = m.left;
    this.right = doc.page.width - m.right;
    this.y = this.top;
    for (const [key, font] of Object.entries(pdfFonts())) doc.registerFont(key, font.data);
  }

  private readonly measure = (text: string, font: FontKey, size: number): number =>
    this.doc.font(font).fontSize(size).widthOfString(text);

  /**
   * [REPORT15] A new page when `height` does not fit. Marked content must not span pages: pdfkit's
   * `continueOnNewPage` closes what is open (EMC) at the end of this page and opens it again on the
   * next with a new MCID under the same structure element, so a paragraph split over two pages is
   * still one P (a plain `addPage` left the EMC on the next page: "Mismatched EMC operator").
   */
  ensure(height: number): void {
    if (this.y + height > this.bottom) {
      this.doc.continueOnNewPage();
      this.y = this.top;
    }
  }

  /** Draws a paragraph of inlines from `indent`; returns nothing, moves `y` down. */
  paragraph(
    content: readonly Inline[],
    base: TextStyle,
    indent: number,
    keepWithNext = 0,
    bar = false,
  ): void {
    const dir: Direction = paragraphDirection(inlineText(content));
    const width = this.right - this.left - indent;
    const lineHeight = base.size * LINE;
    const allLines = words(this.measure, content, base).flatMap((g) =>
      g.length === 0 ? [[] as Word[]] : lines(this.measure, g, width, base.size),
    );
    allLines.forEach((line, n) => {
      this.ensure(lineHeight + (n === 0 ? keepWithNext : 0));
      const ordered = visualOrder(line, (w) => w.cls, dir);
      const total = ordered.reduce((s, w, k) => s + w.width + (k < ordered.length - 1 ? w.space : 0), 0);
      // Positions come from the visual order; drawing follows the logical order, so that text
      // extraction and screen readers get the words as they were written.
      const xOf = new Map<Word, number>();
      let x = dir === 'rtl' ? this.right - total : this.left + indent;
      ordered.forEach((w, k) => {
        xOf.set(w, x);
        x += w.width + (k < ordered.length - 1 ? w.space : 0);
      });
      const baseline = this.y + base.size * 1.02;
      line.forEach((w, k) => {
        let px = xOf.get(w)!;
        const rtl = w.cls === 'R';
        const pieces = rtl ? [...w.pieces].reverse() : w.pieces;
        // Words (and lines) are separated by a drawn, invisible space, so extracted text and
        // screen readers get "een link", not "eenlink".
        const space = (k < line.length - 1 ? w.space > 0 : n < allLines.length - 1) ? ' ' : '';
        pieces.forEach((p, j) => {
          // The space after a word is drawn too (invisible), so extracted text has its spaces.
          const last = rtl ? j === 0 : j === pieces.length - 1;
          this.doc
            .font(p.font)
            .fontSize(base.size)
            .fillColor(p.link ? LINK : base.color)
            .text(p.text + (last && !rtl ? space : ''), px, baseline, {
              lineBreak: false,
              baseline: 'alphabetic',
            });
          if (p.link) {
            // pdfkit's own underline and link box assume top-aligned text: drawn here instead.
            this.doc
              .rect(px, baseline + base.size * 0.12, p.width, 0.6)
              .fill(LINK)
              .link(px, this.y, p.width, lineHeight, p.link);
          }
          px += p.width;
        });
        if (rtl && space)
          this.doc.font('regular').text(space, px, baseline, { lineBreak: false, baseline: 'alphabetic' });
      });
      if (bar) {
        this.doc.rect(this.left + indent - 10, this.y, 2, lineHeight).fill('#8a8a8a');
      }
      this.y += lineHeight;
    });
  }

  /** A list's label (bullet or number), drawn at the current line, right-aligned before `indent`. */
  label(text: string, indent: number): void {
    const w = this.measure(text, 'regular', BODY);
    this.ensure(BODY * LINE);
    this.doc
      .font('regular')
      .fontSize(BODY)
      .fillColor(COLOR)
      .text(text, this.left + indent - w - 5, this.y + BODY * 1.02, {
        lineBreak: false,
        baseline: 'alphabetic',
      });
  }
}
