import type { Lang } from '../../i18n';

/** `2021-03-31` → "woensdag 31 maart 2021" (nl) / "Wednesday 31 March 2021" (en). */
export function formatDate(iso: string | null, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}
