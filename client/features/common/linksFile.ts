import { formatCode } from '../../../shared/domain/ids';
import { translate } from '../../i18n';

/** The links of one meeting; a secret link the browser does not know is null. */
export interface MeetingLinks {
  title: string;
  code: string;
  facilitator: string | null;
  secretary: string | null;
  participant: string;
  screen: string;
}

/**
 * [MEET10] A small text file with a meeting's links, to keep: what each link allows, the secret
 * ones first. Plain text (UTF-8, CRLF so Notepad shows the lines too).
 */
export function linksText(l: MeetingLinks): string {
  const lines = [translate('links.fileTitle', { title: l.title }), '', translate('links.fileKeep'), ''];
  const add = (label: string, link: string | null) => {
    if (link) lines.push(`${label}:`, link, '');
  };
  add(translate('links.fileFacilitator'), l.facilitator);
  add(translate('links.fileSecretary'), l.secretary);
  add(translate('links.fileParticipant'), l.participant);
  lines.push(translate('links.fileCode', { code: formatCode(l.code) }), '');
  add(translate('links.fileScreen'), l.screen);
  return lines.join('\r\n');
}

/** Offers `text` as a download named `filename`, made in the browser (nothing is sent anywhere). */
export function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const linksFilename = (code: string) => `oogst-${code}-links.txt`;
