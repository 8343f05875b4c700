import { formatCode } from '../../../shared/domain/ids';
import { useT } from '../../i18n';
import { usePublicOrigin } from '../common/publicOrigin';
import { QrCode } from './QrCode';

/**
 * [SCREEN4] How to join, large: a QR code of the participants' link (made in this browser), the
 * short address (PUBLIC_URL's host, else this page's) and the join code.
 */
export function JoinPanel({ code }: { code: string }) {
  const t = useT();
  const origin = usePublicOrigin();
  const link = `${origin}/m/${code}`;
  const host = new URL(origin).host;
  return (
    <section className="screen__join" aria-labelledby="screen-join-h">
      <h2 id="screen-join-h" className="screen__join-heading">
        {t('screen.joinHeading')}
      </h2>
      <QrCode className="screen__qr" text={link} label={t('screen.qrLabel', { link })} />
      <p className="screen__join-text">
        {t('screen.goTo')} <strong className="screen__host">{host}</strong> {t('screen.withCode')}
      </p>
      <p className="screen__code">
        <span className="join-code">{formatCode(code)}</span>
      </p>
    </section>
  );
}
