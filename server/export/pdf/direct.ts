/**
 * Text drawn straight into the page's content stream, for left-to-right lines: what pdfkit's
 * `text()` writes for one fragment (font, position, glyphs with their kerning and mark offsets),
 * but one text object per line instead of one per word, and one content write instead of ten.
 * A 350-page verslag spent most of its time in pdfkit's per-call work and in the garbage of its
 * many small writes. Glyphs still go through pdfkit's font (`encode`: its shaping cache, the
 * subset and the ToUnicode map), so extracted text and the embedded fonts are as before.
 *
 * This reads three pdfkit internals (pinned at 0.20.2 in package.json): the current font
 * (`_font`), the page's font resources and `addContent`.
 */

interface GlyphPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

interface PdfFont {
  id: string;
  encode(text: string): [string[], GlyphPosition[]];
  ref(): unknown;
}

interface PdfInternals {
  _font: PdfFont;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** One piece of a line: text in one font, size and colour, starting at `x` on the baseline. */
export interface TextRun {
  text: string;
  font: string;
  size: number;
  color: string;
  x: number;
}

/** Numbers as pdfkit writes them (at most six decimals). */
const num = (n: number) => Math.round(n * 1e6) / 1e6;

const rgb = (hex: string) => {
  const v = Number.parseInt(hex.slice(1), 16);
  return `${num(((v >> 16) & 255) / 255)} ${num(((v >> 8) & 255) / 255)} ${num((v & 255) / 255)} rg`;
};

/** A word with its space, encoded once per document: its glyphs cut where kerning moves the next one. */
interface Chunk {
  segments: { hex: string; adjust: number }[];
  /** A glyph with an offset (a mark on its base): drawn the general way. */
  offsets: boolean;
}

const chunks = new WeakMap<PdfFont, Map<string, Chunk>>();

/** pdfkit shapes and caches text per word with the space after it; so is it encoded here. */
function chunk(font: PdfFont, text: string): Chunk {
  let known = chunks.get(font);
  if (!known) {
    known = new Map();
    chunks.set(font, known);
  }
  let c = known.get(text);
  if (c) return c;
  const [encoded, positions] = font.encode(text);
  c = { segments: [], offsets: positions.some((p) => p.xOffset || p.yOffset) };
  let hex = '';
  positions.forEach((p, i) => {
    hex += encoded[i];
    const adjust = p.xAdvance - p.advanceWidth;
    if (adjust !== 0 || i === positions.length - 1) {
      c!.segments.push({ hex, adjust });
      hex = '';
    }
  });
  known.set(text, c);
  return c;
}

/** `text` cut as pdfkit's layout cuts it: after every space or tab. */
function words(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t') {
      out.push(text.slice(last, i + 1));
      last = i + 1;
    }
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** The glyph operators of one run: one TJ, cut only where kerning adjusts. */
function glyphs(font: PdfFont, text: string, size: number, x: number, y: number, ops: string[]): void {
  const parts = words(text).map((w) => chunk(font, w));
  if (parts.some((c) => c.offsets)) {
    placed(font, text, size, x, y, ops);
    return;
  }
  const commands: string[] = [];
  let hex = '';
  for (const c of parts)
    for (const seg of c.segments) {
      hex += seg.hex;
      if (seg.adjust !== 0) {
        commands.push(`<${hex}> ${num(-seg.adjust)}`);
        hex = '';
      }
    }
  if (hex) commands.push(`<${hex}> 0`);
  ops.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`, `[${commands.join(' ')}] TJ`);
}

/** A run with marks placed by offsets (pdfkit's `_fragment`, without alignment or spacing options). */
function placed(font: PdfFont, text: string, size: number, x0: number, y: number, ops: string[]): void {
  const [encoded, positions] = font.encode(text);
  const scale = size / 1000;
  let x = x0;
  let last = 0;
  let hadOffset = false;
  const commands: string[] = [];
  const segment = (cur: number) => {
    if (last < cur) {
      const p = positions[cur - 1]!;
      commands.push(`<${encoded.slice(last, cur).join('')}> ${num(-(p.xAdvance - p.advanceWidth))}`);
    }
    last = cur;
  };
  const flush = (i: number) => {
    segment(i);
    if (commands.length > 0) ops.push(`[${commands.join(' ')}] TJ`);
    commands.length = 0;
  };
  ops.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
  positions.forEach((pos, i) => {
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      ops.push(`1 0 0 1 ${num(x + pos.xOffset * scale)} ${num(y + pos.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) ops.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
      hadOffset = false;
      if (pos.xAdvance - pos.advanceWidth !== 0) segment(i + 1);
    }
    x += pos.xAdvance * scale;
  });
  flush(positions.length);
}

/** Draws `runs` on the baseline `baseline` (pdfkit's top-down coordinates) as one text object. */
export function drawRuns(doc: PDFKit.PDFDocument, runs: readonly TextRun[], baseline: number): void {
  const pdf = doc as unknown as PdfInternals;
  const y = pdf.page.height - baseline;
  // The page is drawn top-down (pdfkit flips it at the start of each page): flip back for text.
  const ops = [`q 1 0 0 -1 0 ${num(pdf.page.height)} cm BT`];
  let font = '';
  let size = 0;
  let color = '';
  for (const r of runs) {
    if (r.text === '') continue;
    doc.font(r.font);
    const f = pdf._font;
    pdf.page.fonts[f.id] ??= f.ref();
    if (r.font !== font || r.size !== size) ops.push(`/${f.id} ${num(r.size)} Tf`);
    if (r.color !== color) ops.push(rgb(r.color));
    font = r.font;
    size = r.size;
    color = r.color;
    glyphs(f, r.text, r.size, r.x, y, ops);
  }
  ops.push('ET Q');
  pdf.addContent(ops.join('\n'));
}
