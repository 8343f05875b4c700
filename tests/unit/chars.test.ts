import { describe, expect, it } from 'vitest';
import { hasUnstorable, UNSTORABLE_ISSUE, xmlSafe } from '../../shared/domain/chars';
import { text } from '../../shared/protocol/schemas/common';
import { cleanDoc } from '../../shared/report/clean';
import { BIDI_TRICKS, UNSTORABLE_CHARS } from '../helpers/xss';

describe('characters no document can carry', () => {
  it('[XSS3] noncharacters and lone surrogates are unstorable; paired surrogates, RTL marks and accents are text', () => {
    for (const s of UNSTORABLE_CHARS) expect(hasUnstorable(s), JSON.stringify(s)).toBe(true);
    for (const s of ['Zeer tevreden', 'één 😀 👩🏽‍🌾', 'עברית en العربية', '\u{1F600}', ...BIDI_TRICKS]) {
      expect(hasUnstorable(s), JSON.stringify(s)).toBe(false);
    }
  });

  it('[XSS3] the schema refuses them with one sentence; the same text without them passes', () => {
    const field = text(100, 1);
    for (const s of UNSTORABLE_CHARS) {
      const r = field.safeParse(s);
      expect(r.success, JSON.stringify(s)).toBe(false);
      expect(r.error?.issues.map((i) => i.message)).toEqual([UNSTORABLE_ISSUE]);
    }
    expect(field.parse('Voorna 😀')).toBe('Voorna 😀');
  });

  it('[XSS3] xmlSafe keeps exactly XML 1.0 characters (minus noncharacters); cleanDoc applies it to every text and link', () => {
    expect(xmlSafe('a\u0000b\u0001\u0008\u000B\u000C\u000E\u001Fc')).toBe('abc');
    expect(xmlSafe('tab\there\nnl\rcr')).toBe('tab\there\nnl\rcr');
    expect(xmlSafe('x\uFFFE\uFFFF\uFDD0\uFDEF\u{1FFFE}\u{10FFFF}y')).toBe('xy');
    expect(xmlSafe('los \uD800 en \uDC00, paar \uD83D\uDE00')).toBe('los  en , paar 😀');
    expect(xmlSafe('\u202Egnp\u202C \u0085 \uFFFD \uE000')).toBe('\u202Egnp\u202C \u0085 \uFFFD \uE000');
    expect(
      cleanDoc([
        { type: 'heading', level: 2, content: [{ text: 'Kop\uFFFE' }] },
        {
          type: 'bulletList',
          items: [[{ type: 'quote', children: [{ type: 'paragraph', content: [{ text: '\uFFFF' }] }] }]],
        },
        { type: 'paragraph', content: [{ text: 'link\u0001', link: 'https://a.nl/\uFFFE' }] },
      ]),
    ).toEqual([
      { type: 'heading', level: 2, content: [{ text: 'Kop' }] },
      { type: 'bulletList', items: [[{ type: 'quote', children: [{ type: 'paragraph', content: [] }] }]] },
      { type: 'paragraph', content: [{ text: 'link', link: 'https://a.nl/' }] },
    ]);
  });
});
