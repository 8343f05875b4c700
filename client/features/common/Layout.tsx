import { type ReactNode, useRef } from 'react';
import { CONTENT_LANG, useT } from '../../i18n';
import { ConnectionStatus } from './ConnectionStatus';
import { useFocusMainOnMount } from './focus';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * The frame of every view: skip link, a header (banner) and the main landmark. [SCREEN4] On the
 * shared screen (`screen`) nothing can be clicked or focused: no skip link, no home link, no
 * language switch; only the title and the connection state.
 */
export function Layout(props: {
  title?: ReactNode;
  subtitle?: ReactNode;
  live?: boolean;
  screen?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const logo = (
    <>
      <svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28">
        <rect width="32" height="32" rx="7" fill="#1f5f3f" />
        <path d="M16 6c-4 5-6 9-6 13a6 6 0 0 0 12 0c0-4-2-8-6-13z" fill="#f2c14e" />
      </svg>
      <span>Oogst</span>
    </>
  );
  const main = useRef<HTMLElement>(null);
  useFocusMainOnMount(main);
  return (
    <>
      {props.screen ? null : (
        <a className="skip-link" href="#main">
          {t('common.skipToContent')}
        </a>
      )}
      <header className="app-header">
        <div className="app-header__brand">
          {props.screen ? (
            <span className="brand">{logo}</span>
          ) : (
            <a href="/" className="brand" aria-label={t('common.homeLink')}>
              {logo}
            </a>
          )}
          {props.title ? (
            <div className="app-header__meeting">
              <span className="app-header__title" dir="auto" lang={CONTENT_LANG}>
                {props.title}
              </span>
              {props.subtitle ? <span className="app-header__subtitle">{props.subtitle}</span> : null}
            </div>
          ) : null}
        </div>
        <div className="app-header__tools">
          {props.live ? <ConnectionStatus /> : null}
          {props.screen ? null : <LanguageSwitch />}
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        {props.children}
      </main>
    </>
  );
}
