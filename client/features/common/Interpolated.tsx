/** Put this where people's text goes in a translation: `t('flow.next', { title: SLOT })`. */
export const SLOT = '\uE000';

/**
 * [TEXT1][TEXT2] A translated sentence with people's text in it (a title, a name), that text in a
 * `<bdi>`: isolated, so its direction cannot move the words around it, and free to break anywhere.
 */
export function Interpolated({ text, value }: { text: string; value: string }) {
  const i = text.indexOf(SLOT);
  if (i < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, i)}
      <bdi>{value}</bdi>
      {text.slice(i + SLOT.length)}
    </>
  );
}
