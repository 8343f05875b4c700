import { type DragEvent, type KeyboardEvent, useId, useState } from 'react';
import { type Say, useT } from '../../i18n';

/**
 * [CHOICE2] Put options in order: move with the buttons or Alt+↑/↓ on an item (focus stays on the
 * moved option), or drag with a mouse. Each move is announced by `say`.
 */
export function RankList(props: {
  options: readonly string[];
  order: number[];
  open: boolean;
  describedBy: string;
  onOrder(order: number[]): void;
  say(say: Say): void;
}) {
  const t = useT();
  const id = useId();
  const { options, order } = props;
  const [dragging, setDragging] = useState<number | null>(null);

  const moveTo = (from: number, to: number, focus = true) => {
    if (to < 0 || to >= order.length || from === to) return;
    const next = [...order];
    const [x] = next.splice(from, 1);
    next.splice(to, 0, x!);
    props.onOrder(next);
    const option = options[x!]!;
    props.say((tr) => tr('choice.movedTo', { option, place: to + 1, n: next.length }));
    if (focus) {
      // Keep the keyboard on the moved option: the same button, or the other one at the edge.
      const dir = to < from ? 'up' : 'down';
      requestAnimationFrame(() => {
        const same = document.getElementById(`${id}-${dir}-${x}`) as HTMLButtonElement | null;
        const other = document.getElementById(`${id}-${dir === 'up' ? 'down' : 'up'}-${x}`);
        (same && !same.disabled ? same : other)?.focus();
      });
    }
  };
  const onItemKey = (e: KeyboardEvent, place: number) => {
    if (!e.altKey) return;
    if (e.key === 'ArrowUp') {
      e.preventDefault();
      moveTo(place, place - 1);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      moveTo(place, place + 1);
    }
  };
  const drop = (e: DragEvent, place: number) => {
    e.preventDefault();
    if (dragging !== null) moveTo(dragging, place, false);
    setDragging(null);
  };

  return (
    <ol className="rank-list" aria-describedby={props.describedBy}>
      {order.map((opt, place) => (
        <li
          key={opt}
          className={`rank-item${dragging === place ? ' is-dragging' : ''}`}
          draggable={props.open}
          onDragStart={(e) => {
            setDragging(place);
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', String(opt));
          }}
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => drop(e, place)}
          onDragEnd={() => setDragging(null)}
          onKeyDown={(e) => onItemKey(e, place)}
        >
          <span className="rank-item__place" aria-hidden="true">
            {place + 1}
          </span>
          <span className="rank-item__label">
            {options[opt]}
            <span className="visually-hidden">
              {' '}
              ({t('choice.placeOf', { place: place + 1, n: order.length })})
            </span>
          </span>
          <span className="rank-item__buttons">
            <button
              type="button"
              id={`${id}-up-${opt}`}
              className="btn btn--icon"
              disabled={place === 0}
              onClick={() => moveTo(place, place - 1)}
              aria-label={t('choice.up', { option: options[opt]! })}
            >
              ↑
            </button>
            <button
              type="button"
              id={`${id}-down-${opt}`}
              className="btn btn--icon"
              disabled={place === order.length - 1}
              onClick={() => moveTo(place, place + 1)}
              aria-label={t('choice.down', { option: options[opt]! })}
            >
              ↓
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}
