import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain/ids';
import { blocksToDoc, docText } from '../../shared/report/document';
import { appendBlocks, readReport } from '../../shared/report/ydoc';
import { openScalePoll } from '../helpers/fixtures';
import { parseCsv, readDocx } from '../helpers/parse';
import { type CreatedMeeting, eventually, ok, startServer, type TestServer } from '../helpers/server';
import { XSS_PAYLOADS } from '../helpers/xss';
import { type YClient, yClient } from '../helpers/yjs';

/**
 * [XSS2] The XSS corpus as verslag text (paragraphs, list items, links) and as poll explanations
 * and names: no export carries it as live markup or as a spreadsheet formula.
 */
let srv: TestServer;
let m: CreatedMeeting;
let sec: YClient;

beforeAll(async () => {
  srv = await startServer();
  m = await srv.createMeeting(XSS_PAYLOADS[0]!);
  const fac = await srv.connect(m.code, m.facilitatorToken);
  const poll = await openScalePoll(fac, { question: XSS_PAYLOADS[1]! });
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    const j = await srv.join(m.code, payload.slice(0, 60));
    const s = await srv.connect(m.code, j.token);
    await ok(s, 'response:submit', {
      id: newId(),
      activityId: poll.id,
      value: { level: i % 4 },
      note: payload,
    });
    s.disconnect();
  }
  sec = yClient(srv.url, m.code, m.secretaryToken, { presence: { name: 'Sec', color: '#000' } });
  await sec.synced();
  appendBlocks(
    sec.doc,
    blocksToDoc([
      { type: 'heading', level: 2, text: XSS_PAYLOADS[2]! },
      ...XSS_PAYLOADS.map((text) => ({ type: 'paragraph' as const, content: [{ text }] })),
      { type: 'bulletList', items: XSS_PAYLOADS.map((text) => [{ text, bold: true }]) },
      {
        type: 'paragraph',
        content: XSS_PAYLOADS.map((text) => ({
          text: 'link',
          link: text.replace(/^.*?(javascript:|data:)/i, '$1'),
        })),
      },
      { type: 'paragraph', content: [{ text: 'klaar-einde' }] },
    ]),
  );
  await eventually(() => docText(readReport(srv.app.ctx.collab.loaded(m.id)!.doc)).includes('klaar-einde'));
});
afterAll(async () => {
  sec?.destroy();
  await srv?.close();
});

const get = async (format: string, extra = '') => {
  const res = await fetch(`${srv.url}/api/meetings/${m.id}/export?format=${format}${extra}`, {
    headers: { authorization: `Bearer ${m.secretaryToken}` },
  });
  expect(res.status).toBe(200);
  return res;
};

describe('exports stay inert', () => {
  it('[XSS2] HTML: no script, no event handler, no javascript: or data: URL, no live tag from user text', async () => {
    const html = await (await get('html')).text();
    expect(html).not.toMatch(/<script/i);
    // Only the exporter's own, harmless tags: whatever people typed never becomes a tag.
    const tags = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((t) => t[1]!.toLowerCase()));
    const own = [
      'html',
      'head',
      'meta',
      'title',
      'style',
      'body',
      'main',
      'header',
      'footer',
      'section',
      'article',
    ];
    const text = [
      'h1',
      'h2',
      'h3',
      'h4',
      'p',
      'ul',
      'ol',
      'li',
      'strong',
      'em',
      'a',
      'blockquote',
      'br',
      'span',
      'div',
    ];
    expect([...tags].filter((t) => !own.includes(t) && !text.includes(t))).toEqual([]);
    expect(html.match(/<meta http-equiv/gi)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(html).toContain(`content="default-src 'none'`);
    const tagsWithAttributes = [...html.matchAll(/<[a-zA-Z][^>]*>/g)].map((t) => t[0]);
    for (const tag of tagsWithAttributes) {
      expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
      expect(tag).not.toMatch(/(href|src|action|formaction)\s*=\s*["']?\s*(javascript|data|vbscript):/i);
    }
    // The text is there, escaped.
    expect(html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
  });

  it('[XSS2] Markdown: no raw HTML and no javascript: link survives', async () => {
    const md = await (await get('md')).text();
    // Every "<" people typed is escaped, so no Markdown renderer makes it a tag.
    expect(md).not.toMatch(/(^|[^\\])<[a-zA-Z!/]/m);
    expect(md).not.toMatch(/(^|[^\\])\]\(\s*(javascript|data|vbscript):/im);
    expect(md).toContain('window.\\_\\_xss=1');
  });

  it('[XSS2] DOCX: text only, no fields, macros or script links', async () => {
    const buf = Buffer.from(await (await get('docx')).arrayBuffer());
    const docx = readDocx(buf);
    expect(docx.xml).not.toMatch(/<w:fldSimple|<w:instrText|<w:fldChar/);
    expect(docx.rels).not.toMatch(/javascript:|data:|vbscript:/i);
    expect(docx.rels).not.toMatch(/vbaProject|oleObject/);
    expect(docx.paragraphs.some((p) => p.text.includes('<script>window.__xss=1</script>'))).toBe(true);
  });

  it('[XSS2] CSV: no cell starts a formula, in either separator', async () => {
    for (const extra of ['', '&sep=semicolon']) {
      const csv = (await (await get('csv', extra)).text()).replace(/^\uFEFF/, '');
      const sep = extra ? ';' : ',';
      const cells = parseCsv(csv, sep);
      expect(cells.length).toBeGreaterThan(XSS_PAYLOADS.length);
      for (const cell of cells.flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(cells.flat().some((c) => c.includes("cmd|' /C calc'!A0"))).toBe(true);
    }
  });
});
