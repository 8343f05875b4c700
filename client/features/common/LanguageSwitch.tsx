import { useLang } from '../../i18n';

/** Switches between Dutch and English; each label is written in its own language. */
export function LanguageSwitch() {
  const { lang, setLang } = useLang();
  const other = lang === 'nl' ? 'en' : 'nl';
  return (
    <button type="button" className="btn btn--quiet" lang={other} onClick={() => setLang(other)}>
      {other === 'en' ? 'English' : 'Nederlands'}
    </button>
  );
}
