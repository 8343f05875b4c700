import { useT } from '../../i18n';

/**
 * [BOARD12] While I may vote on a board: how many votes I have left, in words and as dots (a live
 * region, so a screen reader hears it change), and how voting works.
 */
export function VotingBar(props: { left: number; limit: number; revealed: boolean }) {
  const t = useT();
  const left = Math.max(0, props.left);
  return (
    <div className="board__voting">
      <span className="board__vote-dots" aria-hidden="true">
        {'●'.repeat(Math.min(left, 20))}
        <span className="board__vote-dots--used">{'○'.repeat(Math.min(props.limit - left, 20))}</span>
      </span>
      <p className="board__votes-left" role="status">
        {t('board.votingOpen')}{' '}
        {left > 0 ? t('board.votesLeft', { n: left, of: props.limit }) : t('board.noVotesLeft')}
      </p>
      <p className="board__voting-how">
        {t('board.votingHow')} {props.revealed ? '' : t('board.votesHiddenHint')}
      </p>
    </div>
  );
}
