import fs from 'node:fs';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
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

/**
 * WOFF 1.0 → plain TrueType (SFNT), once at load: fontkit would otherwise inflate the tables in
 * JavaScript on every use, which made one PDF take seconds.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('ascii', 0, 4) !== 'wOFF') return woff;
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: Buffer; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const offset = woff.readUInt32BE(e + 4);
    const compLength = woff.readUInt32BE(e + 8);
    const origLength = woff.readUInt32BE(e + 12);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({
      tag: woff.subarray(e, e + 4),
      checksum: woff.readUInt32BE(e + 16),
      data: compLength < origLength ? zlib.inflateSync(raw) : raw,
    });
  }
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + numTables * 16);
  woff.copy(header, 0, 4, 8); // flavor
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((t, i) => {
    const r = 12 + i * 16;
    t.tag.copy(header, r);
    header.writeUInt32BE(t.checksum, r + 4);
    header.writeUInt32BE(offset, r + 8);
    header.writeUInt32BE(t.data.length, r + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

let cache: Record<FontStyle | 'emoji', LoadedFont> | null = null;

/** The fonts, read once per process (they are the same for every meeting). */
export function pdfFonts(): Record<FontStyle | 'emoji', LoadedFont> {
  if (cache) return cache;
  const load = (name: FontStyle | 'emoji'): LoadedFont => {
    const data = woffToSfnt(fs.readFileSync(file(FILES[name])));
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

const chosen: Partial<Record<FontStyle, Map<number, FontStyle | 'emoji'>>> = {};

/** Characters that belong to the glyph before them (emoji sequences, combining marks). */
const JOINS = /[\u200D\uFE0E\uFE0F\u20E3\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}\p{M}]/u;

/**
 * Splits text into pieces that one font can draw: the style's font first, then regular DejaVu
 * (its italics lack Arabic), then Noto Emoji. A character no font has stays with the style's font.
 */
export function splitByFont(text: string, style: FontStyle): { text: string; font: FontStyle | 'emoji' }[] {
  const fonts = pdfFonts();
  const chain: (FontStyle | 'emoji')[] = [style, 'regular', 'emoji'];
  const known = chosen[style] ?? new Map<number, FontStyle | 'emoji'>();
  chosen[style] = known;
  const out: { text: string; font: FontStyle | 'emoji' }[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const last = out[out.length - 1];
    let font: FontStyle | 'emoji';
    if (last && cp > 0x7f && JOINS.test(ch)) font = last.font;
    else {
      // Which font has a character is looked up once per character and style (a verslag of
      // hundreds of pages asks it a million times).
      let f = known.get(cp);
      if (f === undefined) {
        f = chain.find((k) => fonts[k].has(cp)) ?? style;
        known.set(cp, f);
      }
      font = f;
    }
    if (last && last.font === font) last.text += ch;
    else out.push({ text: ch, font });
  }
  return out;
}
