import type { ReactNode } from 'react';
import { paragraphDirection } from '../../../shared/report/bidi';
import { type DocBlock, type Inline, inlineText, safeHref } from '../../../shared/report/document';

function inline(i: Inline, key: number): ReactNode {
  if (i.text === '\n') return <br key={key} />;
  let node: ReactNode = i.text;
  if (i.italic) node = <em>{node}</em>;
  if (i.bold) node = <strong>{node}</strong>;
  const href = i.link ? safeHref(i.link) : null;
  if (href) {
    node = (
      <a href={href} rel="noopener noreferrer nofollow" target="_blank">
        {node}
      </a>
    );
  }
  return <span key={key}>{node}</span>;
}

const dir = (content: readonly Inline[]) =>
  paragraphDirection(inlineText(content)) === 'rtl' ? 'rtl' : 'auto';

/**
 * The verslag rendered read-only from its blocks: React text nodes only (user text stays inert),
 * links only http(s)/mailto. Headings shift down one level (`offset`) to fit under the page's own.
 */
export function ReportBlocks({ blocks, offset = 1 }: { blocks: readonly DocBlock[]; offset?: number }) {
  return (
    <>
      {blocks.map((b, k) => {
        switch (b.type) {
          case 'heading': {
            const H = `h${Math.min(6, b.level + offset)}` as 'h2';
            return (
              <H key={k} dir={dir(b.content)}>
                {b.content.map(inline)}
              </H>
            );
          }
          case 'paragraph':
            return (
              <p key={k} dir={dir(b.content)}>
                {b.content.map(inline)}
              </p>
            );
          case 'quote':
            return (
              <blockquote key={k}>
                <ReportBlocks blocks={b.children} offset={offset} />
              </blockquote>
            );
          case 'bulletList':
            return (
              <ul key={k}>
                {b.items.map((item, n) => (
                  <li key={n}>
                    <ReportBlocks blocks={item} offset={offset} />
                  </li>
                ))}
              </ul>
            );
          case 'orderedList':
            return (
              <ol key={k} start={b.start}>
                {b.items.map((item, n) => (
                  <li key={n}>
                    <ReportBlocks blocks={item} offset={offset} />
                  </li>
                ))}
              </ol>
            );
          default:
            return null;
        }
      })}
    </>
  );
}
