import { useEffect, useId, useState } from 'react';
import { api } from '../../api';
import { useSaid, useT } from '../../i18n';
import { forgetTemplate, type KnownTemplate, knownTemplates, rememberTemplate } from './templateStore';

/** Reads `/?sjabloon=<id>#<secret>` once: the template link a facilitator shares. */
function templateFromLink(): { id: string; token: string } | null {
  const id = new URLSearchParams(window.location.search).get('sjabloon');
  const token = window.location.hash.slice(1);
  if (!id || !token) return null;
  // Out of the address bar (and history) at once: the secret is not for a shared screen.
  window.history.replaceState(null, '', window.location.pathname);
  return { id, token };
}

/**
 * [TPL3][TPL4] "Begin met": an empty meeting, or a template this browser knows (saved here, opened
 * with a template link) or, for the admin, any template of the server.
 */
export function TemplatePicker({
  value,
  onChange,
  adminToken,
  adminRequired,
}: {
  value: KnownTemplate | null;
  onChange: (t: KnownTemplate | null) => void;
  adminToken: string;
  adminRequired: boolean;
}) {
  const t = useT();
  const id = useId();
  const [known, setKnown] = useState<KnownTemplate[]>(knownTemplates);
  const [message, setMessage] = useSaid();

  // biome-ignore lint/correctness/useExhaustiveDependencies: a template link is read once, on arrival
  useEffect(() => {
    const link = templateFromLink();
    if (!link) return;
    void api.openTemplate(link.id, link.token).then((r) => {
      if (!r.ok) return setMessage((tr) => tr('tpl.linkFailed'));
      const tpl = { ...r.data.template, token: link.token };
      rememberTemplate(tpl);
      setKnown(knownTemplates());
      onChange(tpl);
      setMessage((tr) => tr('tpl.linkOpened', { title: tpl.title }));
    });
  }, []);

  const loadServer = async () => {
    const r = await api.listTemplates(adminToken);
    if (!r.ok) return setMessage((tr) => tr('start.adminWrong'));
    const local = new Map(knownTemplates().map((x) => [x.id, x]));
    setKnown([...local.values(), ...r.data.templates.filter((x) => !local.has(x.id))]);
    const n = r.data.templates.length;
    setMessage((tr) => tr('tpl.serverLoaded', { n }));
  };

  if (known.length === 0 && !adminRequired && !message) return null;
  return (
    <div className="field template-picker">
      <label htmlFor={`${id}-s`}>{t('tpl.startWith')}</label>
      <select
        id={`${id}-s`}
        value={value?.id ?? ''}
        onChange={(e) => onChange(known.find((x) => x.id === e.target.value) ?? null)}
      >
        <option value="">{t('tpl.empty')}</option>
        {known.map((x) => (
          <option key={x.id} value={x.id}>
            {x.title} — {t('tpl.summary', { items: x.agendaItems, activities: x.activities })}
          </option>
        ))}
      </select>
      <div className="row">
        {value?.token ? (
          <button
            type="button"
            className="btn btn--quiet btn--small"
            onClick={() => {
              forgetTemplate(value.id);
              setKnown(knownTemplates());
              onChange(null);
              setMessage((tr) => tr('tpl.forgotten'));
            }}
          >
            {t('tpl.forget')}
          </button>
        ) : null}
        {adminRequired ? (
          <button
            type="button"
            className="btn btn--quiet btn--small"
            disabled={!adminToken}
            onClick={loadServer}
          >
            {t('tpl.showServer')}
          </button>
        ) : null}
      </div>
      <p className="hint" role="status">
        {message}
      </p>
    </div>
  );
}
