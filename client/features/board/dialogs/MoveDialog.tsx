import { useId, useState } from 'react';
import { AREAS, type Area } from '../../../../shared/domain/board/layout';
import { useT } from '../../../i18n';
import type { BoardModel } from '../model';
import { Modal, ModalButtons } from './Modal';

export type MoveTarget = { kind: 'area'; area: Area } | { kind: 'theme'; themeId: string } | { kind: 'out' };

/** [BOARD17] "Verplaats naar…": move without dragging, to a theme or an area of the board. */
export function MoveDialog(props: {
  model: BoardModel;
  noteIds: string[];
  onMove(target: MoveTarget): void;
  onClose(): void;
}) {
  const t = useT();
  const id = useId();
  const { model } = props;
  const inTheme = props.noteIds.some((n) => model.themeOf.has(n));
  const options: { key: string; label: string; target: MoveTarget }[] = [
    ...(model.access.cluster
      ? model.themes.map((b) => ({
          key: b.theme.id,
          label: t('board.intoTheme', { heading: b.theme.heading }),
          target: { kind: 'theme', themeId: b.theme.id } as MoveTarget,
        }))
      : []),
    ...(inTheme && model.access.cluster
      ? [{ key: 'out', label: t('board.outOfTheme'), target: { kind: 'out' } as MoveTarget }]
      : []),
    ...AREAS.map((area) => ({
      key: area,
      label: t(`board.area.${area}`),
      target: { kind: 'area', area } as MoveTarget,
    })),
  ];
  const [choice, setChoice] = useState(options[0]?.key ?? '');
  return (
    <Modal title={t('board.moveDialog')} onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const o = options.find((x) => x.key === choice);
          if (o) props.onMove(o.target);
          props.onClose();
        }}
      >
        <fieldset className="choice-list">
          <legend>{t('board.moveHint')}</legend>
          {options.map((o, i) => (
            <div className="field field--check" key={o.key}>
              <input
                type="radio"
                id={`${id}-${o.key}`}
                name={`${id}-to`}
                checked={choice === o.key}
                onChange={() => setChoice(o.key)}
                // biome-ignore lint/a11y/noAutofocus: first choice of the dialog
                autoFocus={i === 0}
              />
              <label htmlFor={`${id}-${o.key}`}>{o.label}</label>
            </div>
          ))}
        </fieldset>
        <ModalButtons submit={t('board.apply')} onClose={props.onClose} />
      </form>
    </Modal>
  );
}
