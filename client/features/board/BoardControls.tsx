import { useId, useState } from 'react';
import { BOARD_LIMITS } from '../../../shared/domain/board/limits';
import { useT } from '../../i18n';
import { send } from '../../send';
import { FieldError } from '../common/FieldError';
import type { BoardModel } from './model';

/** [BOARD10][BOARD12] The facilitator's controls of one board: lock, anonymity, dot voting. */
export function BoardControls({ model }: { model: BoardModel }) {
  const t = useT();
  const id = useId();
  const { board } = model;
  const [limit, setLimit] = useState(board.voting.limit);
  const [error, setError] = useState('');
  const run = async (p: Promise<{ ok: boolean; message?: string }>) => {
    const r = await p;
    setError(r.ok ? '' : (r.message ?? ''));
  };
  const settings = (patch: { locked?: boolean; anonymous?: boolean }) =>
    run(send('board:settings', { boardId: board.id, ...patch }));
  const voting = (patch: { open?: boolean; limit?: number; revealed?: boolean }) =>
    run(send('board:voting', { boardId: board.id, ...patch }));
  return (
    <div className="board__controls" role="group" aria-label={t('board.controls')}>
      <button
        type="button"
        className="btn"
        aria-pressed={board.locked}
        onClick={() => settings({ locked: !board.locked })}
      >
        {board.locked ? t('board.unlock') : t('board.lock')}
      </button>
      {board.anonymous ? (
        <span className="badge">{t('board.anonymousOn')}</span>
      ) : (
        <button type="button" className="btn" onClick={() => settings({ anonymous: true })}>
          {t('board.makeAnonymous')}
        </button>
      )}
      <span className="board__vote-controls" role="group" aria-label={t('board.voting')}>
        <label htmlFor={`${id}-n`}>{t('board.votesPer')}</label>
        <input
          id={`${id}-n`}
          type="number"
          inputMode="numeric"
          min={1}
          max={BOARD_LIMITS.voteLimit}
          value={limit}
          onChange={(e) =>
            setLimit(Math.max(1, Math.min(BOARD_LIMITS.voteLimit, Number(e.target.value) || 1)))
          }
          onBlur={() => limit !== board.voting.limit && voting({ limit })}
        />
        {board.voting.open ? (
          <button type="button" className="btn" onClick={() => voting({ open: false })}>
            {t('board.closeVoting')}
          </button>
        ) : (
          <button type="button" className="btn" onClick={() => voting({ open: true, limit })}>
            {t('board.openVoting')}
          </button>
        )}
        {board.voting.revealed ? (
          <button type="button" className="btn btn--quiet" onClick={() => voting({ revealed: false })}>
            {t('board.hideVotes')}
          </button>
        ) : (
          <button type="button" className="btn btn--quiet" onClick={() => voting({ revealed: true })}>
            {t('board.revealVotes')}
          </button>
        )}
      </span>
      <FieldError message={error} />
    </div>
  );
}
