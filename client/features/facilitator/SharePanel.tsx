import { formatCode } from '../../../shared/domain/ids';
import { useT } from '../../i18n';
import { CopyField } from '../common/CopyField';

/** How others get in: the code, the participant link, the secretary's secret link, the screen view. */
export function SharePanel({ code, secretaryToken }: { code: string; secretaryToken: string | null }) {
  const t = useT();
  const origin = window.location.origin;
  return (
    <section className="card" aria-labelledby="share-h">
      <h2 id="share-h">{t('share.heading')}</h2>
      <p className="join-code-line">
        {t('start.codeIs')} <span className="join-code">{formatCode(code)}</span>
      </p>
      <CopyField label={t('start.participantLink')} value={`${origin}/m/${code}`} />
      {secretaryToken ? (
        <CopyField
          label={t('start.secretaryLink')}
          value={`${origin}/m/${code}/verslag#${secretaryToken}`}
          hint={t('start.secretaryLinkHint')}
        />
      ) : null}
      <p>
        <a href={`/m/${code}/scherm`} target="_blank" rel="noreferrer">
          {t('share.screen')}
        </a>
      </p>
    </section>
  );
}
