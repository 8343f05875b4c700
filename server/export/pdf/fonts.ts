import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * Fonts for the PDF, from npm packages (nothing from the network, nothing installed on the
 * machine): DejaVu Sans (Latin with every Dutch diacritic, Greek, Cyrillic, Hebrew, Arabic) and
 * Noto Emoji (black-and-white emoji). Both SIL OFL / Bitstream Vera licensed.
 */
const require = createRequire(import.meta.url);
const file = (spec: string) => require.resolve(spec);

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILES: Record<FontStyle | 'emoji', string> = {
  regular: '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff',
  bold: '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff',
  italic: '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-italic.woff',
  boldItalic: '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-italic.woff',
  emoji: '@fontsource/noto-emoji/files/noto-emoji-emoji-400-normal.woff',
};

export interface LoadedFont {
  name: string;
  data: Buffer;
  has(codePoint: number): boolean;
}

let cache: Record<FontStyle | 'emoji', LoadedFont> | null = null;

/** The fonts, read once per process (they are the same for every meeting). */
export function pdfFonts(): Record<FontStyle | 'emoji', LoadedFont> {
  if (cache) return cache;
  const load = (name: FontStyle | 'emoji'): LoadedFont => {
    const data = fs.readFileSync(file(FILES[name]));
    const font = fontkit.create(data);
    return { name, data, has: (cp) => font.hasGlyphForCodePoint(cp) };
  };
  cache = {
    regular: load('regular'),
    bold: load('bold'),
    italic: load('italic'),
    boldItalic: load('boldItalic'),
    emoji: load('emoji'),
  };
  return cache;
}

/** Characters that belong to the glyph before them (emoji sequences, combining marks). */
const JOINS = /[\u200D\uFE0E\uFE0F\u20E3\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}\p{M}]/u;

/**
 * Splits text into pieces that one font can draw: the style's font first, then regular DejaVu
 * (its italics lack Arabic), then Noto Emoji. A character no font has stays with the style's font.
 */
export function splitByFont(text: string, style: FontStyle): { text: string; font: FontStyle | 'emoji' }[] {
  const fonts = pdfFonts();
  const chain: (FontStyle | 'emoji')[] = [style, 'regular', 'emoji'];
  const out: { text: string; font: FontStyle | 'emoji' }[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const last = out[out.length - 1];
    let font: FontStyle | 'emoji';
    if (last && JOINS.test(ch)) font = last.font;
    else font = chain.find((f) => fonts[f].has(cp)) ?? style;
    if (last && last.font === font) last.text += ch;
    else out.push({ text: ch, font });
  }
  return out;
}
