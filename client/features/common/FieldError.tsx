/** What went wrong with a form, announced at once; nothing when there is no `message`. */
export function FieldError({ message, id }: { message: string | null | undefined; id?: string }) {
  return message ? (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  ) : null;
}
