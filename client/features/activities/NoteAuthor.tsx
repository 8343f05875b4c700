/** " — Ann" after an explanation in the results, when its writer is shown (not anonymous). */
export function NoteAuthor({ author }: { author: string | null | undefined }) {
  return author ? (
    <span className="note-author">
      {' '}
      — <bdi>{author}</bdi>
    </span>
  ) : null;
}
