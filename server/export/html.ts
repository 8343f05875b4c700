import { paragraphDirection } from '../../shared/report/bidi';
import type { DocBlock, Inline } from '../../shared/report/document';
import { inlineText, safeHref } from '../../shared/report/document';
import type { ReportLang } from '../../shared/report/strings';

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function inline(i: Inline): string {
  if (i.text === '\n') return '<br>';
  let out = escapeHtml(i.text);
  if (i.italic) out = `<em>${out}</em>`;
  if (i.bold) out = `<strong>${out}</strong>`;
  const href = i.link ? safeHref(i.link) : null;
  if (href) out = `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${out}</a>`;
  return out;
}

const inlines = (content: readonly Inline[]) => content.map(inline).join('');

const dir = (content: readonly Inline[]) =>
  paragraphDirection(inlineText(content)) === 'rtl' ? 'rtl' : 'auto';

function block(b: DocBlock, indent: string): string {
  switch (b.type) {
    case 'heading':
      return `${indent}<h${b.level} dir="${dir(b.content)}">${inlines(b.content)}</h${b.level}>`;
    case 'paragraph':
      return `${indent}<p dir="${dir(b.content)}">${inlines(b.content)}</p>`;
    case 'quote':
      return `${indent}<blockquote>\n${blocks(b.children, `${indent}  `)}\n${indent}</blockquote>`;
    case 'bulletList':
    case 'orderedList': {
      const tag = b.type === 'bulletList' ? 'ul' : 'ol';
      const start = b.type === 'orderedList' && b.start !== 1 ? ` start="${b.start}"` : '';
      const items = b.items
        .map((item) => `${indent}  <li>\n${blocks(item, `${indent}    `)}\n${indent}  </li>`)
        .join('\n');
      return `${indent}<${tag}${start}>\n${items}\n${indent}</${tag}>`;
    }
  }
}

const blocks = (bs: readonly DocBlock[], indent: string) => bs.map((b) => block(b, indent)).join('\n');

const CSS = `
body { font-family: "Segoe UI", Calibri, Arial, "Noto Sans", sans-serif; line-height: 1.5; color: #1a1a1a;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.5rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.4rem; }
h4 { font-size: 1rem; font-style: italic; margin: 1.2rem 0 0.3rem; }
p { margin: 0 0 0.8rem; }
ul, ol { margin: 0 0 0.8rem; padding-inline-start: 1.6rem; }
li > p { margin: 0 0 0.3rem; }
blockquote { margin: 0 0 0.8rem; padding: 0.2rem 1rem; border-inline-start: 4px solid #8a8a8a; color: #333; }
a { color: #0b5394; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } }
`.trim();

/**
 * [REPORT10] The verslag as one standalone HTML file: inline CSS, no scripts, no event handlers,
 * no outside resources (its own CSP says so), every text escaped, links only http(s)/mailto.
 */
export function toHtml(doc: readonly DocBlock[], opts: { title: string; lang: ReportLang }): string {
  return `<!DOCTYPE html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="Oogst">
<title>${escapeHtml(opts.title)}</title>
<style>
${CSS}
</style>
</head>
<body>
<main>
${blocks(doc, '')}
</main>
</body>
</html>
`;
}
