import { type FormEvent, useEffect, useRef, useState } from 'react';
import { newId } from '../../../shared/domain/ids';
import type { ActivityView, MyResponse } from '../../../shared/domain/types';
import { useT } from '../../i18n';
import { send } from '../../send';
import type { SaveState } from './AnswerStatus';

/**
 * The state every answer form shares: a draft taken from my stored answer (and taken over again
 * when an answer arrives from another tab, unless this form has unsaved edits), whether the form is
 * open, and saving or taking back the answer with what the person is told about it.
 * `fromMine(undefined)` is the empty draft.
 */
export function useAnswer<D>(
  activity: ActivityView,
  mine: MyResponse | undefined,
  readOnly: boolean,
  fromMine: (mine: MyResponse | undefined) => D,
) {
  const t = useT();
  const [draft, setDraft] = useState<D>(() => fromMine(mine));
  const [dirty, setDirty] = useState(false);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // `fromMine` may be a new function on every render: read through a ref.
  const read = useRef(fromMine);
  read.current = fromMine;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a changed spec (options, statements) reshapes the draft
  useEffect(() => {
    if (!dirty) setDraft(read.current(mine));
  }, [mine, dirty, activity.spec]);

  const edit = (update: (d: D) => D) => {
    setDraft(update);
    setDirty(true);
    setState({ kind: 'idle' });
  };

  /** Saves `answer`; a string is what is missing, said instead of saving. */
  const submit = async (e: FormEvent, answer: { value: unknown; note?: string } | string) => {
    e.preventDefault();
    if (typeof answer === 'string') return setState({ kind: 'error', message: answer });
    setState({ kind: 'saving' });
    const r = await send('response:submit', { id: newId(), activityId: activity.id, ...answer });
    if (r.ok) {
      setDirty(false);
      setState({ kind: 'saved' });
    } else
      setState({
        kind: 'error',
        message: r.error === 'closed' ? t('poll.closedNow') : `${t('common.notSaved')} (${r.message})`,
      });
  };

  const retract = async () => {
    if ((await send('response:retract', { activityId: activity.id })).ok) {
      setDraft(read.current(undefined));
      setDirty(false);
      setState({ kind: 'retracted' });
    }
  };

  return {
    draft,
    edit,
    state,
    /** My stored answer is what the form shows. */
    answered: !!mine && !dirty,
    open: activity.status === 'open' && !readOnly,
    submit,
    retract,
  };
}
