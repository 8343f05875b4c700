/**
 * What a render worker learns about the fonts, kept from one PDF to the next: pdfkit's shaping of
 * each word (per font; glyphs, advances, kerning) and the words' widths. Every verslag repeats
 * the same Dutch words, and a verslag is often exported more than once: the next PDF shapes only
 * words it has not seen. The fonts are the same bytes for every document (fonts.ts), so a word's
 * shaping is too. Both are forgotten every RENEW_EVERY documents, which bounds their memory.
 *
 * pdfkit keeps its shaping per document in its font object (`layoutCache`, an internal of pdfkit
 * 0.20.2, pinned in package.json); each new document's font is given the shared one here.
 */
type Shaped = Record<string, unknown>;

const RENEW_EVERY = 20;
const shaped = new Map<string, Shaped>();
const widths = new Map<string, number>();
let documents = 0;

/** Gives a new document's fonts (registered under `keys`) the shaping the worker already has. */
export function shareShaping(doc: PDFKit.PDFDocument, keys: readonly string[]): void {
  documents += 1;
  if (documents % RENEW_EVERY === 0) {
    shaped.clear();
    widths.clear();
  }
  for (const key of keys) {
    doc.font(key);
    const font = (doc as unknown as { _font: { layoutCache?: Shaped } })._font;
    // pdfkit made no cache (its `fontLayoutCache: false`): nothing to share.
    if (!font.layoutCache) continue;
    let cache = shaped.get(key);
    if (!cache) {
      cache = Object.create(null) as Shaped;
      shaped.set(key, cache);
    }
    font.layoutCache = cache;
  }
}

/** Widths at size 1 of words, by font and text (`${font}\u0000${text}`), shared like the shaping. */
export const sharedWidths = (): Map<string, number> => widths;
