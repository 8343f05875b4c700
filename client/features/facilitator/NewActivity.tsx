import { useId, useState } from 'react';
import { useT } from '../../i18n';
import { EditorSlot } from '../activities/EditorSlot';
import { KINDS } from '../activities/registry';
import { focusWhenReady } from '../common/focus';

/**
 * Adding an activity: pick a kind, then its editor. [A11Y1] The editor opens on its first field;
 * once made, focus goes to the new activity's heading; cancelled, back to the button that opened it.
 */
export function NewActivity({
  agendaItemId,
  itemTitle,
}: {
  agendaItemId: string | null;
  itemTitle?: string;
}) {
  const t = useT();
  const id = useId();
  const [kind, setKind] = useState<keyof typeof KINDS | null>(null);
  if (kind) {
    const Editor = KINDS[kind].Editor;
    const done = (saved?: string) => {
      setKind(null);
      focusWhenReady(() =>
        saved
          ? document.querySelector<HTMLElement>(`[data-activity-heading="${saved}"]`)
          : document.getElementById(`${id}-${kind}`),
      );
    };
    return (
      <EditorSlot>
        <Editor agendaItemId={agendaItemId} onDone={done} />
      </EditorSlot>
    );
  }
  return (
    <div className="row new-activity">
      {(Object.keys(KINDS) as (keyof typeof KINDS)[]).map((k) => (
        <button key={k} id={`${id}-${k}`} type="button" className="btn" onClick={() => setKind(k)}>
          + {KINDS[k].label(t)}
          {itemTitle ? (
            <span className="visually-hidden"> {t('agenda.forItem', { title: itemTitle })}</span>
          ) : null}
        </button>
      ))}
    </div>
  );
}
