/** An error shown next to what caused it, announced to screen readers. */
export function ErrorNote({ message, id }: { readonly message: string | null; readonly id?: string }) {
  return message ? (
    <p class="error" role="alert" id={id}>
      {message}
    </p>
  ) : null;
}
