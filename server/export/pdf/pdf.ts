import PDFDocument from 'pdfkit';
import { xmlSafe } from '../../../shared/domain/chars';
import { type Direction, paragraphDirection, textClass, visualOrder } from '../../../shared/report/bidi';
import { cleanDoc } from '../../../shared/report/clean';
import type { DocBlock, Inline } from '../../../shared/report/document';
import { inlineText, safeHref } from '../../../shared/report/document';
import type { ReportLang } from '../../../shared/report/strings';
import { type FontStyle, pdfFonts, splitByFont } from './fonts';

type FontKey = FontStyle | 'emoji';

interface Piece {
  text: string;
  font: FontKey;
  width: number;
  link: string | null;
}

interface Word {
  pieces: Piece[];
  width: number;
  /** Width of the spaces after the word (0 at the end of a line). */
  space: number;
  cls: 'R' | 'L' | 'N';
}

interface TextStyle {
  size: number;
  style: FontStyle;
  color: string;
}

const COLOR = '#1a1a1a';
const LINK = '#0b5394';
const LINE = 1.38;
const HEADING: Record<1 | 2 | 3 | 4, { size: number; style: FontStyle; before: number; after: number }> = {
  1: { size: 19, style: 'bold', before: 0, after: 10 },
  2: { size: 14.5, style: 'bold', before: 16, after: 5 },
  3: { size: 12, style: 'bold', before: 12, after: 4 },
  4: { size: 10.5, style: 'boldItalic', before: 10, after: 3 },
};
const BODY = 10.5;
/**
 * Bidi controls (marks, embeddings, overrides, isolates): invisible, and no font here has a glyph
 * for them, so drawn they became boxes. This writer puts right-to-left words in visual order itself.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const INDENT = 18;

const styleOf = (base: FontStyle, i: Inline): FontStyle => {
  const bold = base === 'bold' || base === 'boldItalic' || !!i.bold;
  const italic = base === 'italic' || base === 'boldItalic' || !!i.italic;
  return bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular';
};

/**
 * Lays out and draws the verslag with pdfkit: own line breaking (so that right-to-left words can
 * be put in visual order per line, and every character finds a font that has it), tagged
 * structure (H1–H4, P, L/LI/Lbl/LBody, BlockQuote) for screen readers, page numbers as artifacts.
 */
class Writer {
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

  private measure(text: string, font: FontKey, size: number): number {
    return this.doc.font(font).fontSize(size).widthOfString(text);
  }

  /** Inlines → lines of words (hard breaks force a new line). */
  private words(content: readonly Inline[], base: TextStyle): Word[][] {
    const groups: Word[][] = [[]];
    let current: Word | null = null;
    const finish = () => {
      if (current && current.pieces.length > 0) {
        current.cls = textClass(current.pieces.map((p) => p.text).join(''));
        groups[groups.length - 1]!.push(current);
      }
      current = null;
    };
    for (const i of content) {
      if (i.text === '\n') {
        finish();
        groups.push([]);
        continue;
      }
      const style = styleOf(base.style, i);
      const link = i.link ? safeHref(i.link) : null;
      for (const part of i.text.replace(BIDI_CONTROLS, '').split(/(\s+)/)) {
        if (part === '') continue;
        if (/^\s+$/.test(part)) {
          if (current) (current as Word).space += this.measure(' ', style, base.size) * part.length;
          finish();
          continue;
        }
        current ??= { pieces: [], width: 0, space: 0, cls: 'N' };
        for (const piece of splitByFont(part, style)) {
          const width = this.measure(piece.text, piece.font, base.size);
          current.pieces.push({ text: piece.text, font: piece.font, width, link });
          current.width += width;
        }
      }
    }
    finish();
    return groups;
  }

  /** Greedy line breaking; a word wider than the line is cut between characters. */
  private lines(words: readonly Word[], width: number, size: number): Word[][] {
    const out: Word[][] = [];
    let line: Word[] = [];
    let used = 0;
    const queue = [...words];
    while (queue.length > 0) {
      const w = queue.shift()!;
      if (w.width > width) {
        queue.unshift(...this.cut(w, width - (line.length > 0 ? used : 0), width, size));
        if (line.length > 0 && queue[0]!.width > width - used) {
          out.push(line);
          line = [];
          used = 0;
        }
        continue;
      }
      if (line.length > 0 && used + w.width > width) {
        out.push(line);
        line = [];
        used = 0;
      }
      line.push(w);
      used += w.width + w.space;
    }
    if (line.length > 0) out.push(line);
    return out;
  }

  private cut(w: Word, first: number, width: number, size: number): Word[] {
    const parts: Word[] = [];
    let cur: Word = { pieces: [], width: 0, space: 0, cls: w.cls };
    let room = Math.max(first, width * 0.3);
    for (const piece of w.pieces) {
      for (const ch of piece.text) {
        const cw = this.measure(ch, piece.font, size);
        if (cur.width + cw > room && cur.width > 0) {
          parts.push(cur);
          cur = { pieces: [], width: 0, space: 0, cls: w.cls };
          room = width;
        }
        const last = cur.pieces[cur.pieces.length - 1];
        if (last && last.font === piece.font && last.link === piece.link) {
          last.text += ch;
          last.width += cw;
        } else cur.pieces.push({ text: ch, font: piece.font, width: cw, link: piece.link });
        cur.width += cw;
      }
    }
    cur.space = w.space;
    parts.push(cur);
    return parts;
  }

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
    const allLines = this.words(content, base).flatMap((g) =>
      g.length === 0 ? [[] as Word[]] : this.lines(g, width, base.size),
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

function render(
  w: Writer,
  blocks: readonly DocBlock[],
  parent: PDFKit.PDFStructureElement,
  indent: number,
  quote: boolean,
): void {
  const doc = w.doc;
  for (const b of blocks) {
    switch (b.type) {
      case 'heading': {
        const h = HEADING[b.level];
        const el = doc.struct(`H${b.level}` as 'H1');
        parent.add(el);
        el.add(() => {
          if (w.y > w.doc.page.margins.top) w.y += h.before;
          // Keep a heading with the two lines after it.
          w.paragraph(b.content, { size: h.size, style: h.style, color: COLOR }, indent, BODY * LINE * 2);
          w.y += h.after;
        });
        el.end();
        break;
      }
      case 'paragraph': {
        const el = doc.struct('P');
        parent.add(el);
        el.add(() => {
          w.paragraph(
            b.content,
            { size: BODY, style: quote ? 'italic' : 'regular', color: quote ? '#404040' : COLOR },
            indent,
            0,
            quote,
          );
          w.y += 5;
        });
        el.end();
        break;
      }
      case 'quote': {
        const el = doc.struct('BlockQuote');
        parent.add(el);
        render(w, b.children, el, indent + INDENT, true);
        el.end();
        break;
      }
      case 'bulletList':
      case 'orderedList': {
        const list = doc.struct('L');
        parent.add(list);
        b.items.forEach((item, n) => {
          const li = doc.struct('LI');
          list.add(li);
          const label = b.type === 'bulletList' ? '•' : `${b.start + n}.`;
          // The page break comes before the label, not inside its marked content.
          w.ensure(BODY * LINE);
          li.add(doc.struct('Lbl', {}, () => w.label(label, indent + INDENT)));
          const body = doc.struct('LBody');
          li.add(body);
          render(
            w,
            item.length > 0 ? item : [{ type: 'paragraph', content: [] }],
            body,
            indent + INDENT,
            quote,
          );
          body.end();
          li.end();
        });
        list.end();
        break;
      }
    }
  }
}

/**
 * [REPORT10] The verslag as a tagged PDF (pdfkit): embedded DejaVu Sans and Noto Emoji, so Dutch
 * diacritics, Hebrew, Arabic and emoji in people's text print; right-to-left paragraphs right
 * aligned with their words in visual order; document language and title set.
 */
export function toPdf(doc: readonly DocBlock[], opts: { title: string; lang: ReportLang }): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    tagged: true,
    pdfVersion: '1.7',
    lang: opts.lang === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    bufferPages: true,
    // [XSS3] The title also goes into the XMP metadata, which is XML.
    info: { Title: xmlSafe(opts.title), Creator: 'Oogst', Producer: 'Oogst (pdfkit)' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const writer = new Writer(pdf);
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  render(writer, cleanDoc(doc), root, 0, false);
  root.end();
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const label =
      opts.lang === 'nl' ? `Pagina ${i + 1} van ${range.count}` : `Page ${i + 1} of ${range.count}`;
    pdf.markContent('Artifact', { type: 'Pagination' });
    const w = pdf.font('regular').fontSize(8.5).widthOfString(label);
    pdf.fillColor('#555555').text(label, (pdf.page.width - w) / 2, pdf.page.height - 40, {
      lineBreak: false,
      baseline: 'alphabetic',
    });
    pdf.endMarkedContent();
  }
  pdf.end();
  return done;
}
