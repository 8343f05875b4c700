import { useState } from 'react';
import type { ErrorCode } from '../../../shared/protocol/ack';
import { useLang, useSaid, useT } from '../../i18n';
import { refusalText } from '../../refusal';

/** A refusal from the server: its code, said in the reader's words when shown. */
class Refused extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

const FORMATS = [
  { key: 'docx', query: 'format=docx' },
  { key: 'pdf', query: 'format=pdf' },
  { key: 'md', query: 'format=md' },
  { key: 'html', query: 'format=html' },
  { key: 'csvSemicolon', query: 'format=csv&sep=semicolon' },
  { key: 'csvComma', query: 'format=csv' },
] as const;

/** The file name from `Content-Disposition` (its UTF-8 form when there is one). */
function filenameOf(header: string | null, fallback: string): string {
  const star = header ? /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1] : undefined;
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {}
  }
  return (header ? /filename="([^"]+)"/i.exec(header)?.[1] : undefined) ?? fallback;
}

/**
 * [REPORT10] Downloads of the verslag (made on the server from its own copy) and of all results.
 * The staff token goes in an Authorization header, never in a URL.
 */
export function ExportPanel({ meetingId, token }: { meetingId: string | null; token: string }) {
  const t = useT();
  const { lang } = useLang();
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [message, setMessage] = useSaid();
  const download = async (f: (typeof FORMATS)[number]) => {
    if (!meetingId || busy !== null) return;
    setBusy(f.key);
    setMessage(null);
    setFailed(false);
    try {
      const res = await fetch(`/api/meetings/${meetingId}/export?${f.query}&lang=${lang}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: ErrorCode } | null;
        throw new Refused(body?.error ?? 'internal');
      }
      const blob = await res.blob();
      const name = filenameOf(res.headers.get('content-disposition'), `verslag.${f.key}`);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage((tr) => tr('report.exportDone', { name }));
    } catch (err) {
      setFailed(true);
      // [ERR1] The server's refusal in the reader's words (again after a language switch); anything
      // else is the network.
      const code = err instanceof Refused ? err.code : 'network';
      setMessage((tr) => `${tr('report.exportFailed')}: ${refusalText(code)}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="card" aria-labelledby="export-h">
      <h2 id="export-h">{t('report.exportHeading')}</h2>
      <p className="hint">{t('report.exportHint')}</p>
      <div className="export-buttons">
        {FORMATS.map((f) => (
          <button
            key={f.key}
            type="button"
            className="btn"
            disabled={!meetingId}
            // [A11Y1] Not `disabled` while one downloads: that would throw keyboard focus to <body>.
            aria-disabled={busy !== null || undefined}
            aria-busy={busy === f.key || undefined}
            onClick={() => void download(f)}
          >
            {busy === f.key ? t('report.exportBusy') : t(`report.export.${f.key}`)}
          </button>
        ))}
      </div>
      <p className={failed ? 'field-error' : 'muted'} role="status">
        {message}
      </p>
    </section>
  );
}
