/** An error shown next to what caused it, announced to screen readers. */
export function ErrorNote({ message }: { readonly message: string | null }) {
  return message ? (
    <p class="error" role="alert">
      {message}
    </p>
  ) : null;
}
