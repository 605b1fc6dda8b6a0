/** A refusal shown where it happened, in the server's words. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null
  return (
    <p class="form-error" role="alert">
      {message}
    </p>
  )
}
