/**
 * [XSS3] Characters that no document can carry. A noncharacter (U+FDD0–U+FDEF, U+FFFE and U+FFFF
 * in every plane) or a lone surrogate is never meant as text: pasted from a broken source it slips
 * through every view, but written into `word/document.xml` it makes the secretary's Word file
 * unopenable. Text fields refuse them; exports drop them (and everything else outside XML 1.0's
 * character range), because the verslag's text comes from editors and older data too.
 */

// With the `u` flag a lone surrogate is one code point in D800–DFFF; a paired one is not.
const UNSTORABLE = /[\p{Noncharacter_Code_Point}\uD800-\uDFFF]/u;

/**
 * The refusal of such a text (a zod issue's message): a person can act on it, so it is also the
 * refusal's `message`, and the app shows its own translation of it (ERR1, XSS3).
 */
export const UNSTORABLE_ISSUE =
  'This text holds a character that cannot be stored: type it again instead of pasting it.';

/** True when `s` holds a noncharacter or a lone surrogate. */
export const hasUnstorable = (s: string): boolean => UNSTORABLE.test(s);

// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; the
// noncharacters XML only discourages go too (nothing should have let them in).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|\p{Noncharacter_Code_Point}/gu;

/** `s` without any character that XML 1.0 (and so DOCX, ODT, a PDF's XMP metadata) cannot hold. */
export const xmlSafe = (s: string): string => s.replace(NOT_XML, '');
