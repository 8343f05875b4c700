import { formatCode } from '../../../shared/domain/ids';
import { useT } from '../../i18n';
import { useAppStore } from '../../store';
import { CopyField } from '../common/CopyField';
import { downloadText, linksFilename, linksText } from '../common/linksFile';
import { usePublicOrigin } from '../common/publicOrigin';
import { SecretLinkField } from '../common/SecretLinkField';

/**
 * [MEET10] How others get in, and the links again: the code, the participants' and the screen's
 * links, the facilitator's and the secretary's secret links behind "Toon" (a facilitator shares
 * their screen), and all of them as a small text file.
 */
export function SharePanel({
  code,
  facilitatorToken,
  secretaryToken,
}: {
  code: string;
  facilitatorToken: string;
  secretaryToken: string | null;
}) {
  const t = useT();
  const origin = usePublicOrigin();
  const title = useAppStore((s) => s.meeting?.title ?? '');
  const links = {
    title,
    code,
    facilitator: `${origin}/m/${code}/leiding#${facilitatorToken}`,
    secretary: secretaryToken ? `${origin}/m/${code}/verslag#${secretaryToken}` : null,
    participant: `${origin}/m/${code}`,
    screen: `${origin}/m/${code}/scherm`,
  };
  return (
    <section className="card" aria-labelledby="share-h">
      <h2 id="share-h">{t('share.heading')}</h2>
      <p className="join-code-line">
        {t('start.codeIs')} <span className="join-code">{formatCode(code)}</span>
      </p>
      <CopyField label={t('start.participantLink')} value={links.participant} />
      <CopyField label={t('links.screenLink')} value={links.screen} />
      <p>
        <a href={`/m/${code}/scherm`} target="_blank" rel="noreferrer">
          {t('share.screen')}
        </a>
      </p>
      <SecretLinkField
        label={t('start.facilitatorLink')}
        value={links.facilitator}
        hint={t('start.facilitatorLinkHint')}
      />
      {links.secretary ? (
        <SecretLinkField
          label={t('start.secretaryLink')}
          value={links.secretary}
          hint={t('start.secretaryLinkHint')}
        />
      ) : (
        <p className="hint">{t('links.secretaryUnknown')}</p>
      )}
      <p className="hint" id="share-download-hint">
        {t('links.downloadHint')}
      </p>
      <button
        type="button"
        className="btn"
        aria-describedby="share-download-hint"
        onClick={() => downloadText(linksFilename(code), linksText(links))}
      >
        {t('links.download')}
      </button>
    </section>
  );
}
