import { splitLinks } from '../../../shared/domain/chat';

/**
 * [CHAT6] Text with its http(s) links as anchors; everything else stays a text node (inert). Links
 * open in a new tab without a referrer; nothing is fetched to preview them.
 */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((part, i) =>
        part.url ? (
          <a key={i} href={part.url} target="_blank" rel="noopener noreferrer nofollow ugc">
            {part.text}
          </a>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
