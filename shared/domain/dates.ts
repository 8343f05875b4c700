/**
 * `2021-03-31` → "woensdag 31 maart 2021" (nl) / "Wednesday 31 March 2021" (en): a meeting's date
 * as the app and the verslag write it. Read at noon UTC, so no time zone moves it to another day.
 */
export function formatDate(iso: string | null, lang: 'nl' | 'en'): string {
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
