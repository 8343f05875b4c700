import { COLOUR_HEX, NO_ORG_COLOUR, ORG_COLOUR } from '../../../shared/domain/board/palette';
import { ORG_TYPES } from '../../../shared/domain/roles';
import { useT } from '../../i18n';
import { orgLabel } from '../participant/orgLabel';
import type { BoardModel } from './model';

/** A board's question with its facts (room, count, locked, read-only, anonymous) and colour legend. */
export function BoardHead({ model, headingLevel }: { model: BoardModel; headingLevel?: 3 | 4 }) {
  const t = useT();
  const { access, board } = model;
  const H = `h${headingLevel ?? 3}` as 'h3';
  const synthesis = board.roomId === null;
  return (
    <>
      <div className="board__head">
        <H className="board__question" dir="auto">
          {board.question}
        </H>
        <p className="board__facts">
          {model.roomLabel ? <span className="badge">{model.roomLabel}</span> : null}
          {synthesis ? <span className="badge">{t('breakout.synthesis')}</span> : null}
          <span className="badge">{t('board.count', { n: model.notes.length })}</span>
          {board.locked ? <span className="badge badge--closed">{t('board.locked')}</span> : null}
          {!access.write && !board.locked ? <span className="badge">{t('board.readOnly')}</span> : null}
          {board.anonymous ? <span className="badge">{t('board.anonymousNote')}</span> : null}
        </p>
      </div>
      {model.activity.spec.colourBy === 'orgType' ? (
        <p className="board__legend">
          <span className="board__legend-title">{t('board.legend')}:</span>
          {ORG_TYPES.map((o) => (
            <span key={o} className="board__legend-item">
              <span
                className="swatch__chip"
                style={{ background: COLOUR_HEX[ORG_COLOUR[o]] }}
                aria-hidden="true"
              />
              {t(`board.colour.${ORG_COLOUR[o]}`)} = {orgLabel(t, o)}
            </span>
          ))}
          <span className="board__legend-item">
            <span
              className="swatch__chip"
              style={{ background: COLOUR_HEX[NO_ORG_COLOUR] }}
              aria-hidden="true"
            />
            {t(`board.colour.${NO_ORG_COLOUR}`)} = {t('board.legendNone')}
          </span>
        </p>
      ) : null}
    </>
  );
}
