import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { AREAS, type Area } from '../../../shared/domain/board/layout';
import { BOARD_LIMITS } from '../../../shared/domain/board/limits';
import { COLOUR_HEX, NOTE_COLOURS, type NoteColour } from '../../../shared/domain/board/palette';
import { useT } from '../../i18n';
import { useReturnFocus } from '../common/focus';
import type { BoardModel, DrawnNote } from './model';

/**
 * A modal built on the native <dialog>: the rest of the page is inert while it is open, Escape
 * closes it, and focus goes back to the control that opened it (a caller may put it elsewhere first).
 */
export function Modal(props: { title: string; onClose(): void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  // [A11Y1] Closing gives focus back to the control that opened the dialog.
  useReturnFocus();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={props.wide ? 'modal modal--wide' : 'modal'}
      aria-labelledby={`${id}-h`}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <h2 id={`${id}-h`} className="modal__title">
        {props.title}
      </h2>
      {props.children}
    </dialog>
  );
}

/** [BOARD6] Write or change a post-it: text (≤ 500) and a named colour. */
export function NoteDialog(props: {
  note?: DrawnNote;
  colourLocked: boolean;
  onSave(text: string, colour: NoteColour): Promise<string | null>;
  onClose(): void;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(props.note?.text ?? '');
  const [colour, setColour] = useState<NoteColour>(props.note?.colour ?? 'geel');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError(t('board.noteTextMissing'));
    setBusy(true);
    const problem = await props.onSave(text.trim(), colour);
    setBusy(false);
    if (problem) setError(problem);
    else props.onClose();
  };
  return (
    <Modal title={props.note ? t('board.noteDialogEdit') : t('board.noteDialogNew')} onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-t`}>{t('board.noteText')}</label>
          <textarea
            id={`${id}-t`}
            rows={5}
            value={text}
            maxLength={BOARD_LIMITS.noteText}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              // Ctrl/⌘+Enter saves, as in most editors; Enter alone is a new line.
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e as unknown as FormEvent);
            }}
            aria-describedby={`${id}-c`}
            aria-invalid={error ? true : undefined}
            // biome-ignore lint/a11y/noAutofocus: the dialog opens to write a post-it
            autoFocus
          />
          <p className="hint" id={`${id}-c`}>
            {t('common.charsLeft', { n: BOARD_LIMITS.noteText - text.length })}
          </p>
        </div>
        {props.colourLocked ? (
          <p className="hint">{t('board.colourByOrg')}</p>
        ) : (
          <fieldset className="swatches">
            <legend>{t('board.colour')}</legend>
            {NOTE_COLOURS.map((c) => (
              <span className="swatch" key={c}>
                <input
                  type="radio"
                  id={`${id}-${c}`}
                  name={`${id}-colour`}
                  checked={colour === c}
                  onChange={() => setColour(c)}
                />
                <label htmlFor={`${id}-${c}`}>
                  <span className="swatch__chip" style={{ background: COLOUR_HEX[c] }} aria-hidden="true" />
                  {t(`board.colour.${c}`)}
                </label>
              </span>
            ))}
          </fieldset>
        )}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="row">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t('common.save')}
          </button>
          <button type="button" className="btn btn--quiet" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

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
        <div className="row">
          <button type="submit" className="btn btn--primary">
            {t('board.apply')}
          </button>
          <button type="button" className="btn btn--quiet" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** [BOARD11] "Naar thema…": put the selected post-its in a theme, or in a new one. */
export function ThemeDialog(props: {
  model: BoardModel;
  count: number;
  onChoose(themeId: string | null, newHeading: string | null): Promise<string | null>;
  onClose(): void;
}) {
  const t = useT();
  const id = useId();
  const themes = props.model.themes;
  const [choice, setChoice] = useState<string>(themes[0]?.theme.id ?? 'new');
  const [heading, setHeading] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (choice === 'new' && !heading.trim()) return setError(t('board.themeHeadingMissing'));
    const problem = await props.onChoose(
      choice === 'new' ? null : choice,
      choice === 'new' ? heading.trim() : null,
    );
    if (problem) setError(problem);
    else props.onClose();
  };
  return (
    <Modal
      title={`${t('board.themeDialog')} (${t('board.selected', { n: props.count })})`}
      onClose={props.onClose}
    >
      <form onSubmit={submit} noValidate>
        <fieldset className="choice-list">
          <legend>{t('board.themeDialog')}</legend>
          {themes.map((b, i) => (
            <div className="field field--check" key={b.theme.id}>
              <input
                type="radio"
                id={`${id}-${b.theme.id}`}
                name={`${id}-theme`}
                checked={choice === b.theme.id}
                onChange={() => setChoice(b.theme.id)}
                // biome-ignore lint/a11y/noAutofocus: first choice of the dialog
                autoFocus={i === 0}
              />
              <label htmlFor={`${id}-${b.theme.id}`}>{b.theme.heading}</label>
            </div>
          ))}
          <div className="field field--check">
            <input
              type="radio"
              id={`${id}-new`}
              name={`${id}-theme`}
              checked={choice === 'new'}
              onChange={() => setChoice('new')}
              // biome-ignore lint/a11y/noAutofocus: the only choice when there are no themes
              autoFocus={themes.length === 0}
            />
            <label htmlFor={`${id}-new`}>{t('board.newTheme')}</label>
          </div>
        </fieldset>
        {choice === 'new' ? (
          <div className="field">
            <label htmlFor={`${id}-h`}>{t('board.themeHeading')}</label>
            <input
              id={`${id}-h`}
              value={heading}
              maxLength={BOARD_LIMITS.themeHeading}
              onChange={(e) => setHeading(e.target.value)}
              aria-invalid={error ? true : undefined}
            />
          </div>
        ) : null}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="row">
          <button type="submit" className="btn btn--primary">
            {t('board.apply')}
          </button>
          <button type="button" className="btn btn--quiet" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** [BOARD11] A theme's actions: rename, merge into another, dissolve. */
export function ThemeEditDialog(props: {
  model: BoardModel;
  themeId: string;
  onRename(heading: string): Promise<string | null>;
  onMerge(intoId: string): Promise<string | null>;
  onDissolve(): Promise<string | null>;
  onClose(): void;
}) {
  const t = useT();
  const id = useId();
  const box = props.model.themes.find((b) => b.theme.id === props.themeId);
  const others = props.model.themes.filter((b) => b.theme.id !== props.themeId);
  const [heading, setHeading] = useState(box?.theme.heading ?? '');
  const [into, setInto] = useState(others[0]?.theme.id ?? '');
  const [error, setError] = useState('');
  if (!box) return null;
  const run = async (f: () => Promise<string | null>) => {
    const problem = await f();
    if (problem) setError(problem);
    else props.onClose();
  };
  const can = props.model.access.cluster;
  return (
    <Modal title={t('board.themeActions', { heading: box.theme.heading })} onClose={props.onClose}>
      <p className="muted">{t('board.themeCount', { n: box.notes.length })}</p>
      {can ? (
        <>
          <form
            className="modal__section"
            onSubmit={(e) => {
              e.preventDefault();
              if (!heading.trim()) return setError(t('board.themeHeadingMissing'));
              void run(() => props.onRename(heading.trim()));
            }}
          >
            <div className="field">
              <label htmlFor={`${id}-h`}>{t('board.themeHeading')}</label>
              <input
                id={`${id}-h`}
                value={heading}
                maxLength={BOARD_LIMITS.themeHeading}
                onChange={(e) => setHeading(e.target.value)}
                // biome-ignore lint/a11y/noAutofocus: renaming is the first thing offered
                autoFocus
              />
            </div>
            <button type="submit" className="btn">
              {t('board.themeRename')}
            </button>
          </form>
          {others.length > 0 ? (
            <form
              className="modal__section"
              onSubmit={(e) => {
                e.preventDefault();
                void run(() => props.onMerge(into));
              }}
            >
              <div className="field">
                <label htmlFor={`${id}-m`}>{t('board.themeMergeDialog')}</label>
                <select id={`${id}-m`} value={into} onChange={(e) => setInto(e.target.value)}>
                  {others.map((b) => (
                    <option key={b.theme.id} value={b.theme.id}>
                      {b.theme.heading}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="btn">
                {t('board.themeMerge')}
              </button>
            </form>
          ) : null}
          <div className="modal__section">
            <p className="hint">{t('board.themeDissolveHint')}</p>
            <button
              type="button"
              className="btn btn--danger-outline"
              onClick={() => void run(props.onDissolve)}
            >
              {t('board.themeDissolve')}
            </button>
          </div>
        </>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="row">
        <button type="button" className="btn btn--quiet" onClick={props.onClose}>
          {t('breakout.close')}
        </button>
      </div>
    </Modal>
  );
}

export interface NoteActionFlags {
  edit: boolean;
  move: boolean;
  theme: boolean;
  vote: boolean;
  unvote: boolean;
  remove: boolean;
}

/** [BOARD17] Every action on one post-it, as buttons: what a drag or a shortcut does, without either. */
export function ActionsDialog(props: {
  note: DrawnNote;
  flags: NoteActionFlags;
  selected: boolean;
  onCommand(cmd: 'edit' | 'move' | 'theme' | 'vote' | 'unvote' | 'delete' | 'select'): void;
  onClose(): void;
}) {
  const t = useT();
  const [confirm, setConfirm] = useState(false);
  const f = props.flags;
  const b = (show: boolean, cmd: Parameters<typeof props.onCommand>[0], label: string, first = false) =>
    show ? (
      <button
        type="button"
        className="btn"
        onClick={() => props.onCommand(cmd)}
        // biome-ignore lint/a11y/noAutofocus: first action of the dialog
        autoFocus={first}
      >
        {label}
      </button>
    ) : null;
  return (
    <Modal title={t('board.actionsFor', { text: props.note.text.slice(0, 60) })} onClose={props.onClose}>
      <p className="modal__quote">{props.note.text}</p>
      <div className="action-list">
        {b(f.edit, 'edit', t('board.edit'), f.edit)}
        {b(f.move, 'move', t('board.moveTo'), !f.edit && f.move)}
        {b(f.theme, 'theme', t('board.toTheme'))}
        {b(f.vote, 'vote', t('board.vote'))}
        {b(f.unvote, 'unvote', t('board.unvote'))}
        {b(
          true,
          'select',
          props.selected ? t('board.clearSelection') : t('board.select'),
          !f.edit && !f.move,
        )}
        {f.remove && !confirm ? (
          <button type="button" className="btn btn--danger-outline" onClick={() => setConfirm(true)}>
            {t('board.delete')}
          </button>
        ) : null}
      </div>
      {confirm ? (
        <div className="confirm" role="group" aria-label={t('board.confirmDelete')}>
          <span>{t('board.confirmDelete')}</span>
          <button
            type="button"
            className="btn btn--danger"
            onClick={() => props.onCommand('delete')}
            // biome-ignore lint/a11y/noAutofocus: the confirmation's own button
            autoFocus
          >
            {t('common.yesRemove')}
          </button>
          <button type="button" className="btn btn--quiet" onClick={() => setConfirm(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
      <div className="row">
        <button type="button" className="btn btn--quiet" onClick={props.onClose}>
          {t('breakout.close')}
        </button>
      </div>
    </Modal>
  );
}
