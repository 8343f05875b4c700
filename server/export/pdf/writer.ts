import { type Direction, paragraphDirection, visualOrder } from '../../../shared/report/bidi';
import type { Inline } from '../../../shared/report/document';
import { inlineText } from '../../../shared/report/document';
import { drawRuns, type TextRun } from './direct';
import { type FontStyle, pdfFonts } from './fonts';
import { type FontKey, lines, type TextStyle, type Word, words } from './layout';
import { sharedWidths, shareShaping } from './shaping';

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
    const fonts = Object.entries(pdfFonts());
    for (const [key, font] of fonts) doc.registerFont(key, font.data);
    shareShaping(
      doc,
      fonts.map(([key]) => key),
    );
    doc.font('regular');
  }

  /** Widths at size 1, per font and text: a verslag repeats its words thousands of times. */
  private readonly widths = sharedWidths();

  /**
   * A word is measured with the space that follows it when drawn, less that space: pdfkit shapes
   * and caches text per word with its space, so the drawing reuses this measurement's shaping.
   */
  private readonly measure = (text: string, font: FontKey, size: number): number => {
    const key = `${font}\u0000${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      const doc = this.doc.font(font).fontSize(1000);
      w = /\s$/.test(text) ? doc.widthOfString(text) : doc.widthOfString(`${text} `) - doc.widthOfString(' ');
      w /= 1000;
      this.widths.set(key, w);
    }
    return w * size;
  };

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
      const trailing = n < allLines.length - 1 ? ' ' : '';
      if (dir === 'ltr' && line.every((w) => w.cls !== 'R')) {
        this.runs(line, xOf.get(line[0]!) ?? this.left + indent, baseline, base, lineHeight, trailing);
        if (bar) this.doc.rect(this.left + indent - 10, this.y, 2, lineHeight).fill('#8a8a8a');
        this.y += lineHeight;
        return;
      }
      line.forEach((w, k) => {
        let px = xOf.get(w)!;
        const rtl = w.cls === 'R';
        const pieces = rtl ? [...w.pieces].reverse() : w.pieces;
        // Words (and lines) are separated by a drawn, invisible space, so extracted text and
        // screen readers get "een link", not "eenlink".
        const space = k < line.length - 1 ? (w.space > 0 ? ' ' : '') : trailing;
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
          if (p.link) this.underline(px, baseline, p.width, base.size, lineHeight, p.link);
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

  /**
   * A left-to-right line: the words that share a font and are one space apart become one run of
   * text (pdfkit advances by the same widths the line was broken with); the whole line is one text
   * object (direct.ts). Links, and a change of font or spacing, start a new run at its own place.
   */
  private runs(
    line: Word[],
    x0: number,
    baseline: number,
    base: TextStyle,
    lineHeight: number,
    trailing: string,
  ) {
    const out: TextRun[] = [];
    const links: { x: number; width: number; link: string }[] = [];
    let run: TextRun | null = null;
    let x = x0;
    line.forEach((w, k) => {
      const last = k === line.length - 1;
      w.pieces.forEach((p, j) => {
        const sep = j < w.pieces.length - 1 ? '' : last ? trailing : w.space > 0 ? ' ' : '';
        if (p.link) {
          run = null;
          out.push({ text: p.text + sep, font: p.font, size: base.size, color: LINK, x });
          links.push({ x, width: p.width, link: p.link });
        } else {
          if (run?.font !== p.font) {
            run = { text: '', font: p.font, size: base.size, color: base.color, x };
            out.push(run);
          }
          run.text += p.text + sep;
        }
        x += p.width;
      });
      if (last) return;
      x += w.space;
      // More than one space, or a space of another font: the next word is placed, not advanced to.
      const current = run as TextRun | null;
      if (
        current &&
        (w.space === 0 || Math.abs(w.space - this.measure(' ', current.font as FontKey, base.size)) > 0.001)
      )
        run = null;
    });
    drawRuns(this.doc, out, baseline);
    for (const l of links) this.underline(l.x, baseline, l.width, base.size, lineHeight, l.link);
  }

  /** pdfkit's own underline and link box assume top-aligned text: drawn here instead. */
  private underline(
    x: number,
    baseline: number,
    width: number,
    size: number,
    lineHeight: number,
    link: string,
  ) {
    this.doc
      .rect(x, baseline + size * 0.12, width, 0.6)
      .fill(LINK)
      .link(x, this.y, width, lineHeight, link);
  }

  /** A list's label (bullet or number), drawn at the current line, right-aligned before `indent`. */
  label(text: string, indent: number): void {
    const w = this.measure(text, 'regular', BODY);
    this.ensure(BODY * LINE);
    drawRuns(
      this.doc,
      [{ text, font: 'regular', size: BODY, color: COLOR, x: this.left + indent - w - 5 }],
      this.y + BODY * 1.02,
    );
  }
}
