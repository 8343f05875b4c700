import { textClass } from '../../../shared/report/bidi';
import type { Inline } from '../../../shared/report/document';
import { safeHref } from '../../../shared/report/document';
import { type FontStyle, splitByFont } from './fonts';

/**
 * The PDF's own line breaking (so that right-to-left words can be put in visual order per line,
 * and every character finds a font that has it): inlines into words, words into lines.
 */

export type FontKey = FontStyle | 'emoji';

export interface Piece {
  text: string;
  font: FontKey;
  width: number;
  link: string | null;
}

export interface Word {
  pieces: Piece[];
  width: number;
  /** Width of the spaces after the word (0 at the end of a line). */
  space: number;
  cls: 'R' | 'L' | 'N';
}

export interface TextStyle {
  size: number;
  style: FontStyle;
  color: string;
}

/** The width of `text` in `font` at `size` (points). */
export type Measure = (text: string, font: FontKey, size: number) => number;

/**
 * Bidi controls (marks, embeddings, overrides, isolates): invisible, and no font here has a glyph
 * for them, so drawn they became boxes. This writer puts right-to-left words in visual order itself.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export const styleOf = (base: FontStyle, i: Inline): FontStyle => {
  const bold = base === 'bold' || base === 'boldItalic' || !!i.bold;
  const italic = base === 'italic' || base === 'boldItalic' || !!i.italic;
  return bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular';
};

/** Inlines → lines of words (hard breaks force a new line). */
export function words(measure: Measure, content: readonly Inline[], base: TextStyle): Word[][] {
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
        if (current) (current as Word).space += measure(' ', style, base.size) * part.length;
        finish();
        continue;
      }
      current ??= { pieces: [], width: 0, space: 0, cls: 'N' };
      for (const piece of splitByFont(part, style)) {
        const width = measure(piece.text, piece.font, base.size);
        current.pieces.push({ text: piece.text, font: piece.font, width, link });
        current.width += width;
      }
    }
  }
  finish();
  return groups;
}

/** Greedy line breaking; a word wider than the line is cut between characters. */
export function lines(measure: Measure, words: readonly Word[], width: number, size: number): Word[][] {
  const out: Word[][] = [];
  let line: Word[] = [];
  let used = 0;
  const queue = [...words];
  while (queue.length > 0) {
    const w = queue.shift()!;
    if (w.width > width) {
      queue.unshift(...cut(measure, w, width - (line.length > 0 ? used : 0), width, size));
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

function cut(measure: Measure, w: Word, first: number, width: number, size: number): Word[] {
  const parts: Word[] = [];
  let cur: Word = { pieces: [], width: 0, space: 0, cls: w.cls };
  let room = Math.max(first, width * 0.3);
  for (const piece of w.pieces) {
    for (const ch of piece.text) {
      const cw = measure(ch, piece.font, size);
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
