import type { CSSProperties } from 'react';
import { useT } from '../../i18n';

/** The start of a post-it's text, to tell its buttons apart in a list of buttons. */
export const shortText = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * [BOARD12][BOARD17] Dot voting on one post-it, while voting is open: a button that gives a vote
 * and shows how many of mine are on it, and (once I voted on it) a "−" that takes one back. Both
 * are real buttons with the post-it's text in their names. With no votes left the button stays
 * in reach and says so when pressed (aria-disabled, not disabled). On the canvas it is drawn on
 * the post-it's bottom edge but is no child of it (no button in a button), and a press on it
 * never starts a drag or a pan.
 */
export function VoteButton(props: {
  text: string;
  /** My votes on this post-it. */
  mine: number;
  /** I have votes left to give. */
  canAdd: boolean;
  onVote(): void;
  onUnvote(): void;
  className?: string;
  style?: CSSProperties;
}) {
  const t = useT();
  const text = shortText(props.text);
  const { mine } = props;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: only keeps a press on the buttons from dragging the board
    <span
      className={`vote ${props.className ?? ''}`}
      style={props.style}
      onPointerDown={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      {mine > 0 ? (
        <button
          type="button"
          className="vote__less"
          aria-label={t('board.unvoteOn', { text, n: mine })}
          onClick={props.onUnvote}
        >
          −
        </button>
      ) : null}
      <button
        type="button"
        className={mine > 0 ? 'vote__more vote__more--mine' : 'vote__more'}
        aria-label={t('board.voteOn', { text, n: mine })}
        aria-disabled={!props.canAdd}
        onClick={props.onVote}
      >
        {mine > 0 ? (
          <>
            <span aria-hidden="true">●</span> {mine} <span aria-hidden="true">+</span>
          </>
        ) : (
          <>
            <span aria-hidden="true">+</span> {t('board.voteShort')}
          </>
        )}
      </button>
    </span>
  );
}
